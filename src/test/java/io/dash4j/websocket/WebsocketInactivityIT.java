package io.dash4j.websocket;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ClickApp;
import io.dash4j.testing.Doors;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.SocketProbe;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dash's {@code tests/websocket/test_ws_inactivity.py} (ws020–ws024): the worker closes a socket
 * idle for {@code websocketInactivityTimeout}, reopens it for the next callback, keeps it while
 * callbacks come often enough, and never closes it under a callback in flight. The Python tests
 * watch the page only; here each app's {@link Doors} also shows from the server's side whether the
 * page went through one socket or had to open another.
 */
class WebsocketInactivityIT {
  static final Doors closes = new Doors();
  static final Doors activity = new Doors();
  static final Doors quick = new Doors();
  static final Doors reconnect = new Doors();
  static final Doors longCall = new Doors();

  @RegisterExtension static final ServedApp closesApp = ServedApp.of(() -> clickedApp(closes, 3));

  @RegisterExtension
  static final ServedApp activityApp = ServedApp.of(() -> clickedApp(activity, 4));

  @RegisterExtension
  static final ServedApp quickApp = ServedApp.of(WebsocketInactivityIT::quickApp);

  @RegisterExtension
  static final ServedApp reconnectApp = ServedApp.of(() -> clickedApp(reconnect, 2));

  @RegisterExtension
  static final ServedApp longCallApp = ServedApp.of(WebsocketInactivityIT::longCallApp);

  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void reset() {
    browser.consoleErrors();
  }

  /** The layout of ws020, ws021 and ws023: a button and "Clicked n". */
  static DashApp clickedApp(Doors doors, int inactivitySeconds) {
    return doors.watch(
        ClickApp.create(
            new SocketProbe(doors),
            "initial",
            config ->
                config
                    .websocketCallbacks(true)
                    .websocketInactivityTimeout(Duration.ofSeconds(inactivitySeconds)),
            options -> {}));
  }

  /**
   * test_ws020_inactivity_timeout_closes: idle past the 3 s timeout, the socket is closed; the next
   * click opens a second one and is answered.
   */
  @Test
  void ws020_inactivityTimeoutCloses() throws InterruptedException {
    browser.openApp(closesApp);
    browser.waitForText("#output", "Clicked 0");
    browser.click("#btn");
    browser.waitForText("#output", "Clicked 1");
    assertThat(closes.sockets).hasSize(1).doesNotContain("null");

    Thread.sleep(4000); // the 3 s timeout, and the worker's 1 s check

    browser.click("#btn");
    browser.waitForText("#output", "Clicked 2");
    assertThat(closes.sockets)
        .as("the idle socket was closed, the click came through a new one")
        .hasSize(2)
        .doesNotContain("null");
    assertThat(closes.overHttp).hasValue(0);
    assertThat(closes.overSocket).hasValue(3);
    browser.assertNoErrorsLogged();
  }

  /**
   * test_ws021_activity_resets_timer: a click every 2 s under a 4 s timeout, 6 s in all, and every
   * click goes through the one socket the page opened.
   */
  @Test
  void ws021_activityResetsTimer() throws InterruptedException {
    browser.openApp(activityApp);
    browser.waitForText("#output", "Clicked 0");
    for (int i = 1; i <= 3; i++) {
      Thread.sleep(2000);
      browser.click("#btn");
      browser.waitForText("#output", "Clicked " + i);
    }
    assertThat(activity.sockets)
        .as("no disconnect: one socket throughout")
        .hasSize(1)
        .doesNotContain("null");
    assertThat(activity.overHttp).hasValue(0);
    assertThat(activity.overSocket).hasValue(4);
    browser.assertNoErrorsLogged();
  }

  static DashApp quickApp() {
    var app =
        Dash.create(
            config ->
                config
                    .port(0)
                    .websocketCallbacks(true)
                    .websocketInactivityTimeout(Duration.ofSeconds(5)));
    app.layout(div(button("Click").id("btn"), div("0").id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          quick.door();
          return String.valueOf(n == null ? 0 : n);
        });
    return quick.watch(app);
  }

  /** test_ws022_quick_successive_callbacks: five clicks 100 ms apart end on "5". */
  @Test
  void ws022_quickSuccessiveCallbacks() throws InterruptedException {
    browser.openApp(quickApp);
    browser.waitForText("#output", "0");
    for (int i = 0; i < 5; i++) {
      browser.click("#btn");
      Thread.sleep(100);
    }
    browser.waitForText("#output", "5");
    assertThat(quick.sockets).hasSize(1).doesNotContain("null");
    assertThat(quick.overHttp).hasValue(0);
    assertThat(quick.overSocket.get()).isGreaterThanOrEqualTo(2);
    browser.assertNoErrorsLogged();
  }

  /**
   * test_ws023_auto_reconnect_after_timeout: past a 2 s timeout the next click reconnects by
   * itself, and the socket it opened keeps serving the click after it.
   */
  @Test
  void ws023_autoReconnectAfterTimeout() throws InterruptedException {
    browser.openApp(reconnectApp);
    browser.waitForText("#output", "Clicked 0");
    browser.click("#btn");
    browser.waitForText("#output", "Clicked 1");
    assertThat(reconnect.sockets).hasSize(1).doesNotContain("null");

    Thread.sleep(3000); // the 2 s timeout, and the worker's 1 s check

    browser.click("#btn");
    browser.waitForText("#output", "Clicked 2");
    assertThat(reconnect.sockets).hasSize(2).doesNotContain("null");
    browser.click("#btn");
    browser.waitForText("#output", "Clicked 3");
    assertThat(reconnect.sockets).as("the new socket stays").hasSize(2);
    assertThat(reconnect.overHttp).hasValue(0);
    assertThat(reconnect.overSocket).hasValue(4);
    browser.assertNoErrorsLogged();
  }

  static DashApp longCallApp() {
    var app =
        Dash.create(
            config ->
                config
                    .port(0)
                    .websocketCallbacks(true)
                    .websocketInactivityTimeout(Duration.ofSeconds(2)));
    app.layout(div(button("Start Long Task").id("btn"), div("ready").id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          longCall.door();
          if (n == null || n == 0) {
            return "ready";
          }
          Thread.sleep(3000);
          if (CallbackContext.current().isShutdown()) {
            longCall.sawShutdown.incrementAndGet();
          }
          longCall.runsEnded.incrementAndGet();
          return "Completed task " + n;
        });
    return longCall.watch(app);
  }

  /**
   * test_ws024_long_callback_doesnt_timeout: a callback longer than the inactivity timeout
   * completes. The Python test sleeps 2 s under a 3 s timeout although its comment says "longer
   * than inactivity timeout"; here the call takes 3 s under a 2 s timeout, so a worker that counted
   * a pending call as idle would close the socket (its check runs every second) before the answer.
   */
  @Test
  void ws024_longCallbackDoesntTimeout() {
    browser.openApp(longCallApp);
    browser.waitForText("#output", "ready");
    browser.click("#btn");
    browser.waitForText("#output", "Completed task 1");
    assertThat(longCall.runsEnded).hasValue(1);
    assertThat(longCall.sawShutdown).as("the page stayed connected through the call").hasValue(0);
    assertThat(longCall.sockets).hasSize(1).doesNotContain("null");
    assertThat(longCall.overHttp).hasValue(0);
    assertThat(longCall.overSocket).hasValue(2);
    browser.assertNoErrorsLogged();
  }
}
