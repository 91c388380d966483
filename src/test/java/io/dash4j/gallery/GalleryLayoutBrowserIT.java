package io.dash4j.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

/**
 * The gallery looks finished at a desktop's and a phone's width: screenshots of every page under
 * {@code target/screenshots/}, and the layout checked in the page: cards clear of the screen's
 * edges, buttons apart, text left-aligned, no sideways scrolling, a menu to every page.
 */
class GalleryLayoutBrowserIT {
  @RegisterExtension static final ServedApp server = ServedGallery.create();
  @RegisterExtension static final Browser browser = Browser.perClass();

  private static final List<String> PATHS =
      List.of(
          "/",
          "/background",
          BrownianExample.PATH,
          StreamingTableExample.PATH,
          LiveDashboardExample.PATH,
          WebsocketLoopExample.PATH);

  /** What breaks the layout, one line each; empty when the page looks right. */
  private static final String PROBLEMS =
      """
      var problems = [], width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > width + 1) {
        problems.push('scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
      }
      document.querySelectorAll('.example').forEach(function (card, n) {
        var r = card.getBoundingClientRect();
        if (r.left < 8 || width - r.right < 8) {
          problems.push('card ' + n + ' is ' + r.left + '/' + (width - r.right) + ' px from the edges');
        }
        var buttons = Array.from(card.querySelectorAll('button')).filter(function (b) {
          return b.offsetParent !== null;
        }).map(function (b) { return b.getBoundingClientRect(); });
        buttons.forEach(function (a, i) {
          buttons.slice(i + 1).forEach(function (b) {
            var dx = Math.max(b.left - a.right, a.left - b.right);
            var dy = Math.max(b.top - a.bottom, a.top - b.bottom);
            if (dx < 4 && dy < 4) {
              problems.push('buttons touch in card ' + n + ': gap ' + dx + ' x ' + dy);
            }
          });
        });
      });
      document.querySelectorAll('h1, h2, p, .example, .menu').forEach(function (el) {
        var align = getComputedStyle(el).textAlign;
        if (align !== 'start' && align !== 'left') {
          problems.push(el.tagName + ' is aligned ' + align);
        }
      });
      return problems;""";

  @Test
  void everyPageLooksFinishedOnADesktopAndOnAPhone() {
    var driver = browser.driver();
    try {
      for (int width : new int[] {1280, 390}) {
        driver.manage().window().setSize(new Dimension(width, 1000));
        for (String path : PATHS) {
          browser.openApp(server.url() + path.substring(1));
          browser.waitForElement(".example h2");
          browser.waitUntil(
              "the charts of " + path + " are drawn",
              () ->
                  Boolean.TRUE.equals(
                      browser.javascript(
                          "var graphs = document.querySelectorAll('.dash-graph').length;"
                              + " return document.querySelectorAll('.dash-graph .main-svg')"
                              + ".length >= graphs;")));
          Object links =
              browser.javascript(
                  "return Array.from(document.querySelectorAll('.menu a'))"
                      + ".map(function (a) { return new URL(a.href).pathname; });");
          assertThat(links).asList().as("the menu on " + path).containsAll(PATHS);
          String name = path.equals("/") ? "callbacks" : path.substring(1).replace('/', '-');
          browser.screenshot(Path.of("target/screenshots", name + "-" + width + ".png"));
          if (width < 1280) {
            assertThat(browser.javascript(PROBLEMS)).asList().as(path + " at " + width).isEmpty();
          } else {
            assertThat(browser.javascript(PROBLEMS)).asList().as(path).isEmpty();
          }
        }
      }
    } finally {
      driver.manage().window().setSize(new Dimension(1280, 1024));
    }
  }
}
