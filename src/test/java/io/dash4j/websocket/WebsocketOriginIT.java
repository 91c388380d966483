package io.dash4j.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.DashApp;
import io.dash4j.DashConfig;
import io.dash4j.testing.BridgeClient;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ClickApp;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.SocketProbe;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dash's {@code tests/websocket/test_ws_origin.py} (ws040–ws044) in the browser: the page's own
 * origin is always let in, whatever the allow-list says. Then what a browser cannot show, with a
 * bare WebSocket client on the door's raw endpoint ({@code _dash-ws/websocket}, bridge frames as
 * plain JSON) and once on the SockJS endpoint: a foreign or missing {@code Origin} is refused with
 * 4003 before anything runs, and an allow-listed foreign origin is admitted and can run a callback.
 *
 * <p>Difference on purpose: Dash's ws043/ws044 list {@code http://localhost:*}; dash4j's allow-list
 * holds exact origins (or {@code *}), so those tests list other exact origins, and the raw client
 * shows they are admitted.
 */
class WebsocketOriginIT {
  /** The listed foreign origins of ws043 and ws044. */
  private static final String[] LISTED = {"http://127.0.0.1:8050", "http://intranet.example"};

  private static final AtomicInteger values = new AtomicInteger(100);

  static final SocketProbe sameOrigin = new SocketProbe();
  static final SocketProbe emptyList = new SocketProbe();
  static final SocketProbe wildcard = new SocketProbe();
  static final SocketProbe specific = new SocketProbe();
  static final SocketProbe perCallback = new SocketProbe();

  @RegisterExtension
  static final ServedApp sameOriginApp =
      ServedApp.of(() -> clickApp(sameOrigin, true, config -> {}));

  @RegisterExtension
  static final ServedApp emptyListApp =
      ServedApp.of(() -> clickApp(emptyList, true, config -> config.websocketAllowedOrigins()));

  @RegisterExtension
  static final ServedApp wildcardApp =
      ServedApp.of(() -> clickApp(wildcard, true, config -> config.websocketAllowedOrigins("*")));

  @RegisterExtension
  static final ServedApp specificApp =
      ServedApp.of(
          () -> clickApp(specific, true, config -> config.websocketAllowedOrigins(LISTED)));

  @RegisterExtension
  static final ServedApp perCallbackApp =
      ServedApp.of(
          () -> clickApp(perCallback, false, config -> config.websocketAllowedOrigins(LISTED)));

  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void reset() {
    List.of(sameOrigin, emptyList, wildcard, specific, perCallback).forEach(SocketProbe::reset);
    browser.consoleErrors();
  }

  /**
   * Dash's origin-test app; {@code allCallbacks} false makes the one callback a per-callback socket
   * callback.
   */
  static DashApp clickApp(SocketProbe probe, boolean allCallbacks, Consumer<DashConfig> origins) {
    return ClickApp.create(
        probe,
        "initial",
        config -> origins.accept(config.websocketCallbacks(allCallbacks)),
        options -> options.websocket(!allCallbacks));
  }

  // ---- Dash's tests, in the browser ----

  /**
   * test_ws040_same_origin_allowed: the default admits the page's own origin, and only the socket
   * is used.
   */
  @Test
  void ws040_sameOriginAllowed() {
    clickTwice(sameOriginApp, sameOrigin);
  }

  /**
   * test_ws041_websocket_allowed_origins_empty: an empty allow-list still admits the same origin.
   */
  @Test
  void ws041_emptyAllowList() {
    clickTwice(emptyListApp, emptyList);
  }

  /** test_ws042_websocket_allowed_origins_wildcard. */
  @Test
  void ws042_wildcard() {
    clickTwice(wildcardApp, wildcard);
  }

  /**
   * test_ws043_websocket_allowed_origins_specific: listing other origins does not shut out the
   * app's own.
   */
  @Test
  void ws043_specificOrigins() {
    clickTwice(specificApp, specific);
  }

  /** test_ws044_origin_with_per_callback_websocket. */
  @Test
  void ws044_perCallbackWebsocket() {
    clickTwice(perCallbackApp, perCallback);
  }

  private static void clickTwice(ServedApp app, SocketProbe probe) {
    browser.openApp(app);
    browser.waitForText("#output", "Clicked 0");
    browser.click("#btn");
    browser.waitForText("#output", "Clicked 1");
    assertThat(probe.doors.overHttp).hasValue(0);
    assertThat(probe.doors.overSocket.get()).isGreaterThanOrEqualTo(2);
    // The door stamps the handshake's origin on every request: the page's own.
    assertThat(probe.origins).containsOnly("http://localhost:" + app.port());
    browser.assertNoErrorsLogged();
  }

