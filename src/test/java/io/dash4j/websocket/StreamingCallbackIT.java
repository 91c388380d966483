package io.dash4j.websocket;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WindowType;

/**
 * The seed scenario of the socket door: a callback without outputs loops, pushing a progress value
 * every 100 ms and checking {@code isShutdown()}; when its page closes, the server stops it.
 */
class StreamingCallbackIT {
  static final AtomicInteger pushes = new AtomicInteger();
  static volatile CountDownLatch stopped;

  /** Runs of the stream going on now; each click on Start makes one. */
  static final AtomicInteger running = new AtomicInteger();

  static volatile String howItStopped = "still running";

  @RegisterExtension static final ServedApp server = ServedApp.of(StreamingCallbackIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(button("Start").id("start"), div("idle").id("progress")));
    app.callbackWithoutOutput(
        Input.of("start", Html.Button.N_CLICKS),
        clicks -> {
          var context = CallbackContext.current();
          running.incrementAndGet();
          try {
            while (!context.isShutdown()) {
              context.setProps(
                  "progress", Map.of("children", "progress " + pushes.incrementAndGet()));
              Thread.sleep(100);
            }
            howItStopped = "isShutdown";
          } catch (InterruptedException e) {
            howItStopped = "interrupted";
          } catch (PageGone e) {
            howItStopped = "PageGone";
          } finally {
            running.decrementAndGet();
            stopped.countDown();
          }
        },
        options -> options.websocket(true).preventInitialCall(true));
    return app;
  }

  /** The number the page shows now ({@code progress N}), 0 before the first push. */
  static int progressShown() {
    String text = browser.text("#progress");
    return text.startsWith("progress ") ? Integer.parseInt(text.substring(9)) : 0;
  }

  @BeforeEach
  void reset() {
    stopped = new CountDownLatch(1);
    howItStopped = "still running";
    pushes.set(0);
  }

  @Test
  void aStreamRunsUntilItsPageClosesThenStops() throws Exception {
    streamThenCloseItsTab(false);
  }

  /**
   * With another tab of the app still open the socket stays up, so the server can only learn of the
   * closed page from the worker, which the page tells as it goes ({@code ws-page.js}: the renderer
   * does not).
   */
  @Test
  void aStreamStopsWhenItsTabClosesWhileAnotherTabKeepsTheSocket() throws Exception {
    streamThenCloseItsTab(true);
  }

  private void streamThenCloseItsTab(boolean keepAnotherTab) throws Exception {
    var driver = browser.driver();
    String firstTab = driver.getWindowHandle();
    if (keepAnotherTab) {
      browser.openApp(server);
    } else {
      browser.open(
          "about:blank"); // no other page of the app: closing the stream's tab closes the socket
    }
    driver.switchTo().newWindow(WindowType.TAB);
    browser.openApp(server);
    browser.click("#start");
    browser.waitUntil("the page shows pushed progress", () -> progressShown() >= 5);
    int shown = progressShown();
    browser.waitUntil("the progress keeps coming", () -> progressShown() >= shown + 5);
    assertThat(stopped.getCount()).as("the stream still runs while its page is open").isEqualTo(1);

    driver.close();
    driver.switchTo().window(firstTab);
    if (keepAnotherTab) {
      browser.waitForText("#progress", "idle"); // the other page is still there, untouched
    }

    assertThat(stopped.await(5, TimeUnit.SECONDS))
        .as("the stream stopped after its page closed")
        .isTrue();
    assertThat(howItStopped).isIn("isShutdown", "interrupted", "PageGone");
    // the loop has left (the latch is counted down on its way out) and no other run took its place:
    // nothing pushes
    assertThat(running).as("runs of the stream still going").hasValue(0);
    if (keepAnotherTab) {
      // the control: the page that stayed can still start a stream of its own, and it shows there
      stopped = new CountDownLatch(1);
      browser.click("#start");
      browser.waitUntil("the remaining page shows its own stream", () -> progressShown() > 0);
      assertThat(running).hasValue(1);
      // and closing that page stops it too, before the next test counts runs (a tab closed, not
      // navigated away:
      // a page kept in the back/forward cache keeps its socket)
      driver.switchTo().newWindow(WindowType.TAB);
      String blank = driver.getWindowHandle();
      driver.switchTo().window(firstTab).close();
      driver.switchTo().window(blank);
      browser.waitUntil("the second stream to stop with its page", () -> running.get() == 0);
    }
  }
}
