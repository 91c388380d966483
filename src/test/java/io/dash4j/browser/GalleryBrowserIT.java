package io.dash4j.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.gallery.ServedGallery;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/** The example gallery works as a visitor uses it: every example on every page answers. */
class GalleryBrowserIT {
  @RegisterExtension static final ServedApp server = ServedGallery.create();

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

  @Test
  void theBackgroundPageRunsCancelsCachesAndReadsACsvInChunks(@TempDir Path dir) throws Exception {
    browser.openApp(server.url() + "background");

    // a long task: the button is disabled and the status says so while it runs
    browser.click("#bg-run");
    browser.waitForText("#bg-status", "Running...");
    assertThat(browser.javascript("return document.querySelector('#bg-run').disabled;"))
        .isEqualTo(true);
    browser.waitForTextContains("#bg-result", "Task 1 finished at ");
    browser.waitForText("#bg-status", "Idle");

    // progress, then Cancel: the bar and text go back to their defaults, no result
    browser.click("#bg-start");
    browser.waitForTextContains("#bg-progress-text", "%");
    browser.click("#bg-cancel");
    browser.waitForText("#bg-progress-text", "Not running");
    assertThat(browser.text("#bg-progress-result")).isEmpty();

    // a cached product: the same inputs answer from the cache (same time), others compute
    browser.click("#bg-compute");
    browser.waitForTextContains("#bg-product", "6 × 7 = 42, computed at ");
    String first = browser.text("#bg-product");
    browser.click("#bg-compute");
    browser.waitForNoPendingCallbacks();
    assertThat(browser.text("#bg-product")).isEqualTo(first);
    browser.clearInput("#bg-b");
    browser.type("#bg-b", "8");
    browser.click("#bg-compute");
    browser.waitForTextContains("#bg-product", "6 × 8 = 48, computed at ");

    // a CSV of 1000 rows, read 200 at a time
    var csv = new StringBuilder("units,price\n");
    for (int i = 1; i <= 1000; i++) {
      csv.append(i).append(",2\n");
    }
    Path file = Files.writeString(dir.resolve("sales.csv"), csv);
    browser.waitForElement("#bg-upload input[type=file]").sendKeys(file.toString());
    browser.waitForTextContains("#bg-csv-status", "Read ");
    browser.waitForText(
        "#bg-csv-result", "sales.csv: 1000 rows; sum of units = 500500; sum of price = 2000");
    browser.assertNoErrorsLogged();
  }
}
