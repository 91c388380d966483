package io.dash4j.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.gallery.Gallery;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/** The example gallery works as a visitor uses it: every example on the page answers. */
class GalleryBrowserIT {
  @RegisterExtension
  static final ServedApp server =
      ServedApp.of(
          () -> {
            var app = new Gallery().create();
            app.config().port(0).assetsFolder("gallery/assets");
            return app;
          });

  @RegisterExtension static final Browser browser = Browser.perClass();

  @Test
  void everyExampleOfTheGalleryAnswers() {
    browser.openApp(server);

    browser.waitForText("#greeting", "Hello, world!");
    browser.type("#name", "Ada");
    browser.waitForText("#greeting", "Hello, Ada!");

    browser.waitForText("#waves-text", "3 waves");
    browser.waitForText("#waves-chart .gtitle", "3 waves");
    // two steps right on the slider's handle redraw text and chart together
    browser.waitForElement("#waves [role='slider']").sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
    browser.waitForText("#waves-text", "5 waves");
    browser.waitForText("#waves-chart .gtitle", "5 waves");

    browser.waitForText("#choice", "You chose Paris, France.");
    browser.selectDropdownOption("#country", "Japan");
    browser.waitForText("#choice", "You chose Tokyo, Japan.");

    browser.waitForText("#rolls", "0");
    browser.click("#roll");
    browser.waitForTextContains("#dice", "You rolled ");
    browser.waitForText("#rolls", "1");

    browser.waitForText("#sales-total", "Total units: 28");
    browser.waitForElement("#network canvas");
    browser.waitForText("#tapped", "Tap a node");
    browser.tapCytoscapeNode("vertx");
    browser.waitForText("#tapped", "You tapped Vert.x");
    browser.tapCytoscapeNode("dash");
    browser.waitForText("#tapped", "You tapped Dash");

    // the socket door: the clock is pushed every second, the job's progress while it runs
    browser.waitForTextContains("#clock", "Server time ");
    String firstTick = browser.text("#clock");
    browser.waitUntil("the clock ticks", () -> !browser.text("#clock").equals(firstTick));
    browser.click("#job");
    browser.waitUntil(
        "the job's bar moves while it runs",
        () -> {
          Object value = browser.javascript("return document.querySelector('#job-bar').value;");
          return value instanceof Number n
              && n.intValue() > 0
              && n.intValue() < 100
              && browser.text("#job-result").equals("Not run yet");
        });
    browser.waitForText("#job-result", "Job 1 done; the page's bar reads 100%");

    // the gallery's stylesheet came from its assets folder
    Object border =
        browser.javascript(
            "return getComputedStyle(document.querySelector('.example')).borderTopStyle;");
    assertThat(border).isEqualTo("solid");
  }
}
