package io.dash4j.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WindowType;

/**
 * The gallery's pages of pushes from the server, as a visitor uses them: a broadcast walk, two
 * streams and a socket loop.
 */
class GalleryPushPagesBrowserIT {
  @RegisterExtension static final ServedApp server = ServedGallery.create();
  @RegisterExtension static final Browser browser = Browser.perClass();

  /** The y values a chart draws (its Plotly div's data), or null before it is drawn. */
  private static final String TRACE_Y =
      """
      var graph = document.getElementById(arguments[0]);
      var plot = graph && graph.querySelector('.js-plotly-plot');
      if (!plot || !plot.data || !plot.data[0]) return null;
      var x = Array.from(plot.data[0].x || []), y = Array.from(plot.data[0].y || []);
      if (x.length !== y.length) return 'x and y differ: ' + x.length + ' and ' + y.length;
      return x.map(function (step, i) { return step + ':' + y[i]; });""";

  /** A component's prop as the renderer holds it. */
  private static final String PROP =
      """
      var layout = window.dash_component_api && window.dash_component_api.getLayout(arguments[0]);
      return layout && layout.props ? layout.props[arguments[1]] : null;""";

  @Test
  void twoPagesDrawTheSameBrownianWalk() {
    var driver = browser.driver();
    browser.openApp(server.url() + "brownian");
    browser.waitUntil("the walk is drawn", () -> walk().size() >= 3);
    String first = driver.getWindowHandle();

    // a second page starts from the kept snapshot, then draws the steps as they are broadcast
    driver.switchTo().newWindow(WindowType.TAB);
    browser.openApp(server.url() + "brownian");
    browser.waitUntil("the second page draws the walk", () -> walk().size() >= 3);
    int seen = walk().size();
    browser.waitUntil("the second page's walk grows", () -> walk().size() > seen);
    browser.waitUntil("the page pongs", () -> pongs() >= 2);

    // Pause stops the one walk: both pages say Resume, and end on the same points
    browser.click("#pause");
    browser.waitForText("#pause", "Resume");
    driver.switchTo().window(first);
    browser.waitForText("#pause", "Resume");
    String second = otherWindow(first);
    // each page draws the steps broadcast since it opened (the first also those before the second
    // opened): the same step has the same position on both
    browser.waitUntil(
        "both pages draw the same walk",
        () -> {
          driver.switchTo().window(second);
          List<Object> there = walk();
          driver.switchTo().window(first);
          List<Object> here = walk();
          return there.size() >= 3
              && here.size() >= 3
              && sameWhereBothDraw(here, there)
              && here.subList(here.size() - 3, here.size())
                  .equals(there.subList(there.size() - 3, there.size()));
        });
    List<Object> paused = walk();
    sleepTicks(3);
    assertThat(walk()).as("no step while paused").isEqualTo(paused);
    driver.switchTo().window(second);
    List<Object> pausedThere = walk();
    driver.switchTo().window(first);

    // Reset clears this page's chart only
    browser.click("#reset");
    browser.waitUntil("this page's chart is empty", () -> walk().isEmpty());
    driver.switchTo().window(second);
    assertThat(walk()).isEqualTo(pausedThere);

    // the variance is broadcast to both pages; Resume walks on, from empty on the reset page
    browser.waitForElement("#variance [role='slider']").sendKeys(Keys.ARROW_RIGHT);
    browser.waitForText("#showvariance", "Variance: 1.1");
    browser.click("#pause");
    browser.waitForText("#pause", "Pause");
    browser.waitUntil("the walk goes on", () -> walk().size() > pausedThere.size());
    driver.switchTo().window(first);
    browser.waitForText("#showvariance", "Variance: 1.1");
    browser.waitForText("#pause", "Pause");
    browser.waitUntil("the reset page draws the new steps", () -> !walk().isEmpty());
    assertThat(walk().size())
        .as("the reset page draws only the new steps")
        .isLessThan(paused.size());
    browser.assertNoErrorsLogged();
    driver.switchTo().window(second).close();
    driver.switchTo().window(first);
  }

  @Test
  void theTableStreamsInChunksAndCancelClearsIt() {
    browser.openApp(server.url() + "streaming/table");
    assertThat(browser.javascript(PROP, "cancel-button-test", "style")).asString().contains("none");
    browser.click("#stream-button-test");
    browser.waitForText("#stream-notification", "Processed 500 of 5000 items");
    browser.waitForText("#stream-button-test", "Downloading...");
    browser.waitUntil("the first chunk fills the table", () -> rows() == 500);
    assertThat(browser.javascript("return document.querySelectorAll('#stream-table th').length"))
        .isNotEqualTo(0L);
    browser.waitForText("#stream-notification", "Processed 1000 of 5000 items");
    browser.waitUntil("the second chunk is appended", () -> rows() == 1000);
    assertThat(browser.javascript(PROP, "stream-table", "data"))
        .asString()
        .contains("row=1,")
        .contains("row=1000,");

    browser.click("#cancel-button-test");
    browser.waitForText("#stream-notification", "Download cancelled: the table was cleared.");
    browser.waitUntil("the table is cleared", () -> rows() == 0);
    browser.waitForText("#stream-button-test", "Download");
    assertThat(browser.javascript("return document.querySelector('#stream-button-test').disabled"))
        .isEqualTo(false);
    assertThat(browser.javascript(PROP, "cancel-button-test", "style")).asString().contains("none");
    assertThat(browser.javascript(PROP, "stream-table", "columns")).asList().isEmpty();
    browser.assertNoErrorsLogged();
  }

