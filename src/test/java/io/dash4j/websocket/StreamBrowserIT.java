package io.dash4j.websocket;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A stream in the stock front end: it pushes while the page shows its own title (a stream is
 * persistent, never "Updating..."), a second Start replaces the running run rather than adding one,
 * and Stop ends it with its reset.
 */
class StreamBrowserIT {
  static final AtomicInteger running = new AtomicInteger();
  static final AtomicInteger mostAtOnce = new AtomicInteger();

  @RegisterExtension static final ServedApp server = ServedApp.of(StreamBrowserIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).title("Streams"));
    app.layout(
        div(
            button("Start").id("start"),
            button("Stop").id("stop").nClicks(0),
            div("idle").id("progress")));
    app.streamCallback(
        Input.of("start", Html.Button.N_CLICKS),
        (clicks, stream) -> {
          mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
          try {
            for (int tick = 1; ; tick++) {
              stream.setProp("progress", "children", "run " + clicks + " tick " + tick);
              Thread.sleep(100);
            }
          } finally {
            running.decrementAndGet();
          }
        },
        options ->
            options
                .cancelUnless(Input.of("stop", Html.Button.N_CLICKS), 0)
                .resetProps("progress", Map.of("children", "idle")));
    return app;
  }

  @Test
  void aStreamPushesWithoutUpdatingTitleRestartsOnANewClickAndStopsWithItsReset() {
    browser.openApp(server);
    browser.click("#start");
    browser.waitForTextContains("#progress", "run 1 tick 3");
    assertThat(browser.driver().getTitle())
        .as("a running stream leaves the title")
        .isEqualTo("Streams");

    browser.click("#start");
    browser.waitForTextContains("#progress", "run 2 tick 3");
    assertThat(mostAtOnce.get()).as("the second click replaced the first run").isEqualTo(1);

    browser.click("#stop");
    browser.waitForText("#progress", "idle");
    browser.waitUntil("the stream stopped on the server", () -> running.get() == 0);
    assertThat(browser.driver().getTitle()).isEqualTo("Streams");
  }
}