  // ---- A bare client: what a browser cannot send ----

  /**
   * A foreign origin (another host, the same host on another port, another scheme, an opaque
   * origin) is refused: the close frame with 4003 arrives, the socket closes, and a callback
   * request sent at once never runs.
   */
  @ParameterizedTest(name = "Origin: {0}")
  @ValueSource(
      strings = {"http://evil.example", "http://localhost:1", "https://evil.example", "null"})
  void foreignOriginIsRefused(String origin) {
    assertRefused(sameOriginApp, sameOrigin, origin, "Origin not allowed");
  }

  /** No Origin header at all (a script, not a browser) is refused too. */
  @Test
  void missingOriginIsRefused() {
    assertRefused(sameOriginApp, sameOrigin, null, "Origin header required");
  }

  /** An empty allow-list (ws041) refuses a foreign origin as the default does. */
  @Test
  void emptyAllowListRefusesForeignOrigin() {
    assertRefused(emptyListApp, emptyList, "http://intranet.example", "Origin not allowed");
  }

  /**
   * Each listed origin (ws043's app) is admitted from a foreign page and runs a callback over the
   * socket.
   */
  @ParameterizedTest(name = "Origin: {0}")
  @ValueSource(strings = {"http://127.0.0.1:8050", "http://intranet.example"})
  void listedOriginRunsCallback(String origin) {
    assertAdmitted(specificApp, specific, origin);
  }

  /** The allow-list is exact: another port, scheme or host than the listed ones is refused. */
  @ParameterizedTest(name = "Origin: {0}")
  @ValueSource(
      strings = {
        "http://intranet.example:8080",
        "https://intranet.example",
        "http://127.0.0.1:8051",
        "http://intranet.example.evil.example"
      })
  void allowListIsExact(String origin) {
    assertRefused(specificApp, specific, origin, "Origin not allowed");
  }

  /** "*" (ws042's app) admits any origin. */
  @Test
  void wildcardAdmitsForeignOrigin() {
    assertAdmitted(wildcardApp, wildcard, "http://evil.example");
  }

  /** A bare client from the app's own origin is admitted like the page is. */
  @Test
  void sameOriginRawClientIsAdmitted() {
    assertAdmitted(sameOriginApp, sameOrigin, "http://localhost:" + sameOriginApp.port());
  }

  /**
   * On the SockJS endpoint (what the worker uses), the refusal's code travels in a message before
   * SockJS's own close frame, which always says 3000: the worker relies on that order.
   */
  @Test
  void sockJsEndpointSendsCloseCodeBeforeClosing() {
    String path = "_dash-ws/123/" + UUID.randomUUID().toString().substring(0, 8) + "/websocket";
    try (var socket = BridgeClient.connect(sameOriginApp.url(), path, "http://evil.example")) {
      assertThat(socket.awaitClosed()).as("the socket closes").isTrue();
      List<String> frames = socket.received();
      assertThat(frames).as("SockJS frames").hasSizeGreaterThanOrEqualTo(3);
      assertThat(frames.get(0)).isEqualTo("o");
      int announced = -1;
      int closed = -1;
      for (int i = 0; i < frames.size(); i++) {
        String frame = frames.get(i);
        if (frame.startsWith("a")) {
          for (Object message : new JsonArray(frame.substring(1))) {
            var json = new JsonObject(message.toString());
            if ("close".equals(json.getString("type"))) {
              assertThat(json.getInteger("code")).isEqualTo(4003);
              assertThat(json.getString("reason")).isEqualTo("Origin not allowed");
              announced = i;
            }
          }
        } else if (frame.startsWith("c")) {
          assertThat(new JsonArray(frame.substring(1)).getInteger(0)).isEqualTo(3000);
          closed = i;
        }
      }
      assertThat(announced).as("the close frame with 4003, in " + frames).isPositive();
      assertThat(closed).as("SockJS's close frame after it, in " + frames).isGreaterThan(announced);
    }
  }

