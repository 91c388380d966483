package io.dash4j.websocket;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.components.Html;
import io.dash4j.runtime.launch.DashServer;
import io.dash4j.testing.Browser;
import io.dash4j.testing.Doors;
import io.dash4j.testing.Ports;
import io.dash4j.testing.ServedApp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dash's {@code tests/websocket/test_ws_reconnect.py} (ws030–ws035): many, rapid, long and
 * concurrent callbacks on one socket, callbacks after an inactivity disconnect, and a loop that
 * checks {@code isShutdown}. Plus what the socket door promises on top: persistent callbacks start
 * again after a reconnect, both when the server went away and came back on the same port (the
 * worker's back-off) and when the worker closed an idle socket and reopened it for the next
 * callback, and a connect hook admitting the reconnect.
 *
 * <p>Each app has its own {@link Doors}: the sockets its callback requests came through and the
 * door of each call, so a test fails if the page quietly fell back to HTTP, and the reconnects are
 * observed from the server's side.
 */
class WebsocketReconnectIT {
  static final Doors sequential = new Doors();
  static final Doors rapid = new Doors();
  static final Doors longTask = new Doors();
  static final Doors afterIdle = new Doors();
  static final Doors concurrent = new Doors();
  static final Doors shutdownCheck = new Doors();
  static final Doors idlePersistent = new Doors();
  static final Doors hooked = new Doors();
  static final AtomicInteger hookedConnects = new AtomicInteger();

  @RegisterExtension
  static final ServedApp sequentialApp = ServedApp.of(() -> clickApp(sequential, null));

  @RegisterExtension static final ServedApp rapidApp = ServedApp.of(() -> clickApp(rapid, null));

  @RegisterExtension
  static final ServedApp longTaskApp = ServedApp.of(WebsocketReconnectIT::longTaskApp);

  @RegisterExtension
  static final ServedApp afterIdleApp =
      ServedApp.of(() -> clickApp(afterIdle, Duration.ofSeconds(2)));

  @RegisterExtension
  static final ServedApp concurrentApp = ServedApp.of(WebsocketReconnectIT::concurrentApp);

  @RegisterExtension
  static final ServedApp shutdownCheckApp = ServedApp.of(WebsocketReconnectIT::shutdownCheckApp);

  @RegisterExtension
  static final ServedApp idlePersistentApp = ServedApp.of(WebsocketReconnectIT::idlePersistentApp);

  @RegisterExtension
  static final ServedApp hookedApp = ServedApp.of(WebsocketReconnectIT::hookedApp);

  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void reset() {
    browser.consoleErrors();
  }

  /** The layout of ws030, ws031 and ws033: a button and the number of its clicks. */
  static DashApp clickApp(Doors doors, Duration inactivityTimeout) {
    var app =
        Dash.create(
            config -> {
              config.port(0).websocketCallbacks(true);
              if (inactivityTimeout != null) {
                config.websocketInactivityTimeout(inactivityTimeout);
              }
            });
    app.layout(div(button("Click").id("btn").nClicks(0), div("0").id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          doors.door();
          return String.valueOf(n == null ? 0 : n);
        });
    return doors.watch(app);
  }

  /**
   * test_ws030_multiple_callbacks_same_connection: five clicks in turn, all over the one socket.
   */
  @Test
  void ws030_multipleCallbacksSameConnection() {
    browser.openApp(sequentialApp);
    browser.waitForText("#output", "0");
    for (int i = 1; i <= 5; i++) {
      browser.click("#btn");
      browser.waitForText("#output", String.valueOf(i));
    }
    assertThat(sequential.overHttp).hasValue(0);
    assertThat(sequential.overSocket).hasValue(6); // the initial call and five clicks
    assertThat(sequential.sockets).hasSize(1).doesNotContain("null");
    browser.assertNoErrorsLogged();
  }

  /** test_ws031_rapid_callbacks: ten clicks 50 ms apart end on "10". */
  @Test
  void ws031_rapidCallbacks() throws InterruptedException {
    browser.openApp(rapidApp);
    browser.waitForText("#output", "0");
    for (int i = 0; i < 10; i++) {
      browser.click("#btn");
      Thread.sleep(50);
    }
    browser.waitForText("#output", "10");
    assertThat(rapid.overHttp).hasValue(0);
    assertThat(rapid.overSocket.get()).isGreaterThanOrEqualTo(2);
    assertThat(rapid.sockets).hasSize(1).doesNotContain("null");
    browser.assertNoErrorsLogged();
  }

  static DashApp longTaskApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            button("Start").id("btn").nClicks(0),
            div("ready").id("status"),
            div("0").id("progress")));
    app.callback(
        Output.of("status", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          longTask.door();
          var context = CallbackContext.current();
          context.setProps("status", Map.of("children", "running"));
          for (int i = 1; i <= 5; i++) {
            context.setProps("progress", Map.of("children", String.valueOf(i * 20)));
            Thread.sleep(100);
          }
          return "done";
        },
        options -> options.preventInitialCall(true));
    return longTask.watch(app);
  }

  /**
   * test_ws032_long_callback_with_set_props: the pushes show while the callback runs, before its
   * answer. The page records every text the two divs take, so the intermediate states are checked,
   * not only the last one.
   */
  @Test
  void ws032_longCallbackWithSetProps() {
    browser.openApp(longTaskApp);
    browser.waitForText("#status", "ready");
    browser.recordTexts("status", "progress");
    browser.click("#btn");
    browser.waitForText("#status", "done");
    browser.waitForText("#progress", "100");
    assertThat(browser.recordedTexts("status")).containsExactly("running", "done");
    assertThat(browser.recordedTexts("progress")).containsExactly("20", "40", "60", "80", "100");
    assertThat(longTask.overHttp).hasValue(0);
    assertThat(longTask.overSocket).hasValue(1);
    browser.assertNoErrorsLogged();
  }

  /**
   * test_ws033_callback_after_reconnect: with a 2 s inactivity timeout the worker closes the idle
   * socket, and the next click opens a new one (the server admits a second socket) and still gets
   * its answer, as do the clicks after it.
   */
  @Test
  void ws033_callbackAfterReconnect() throws InterruptedException {
    browser.openApp(afterIdleApp);
    browser.waitForText("#output", "0");
    browser.click("#btn");
    browser.waitForText("#output", "1");
    assertThat(afterIdle.sockets).hasSize(1).doesNotContain("null");

    Thread.sleep(3000); // past the 2 s timeout: the worker checks once a second

    browser.click("#btn");
    browser.waitForText("#output", "2");
    assertThat(afterIdle.sockets)
        .as("sockets: the idle one was closed and a new one opened")
        .hasSize(2)
        .doesNotContain("null");
    browser.click("#btn");
    browser.waitForText("#output", "3");
    assertThat(afterIdle.sockets).hasSize(2).doesNotContain("null");
    assertThat(afterIdle.overHttp).hasValue(0);
    assertThat(afterIdle.overSocket).hasValue(4);
    browser.assertNoErrorsLogged();
  }

  static DashApp concurrentApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            button("Button A").id("btn-a").nClicks(0),
            button("Button B").id("btn-b").nClicks(0),
            div("a:0").id("output-a"),
            div("b:0").id("output-b")));
    for (String name : List.of("a", "b")) {
      app.callback(
          Output.of("output-" + name, Html.Div.CHILDREN),
          Input.of("btn-" + name, Html.Button.N_CLICKS),
          n -> {
            concurrent.door();
            Thread.sleep(100); // so that calls overlap
            return name + ":" + (n == null ? 0 : n);
          });
    }
    return concurrent.watch(app);
  }

  /**
   * test_ws034_concurrent_callbacks: two buttons clicked in quick succession, each output gets its
   * own answer.
   */
  @Test
  void ws034_concurrentCallbacks() {
    browser.openApp(concurrentApp);
    browser.waitForText("#output-a", "a:0");
    browser.waitForText("#output-b", "b:0");
    browser.click("#btn-a");
    browser.click("#btn-b");
    browser.waitForText("#output-a", "a:1");
    browser.waitForText("#output-b", "b:1");
    browser.click("#btn-a");
    browser.click("#btn-b");
    browser.click("#btn-a");
    browser.waitForText("#output-a", "a:3");
    browser.waitForText("#output-b", "b:2");
    assertThat(concurrent.overHttp).hasValue(0);
    assertThat(concurrent.overSocket.get())
        .isGreaterThanOrEqualTo(6); // two initial calls and at least four clicks
    assertThat(concurrent.sockets).hasSize(1).doesNotContain("null");
    browser.assertNoErrorsLogged();
  }

  static DashApp shutdownCheckApp() {
    var app =
        Dash.create(
            config ->
                config
                    .port(0)
                    .websocketCallbacks(true)
                    .websocketInactivityTimeout(Duration.ofSeconds(2)));
    app.layout(
        div(
            button("Start").id("btn").nClicks(0),
            div("ready").id("status"),
            div("0").id("progress")));
    app.callback(
        Output.of("status", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          shutdownCheck.door();
          var context = CallbackContext.current();
          context.setProps("status", Map.of("children", "running"));
          for (int i = 1; i <= 10; i++) {
            if (context.isShutdown()) {
              shutdownCheck.sawShutdown.incrementAndGet();
              throw new PreventUpdate();
            }
            context.setProps("progress", Map.of("children", String.valueOf(i * 10)));
            Thread.sleep(200);
          }
          shutdownCheck.runsEnded.incrementAndGet();
          return "done";
        },
        options -> options.preventInitialCall(true));
    return shutdownCheck.watch(app);
  }

  /**
   * test_ws035_long_callback_with_shutdown_check: a 2 s loop that checks {@code isShutdown} runs to
   * its end with a 2 s inactivity timeout: the call in flight keeps the socket open, so the loop
   * never sees a shutdown.
   */
  @Test
  void ws035_longCallbackWithShutdownCheck() {
    browser.openApp(shutdownCheckApp);
    browser.waitForText("#status", "ready");
    browser.click("#btn");
    browser.waitForText("#status", "done");
    browser.waitForText("#progress", "100");
    assertThat(shutdownCheck.runsEnded).hasValue(1);
    assertThat(shutdownCheck.sawShutdown).hasValue(0);
    assertThat(shutdownCheck.sockets)
        .as("the socket stayed open through the call")
        .hasSize(1)
        .doesNotContain("null");
    assertThat(shutdownCheck.overHttp).hasValue(0);
    assertThat(shutdownCheck.overSocket).hasValue(1);
    browser.assertNoErrorsLogged();
  }

  /**
   * The app of the restart test: a click counter, and a persistent callback that shows which run of
   * it is live, then streams until its page goes away (or its server stops).
   */
  static DashApp restartApp(int port, Doors doors, AtomicInteger runs) {
    var app = Dash.create(config -> config.port(port).websocketCallbacks(true));
    app.layout(
        div(
            button("Click").id("btn").nClicks(0),
            div("0").id("output"),
            div("waiting").id("stream")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          doors.door();
          return String.valueOf(n == null ? 0 : n);
        });
    app.persistentCallback(
        () -> {
          doors.door();
          doors.runs.incrementAndGet();
          var context = CallbackContext.current();
          context.setProps("stream", Map.of("children", "run " + runs.incrementAndGet()));
          try {
            while (!context.isShutdown()) {
              Thread.sleep(50);
            }
            doors.sawShutdown.incrementAndGet();
          } catch (InterruptedException stopped) {
            // the server stopped, or the page went away: either ends the stream
          } finally {
            doors.runsEnded.incrementAndGet();
          }
        });
    return doors.watch(app);
  }

  /**
   * Persistent callbacks restart after a reconnect: the server stops and a new one starts on the
   * same port; the page's worker reconnects with back-off (1–2 s for the first retry), the page
   * hears "connected" again and starts its persistent callback on the new server, and clicks work
   * again, all in the same document (no reload). Three restarts in a row: the back-off starts
   * afresh after each reconnect, and a stopping Vert.x server closes its sockets sometimes with
   * 1000, sometimes by dropping them (1006), so each restart tries both ways.
   */
  @Test
  void persistentCallbackRestartsAfterServerRestart() {
    int port = Ports.free();
    var runs = new AtomicInteger();
    var doors = new Doors();
    DashServer server = DashServer.start(restartApp(port, doors, runs));
    try {
      // Not openApp: its "page ready" waits for no pending callback, and the stream is pending
      // while it lives.
      browser.open(server.url());
      browser.waitForText("#stream", "run 1");
      browser.waitForText("#output", "0");
      browser.click("#btn");
      browser.waitForText("#output", "1");
      browser.javascript("window.sameDocument = 'yes';");
      assertThat(doors.sockets).hasSize(1).doesNotContain("null");
      assertThat(doors.runs).hasValue(1);
      assertThat(doors.overHttp).hasValue(0);

      for (int restart = 1; restart <= 3; restart++) {
        var stopped = doors;
        server.close();
        browser.waitUntil("the stopped server's stream to end", () -> stopped.runsEnded.get() == 1);
        doors = new Doors();
        server = DashServer.start(restartApp(port, doors, runs));

        browser.waitForText("#stream", "run " + (restart + 1));
        assertThat(browser.javascript("return window.sameDocument;"))
            .as("the page was not reloaded")
            .isEqualTo("yes");
        assertThat(doors.sockets)
            .as("the worker reconnected once")
            .hasSize(1)
            .doesNotContain("null");
        assertThat(doors.runs).hasValue(1);
        browser.click("#btn");
        browser.waitForText("#output", String.valueOf(restart + 1));
        assertThat(doors.overHttp).hasValue(0);
        assertThat(doors.overSocket)
            .as("the persistent run and the click, on the new server")
            .hasValue(2);
      }
      assertThat(runs).hasValue(4);
      browser.assertNoErrorsLogged();
    } finally {
      browser.open(
          "about:blank"); // the page goes before its server: no retries against a stopped port
      server.close();
    }
  }

  static DashApp idlePersistentApp() {
    var app =
        Dash.create(
            config ->
                config
                    .port(0)
                    .websocketCallbacks(true)
                    .websocketInactivityTimeout(Duration.ofSeconds(2)));
    app.layout(
        div(
            button("Click").id("btn").nClicks(0),
            div("0").id("output"),
            div("waiting").id("stream")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          idlePersistent.door();
          return String.valueOf(n == null ? 0 : n);
        });
    app.persistentCallback(
        () -> {
          idlePersistent.door();
          int run = idlePersistent.runs.incrementAndGet();
          CallbackContext.current().setProps("stream", Map.of("children", "run " + run));
        });
    return idlePersistent.watch(app);
  }

  /**
   * Persistent callbacks restart after an inactivity reconnect too: a persistent callback that
   * returns at once leaves the socket idle, the worker closes it after 2 s, and the next click
   * reopens it; the page hears "connected" again and runs its persistent callback a second time.
   */
  @Test
  void persistentCallbackRestartsAfterInactivityReconnect() throws InterruptedException {
    browser.openApp(idlePersistentApp);
    browser.waitForText("#stream", "run 1");
    browser.waitForText("#output", "0");
    assertThat(idlePersistent.sockets).hasSize(1).doesNotContain("null");

    Thread.sleep(3000); // past the 2 s timeout

    browser.click("#btn");
    browser.waitForText("#output", "1");
    browser.waitForText("#stream", "run 2");
    assertThat(idlePersistent.sockets).hasSize(2).doesNotContain("null");
    assertThat(idlePersistent.runs).hasValue(2);
    assertThat(idlePersistent.overHttp).hasValue(0);
    browser.assertNoErrorsLogged();
  }

  static DashApp hookedApp() {
    var app = clickApp(hooked, Duration.ofSeconds(2));
    app.onWebsocketConnect(
        peer -> {
          hookedConnects.incrementAndGet();
          return Verdict.accept();
        });
    return app;
  }

  /**
   * A connect hook (authentication, say) admits the first socket and the one the worker opens after
   * an inactivity disconnect, and callbacks answer through both: the reconnect path with the hooks
   * of Dash's {@code hooks.websocket_connect} in place.
   */
  @Test
  void connectHookAdmitsTheReconnect() throws InterruptedException {
    browser.openApp(hookedApp);
    browser.waitForText("#output", "0");
    browser.click("#btn");
    browser.waitForText("#output", "1");
    assertThat(hookedConnects).hasValue(1);

    Thread.sleep(3000); // past the 2 s timeout

    browser.click("#btn");
    browser.waitForText("#output", "2");
    assertThat(hookedConnects).hasValue(2);
    assertThat(hooked.sockets).hasSize(2).doesNotContain("null");
    assertThat(hooked.overHttp).hasValue(0);
    browser.assertNoErrorsLogged();
  }
}