  @Test
  void theLiveDashboardStreamsUntilEndOrLeavingAndShowsAFailure() {
    browser.openApp(server.url() + "streaming/live-dashboard");
    browser.click("#start-stream-button");
    for (String company : LiveDashboardExample.COMPANIES) {
      browser.waitUntil(company + "'s chart grows", () -> points(company) >= 2);
    }
    assertThat(LiveDashboardExample.RUNNING.get()).isEqualTo(1);
    browser.click("#end-stream-button");
    browser.waitUntil("the stream stops", () -> LiveDashboardExample.RUNNING.get() == 0);
    browser.waitUntil(
        "Start is enabled again",
        () ->
            Boolean.FALSE.equals(
                browser.javascript(
                    "return document.querySelector('#start-stream-button').disabled")));
    int drawn = points("google");
    sleepTicks(2);
    assertThat(points("google")).as("no point after End").isEqualTo(drawn);

    // leaving the page stops the stream on the server
    browser.click("#start-stream-button");
    browser.waitUntil("the stream runs", () -> points("google") > drawn);
    browser.click(".menu a[href='/']");
    browser.waitForText("#greeting", "Hello, world!");
    browser.waitUntil(
        "the stream stops when the page is left", () -> LiveDashboardExample.RUNNING.get() == 0);

    // a failure shows as a notification, and the buttons come back
    browser.click(".menu a[href='/streaming/live-dashboard']");
    browser.click("#fail-stream-button");
    browser.waitForText(
        "#live-notification", "The stream failed: the price feed dropped (simulated)");
    browser.waitUntil(
        "Start is enabled after the failure",
        () ->
            Boolean.FALSE.equals(
                browser.javascript(
                    "return document.querySelector('#start-stream-button').disabled")));
    assertThat(LiveDashboardExample.RUNNING.get()).isZero();
  }

  @Test
  void theWebsocketLoopPushesProgressReadsThePageAndStopsWhenThePageCloses() {
    var driver = browser.driver();
    browser.openApp(server.url() + "websocket");
    String first = driver.getWindowHandle();
    browser.type("#ws-loop-label", "from the test");
    browser.click("#ws-loop-start");
    browser.waitForTextContains("#ws-loop-status", "Step ");
    browser.waitForText("#ws-loop-read", "Halfway, the page's label read: from the test");
    browser.waitForText("#ws-loop-status", "Done: 20 steps");
    assertThat(browser.javascript("return document.querySelector('#ws-loop-bar').value"))
        .isEqualTo(20L);
    assertThat(WebsocketLoopExample.LAST_END.get()).isEqualTo("finished at step 20");

    // a page that closes mid-run stops its loop
    driver.switchTo().newWindow(WindowType.TAB);
    browser.openApp(server.url() + "websocket");
    browser.click("#ws-loop-start");
    browser.waitForTextContains("#ws-loop-status", "Step "); // running: any step shows it
    driver.close();
    driver.switchTo().window(first);
    browser.waitUntil(
        "the loop stops with its page",
        () -> WebsocketLoopExample.LAST_END.get().startsWith("page closed at step "));
    int step = Integer.parseInt(WebsocketLoopExample.LAST_END.get().replaceAll("\\D", ""));
    assertThat(step).isLessThan(WebsocketLoopExample.STEPS);
  }

  /** The chart's points as "step:position", failing when its x and y arrays differ in length. */
  @SuppressWarnings("unchecked")
  private static List<Object> walk() {
    Object points = browser.javascript(TRACE_Y, "motion");
    if (points instanceof String mismatch) {
      throw new AssertionError(mismatch);
    }
    return points == null ? List.of() : (List<Object>) points;
  }

  /** Whether every step both walks draw is at the same position on both. */
  private static boolean sameWhereBothDraw(List<Object> one, List<Object> other) {
    var positions = new java.util.HashMap<String, String>();
    for (Object point : one) {
      String[] stepAndPosition = String.valueOf(point).split(":");
      positions.put(stepAndPosition[0], stepAndPosition[1]);
    }
    return other.stream()
        .map(point -> String.valueOf(point).split(":"))
        .allMatch(p -> !positions.containsKey(p[0]) || positions.get(p[0]).equals(p[1]));
  }

  private static int pongs() {
    String text = browser.text("#pong");
    return text.startsWith("Pong ") ? Integer.parseInt(text.split(" ")[1]) : 0;
  }

  private static int rows() {
    Object data = browser.javascript(PROP, "stream-table", "data");
    return data instanceof List<?> list ? list.size() : -1;
  }

  private static int points(String company) {
    Object x =
        browser.javascript(
            "var g = document.getElementById(arguments[0]);"
                + " var p = g && g.querySelector('.js-plotly-plot');"
                + " return p && p.data ? p.data[0].x.length : 0;",
            "{\"index\":\"" + company + "\",\"type\":\"sse-graph-example\"}");
    return ((Number) x).intValue();
  }

  private static String otherWindow(String handle) {
    return browser.driver().getWindowHandles().stream()
        .filter(h -> !h.equals(handle))
        .findFirst()
        .orElseThrow();
  }

  /** Lets a few ticks of the server's timers pass, before checking that nothing was drawn. */
  private static void sleepTicks(int ticks) {
    try {
      Thread.sleep(ticks * 500L + 200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