  /**
   * SockJS's HTTP answers ({@code /info}, which its client reads first) follow the socket's origin
   * rule: a foreign Origin gets a 403 and no CORS header echoing it; the app's own origin and a
   * listed one get their echo.
   */
  @Test
  void sockJsInfoAnswersCorsOnlyForAllowedOrigins() {
    var foreign = sameOriginApp.http().get("_dash-ws/info", "Origin", "http://evil.example");
    assertThat(foreign.statusCode()).isEqualTo(403);
    assertThat(foreign.headers().firstValue("access-control-allow-origin")).isEmpty();
    assertThat(foreign.headers().firstValue("access-control-allow-credentials")).isEmpty();

    String own = "http://localhost:" + sameOriginApp.port();
    var same = sameOriginApp.http().get("_dash-ws/info", "Origin", own);
    assertThat(same.statusCode()).isEqualTo(200);
    assertThat(same.headers().firstValue("access-control-allow-origin")).hasValue(own);

    var listed = specificApp.http().get("_dash-ws/info", "Origin", "http://intranet.example");
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.headers().firstValue("access-control-allow-origin"))
        .hasValue("http://intranet.example");
    var unlisted =
        specificApp.http().get("_dash-ws/info", "Origin", "http://intranet.example:8080");
    assertThat(unlisted.statusCode()).isEqualTo(403);
  }

  /**
   * Opens a bare socket with {@code origin} (null: none), sends a callback request at once, and
   * checks that the door's first word is the 4003 close frame, that the socket closes and that the
   * request never ran. A same-origin request run afterwards on the same app proves the callback
   * itself works and was reachable.
   */
  private static void assertRefused(
      ServedApp app, SocketProbe probe, String origin, String reason) {
    int refusedValue = values.incrementAndGet();
    try (var socket = BridgeClient.connect(app.url(), origin)) {
      String rendererId = UUID.randomUUID().toString();
      // Sent without waiting: the door may have closed the socket already.
      socket
          .register(rendererId)
          .callback("output.children", click(refusedValue), rendererId, "r.x.1");
      JsonObject first = socket.next();
      assertThat(first.getString("type")).as("the door's first frame").isEqualTo("close");
      assertThat(first.getInteger("code")).isEqualTo(4003);
      assertThat(first.getString("reason")).isEqualTo(reason);
      assertThat(socket.awaitClosed()).as("the socket closes").isTrue();
      assertThat(socket.received())
          .as("frames after the refusal")
          .noneMatch(frame -> frame.contains("\"rec\""));
    }
    // A barrier: an admitted request after the refused one; once it has run, the refused one would
    // have too.
    int admittedValue = values.incrementAndGet();
    try (var socket = BridgeClient.connect(app.url())) {
      var reply = runCallback(socket, admittedValue);
      assertThat(reply.getInteger("status")).isEqualTo(200);
    }
    assertThat(probe.clicksSeen).contains(admittedValue).doesNotContain(refusedValue);
  }

  /**
   * Opens a bare socket with {@code origin}, registers a page and runs the callback through the
   * bridge.
   */
  private static void assertAdmitted(ServedApp app, SocketProbe probe, String origin) {
    int value = values.incrementAndGet();
    int overSocket = probe.doors.overSocket.get();
    try (var socket = BridgeClient.connect(app.url(), origin)) {
      var reply = runCallback(socket, value);
      assertThat(reply.getInteger("status")).isEqualTo(200);
      assertThat(
              reply
                  .getJsonObject("body")
                  .getJsonObject("response")
                  .getJsonObject("output")
                  .getString("children"))
          .isEqualTo("Clicked " + value);
      assertThat(socket.received())
          .as("no close frame")
          .noneMatch(frame -> frame.contains("\"close\""));
    }
    assertThat(probe.clicksSeen).contains(value);
    assertThat(probe.doors.overSocket.get()).isEqualTo(overSocket + 1);
    assertThat(probe.origins).last().isEqualTo(origin);
  }

  /**
   * Registers a fresh renderer id, waits for the door's "registered", sends the callback and
   * returns its reply.
   */
  private static JsonObject runCallback(BridgeClient socket, int clicks) {
    String rendererId = UUID.randomUUID().toString();
    socket.claim(rendererId).callback("output.children", click(clicks), rendererId, "r.x.1");
    var reply = socket.next();
    assertThat(reply.getString("address"))
        .as("the reply's address; frames: " + socket.received())
        .isEqualTo("r.x.1");
    assertThat(reply.getString("type")).isEqualTo("rec");
    return BridgeClient.body(reply);
  }

  /** The request our worker sends for a click on the app's button. */
  private static JsonObject click(int clicks) {
    return UpdateRequests.click("btn", clicks, "output");
  }
}
