package io.dash4j.websocket;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.State;
import io.dash4j.components.Html;
import io.dash4j.testing.BridgeClient;
import io.dash4j.testing.IndexHtml;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The socket door's protocol as a program sees it, with a raw bridge client standing in for the
 * page: what the page is told in {@code _dash-config}, the worker it loads, {@code getProps} that
 * the page never answers, a page that goes away while a callback waits on it, and a callback that
 * is not a socket callback.
 */
class SocketDoorIT {
  static final CountDownLatch waiting = new CountDownLatch(1);
  static final CountDownLatch gaveUp = new CountDownLatch(1);
  static volatile String howItEnded = "still waiting";

  @RegisterExtension static final ServedApp server = ServedApp.of(SocketDoorIT::app);

  static DashApp app() {
    var app =
        Dash.create(
            config ->
                config
                    .port(0)
                    .websocketInactivityTimeout(Duration.ofSeconds(42))
                    .websocketHeartbeatInterval(Duration.ofSeconds(7))
                    .callbackTimeout(Duration.ofMillis(500)));
    app.layout(
        div(
            button("ask").id("ask"),
            div().id("asked"),
            button("wait").id("wait"),
            div().id("waited"),
            button("http").id("http"),
            div().id("http-out"),
            button("big").id("big"),
            div().id("big-out"),
            div().id("big-state"),
            button("slow").id("slow"),
            div().id("slow-out"),
            button("slow-http").id("slow-http"),
            div().id("slow-http-out"),
            button("boom").id("boom"),
            div().id("boom-out")));
    app.callback(
        Output.of("asked", Html.Div.CHILDREN),
        Input.of("ask", Html.Button.N_CLICKS),
        n -> {
          try {
            return "got "
                + CallbackContext.current()
                    .websocket()
                    .getProps("ask", Duration.ofMillis(300), "n_clicks");
          } catch (CompletionException e) {
            return e.getCause() instanceof TimeoutException
                ? "timed out"
                : "failed: " + e.getCause();
          }
        },
        options -> options.websocket(true));
    app.callback(
        Output.of("waited", Html.Div.CHILDREN),
        Input.of("wait", Html.Button.N_CLICKS),
        n -> {
          waiting.countDown();
          try {
            return "got " + CallbackContext.current().getProp("wait", "n_clicks");
          } catch (PageGone e) {
            howItEnded = "PageGone";
            throw e;
          } finally {
            gaveUp.countDown();
          }
        },
        options -> options.websocket(true));
    app.callback(
        Output.of("http-out", Html.Div.CHILDREN),
        Input.of("http", Html.Button.N_CLICKS),
        n -> "http " + n);
    app.callback(
        Output.of("big-out", Html.Div.CHILDREN),
        Input.of("big", Html.Button.N_CLICKS),
        State.of("big-state", Html.Div.CHILDREN),
        (n, state) -> "got " + String.valueOf(state).length() + " chars",
        options -> options.websocket(true));
    app.callback(
        Output.of("slow-out", Html.Div.CHILDREN),
        Input.of("slow", Html.Button.N_CLICKS),
        n -> {
          Thread.sleep(1200);
          return "slept";
        },
        options -> options.websocket(true));
    app.callback(
        Output.of("boom-out", Html.Div.CHILDREN),
        Input.of("boom", Html.Button.N_CLICKS),
        n -> {
          throw new IllegalStateException("secret internals " + n);
        },
        options -> options.websocket(true));
    app.callback(
        Output.of("slow-http-out", Html.Div.CHILDREN),
        Input.of("slow-http", Html.Button.N_CLICKS),
        n -> {
          Thread.sleep(1200);
          return "slept";
        });
    return app;
  }

  /** The first click on {@code button}, for the callback that fills {@code output}. */
  static JsonObject request(String button, String output) {
    return UpdateRequests.click(button, 1, output);
  }

  /** A raw client standing in for a page that registered {@code rendererId}. */
  static BridgeClient page(String rendererId) {
    return BridgeClient.connect(server.url()).claim(rendererId);
  }

  @Test
  void thePageIsToldWhereTheDoorIsAndLoadsOurWorker() {
    var config = new IndexHtml(server.http().get("").body()).config().getJsonObject("websocket");
    assertThat(config.getBoolean("enabled")).as("only some callbacks use the socket").isFalse();
    assertThat(config.getString("url")).isEqualTo("/_dash-ws");
    assertThat(config.getLong("inactivity_timeout")).isEqualTo(42_000);
    assertThat(config.getLong("heartbeat_interval")).isEqualTo(7_000);
    String workerUrl = config.getString("worker_url");
    assertThat(workerUrl)
        .matches(
            "/_dash-component-suites/dash4j/ws-worker\\.v[^/?]+\\.js\\?heartbeat=7000&sockjs=.+");

    var worker = server.http().get(workerUrl.substring(1));
    assertThat(worker.statusCode()).isEqualTo(200);
    assertThat(worker.headers().firstValue("content-type"))
        .hasValue("application/javascript; charset=utf-8");
    assertThat(worker.headers().firstValue("cache-control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(worker.body()).contains("self.onconnect");
    String sockjs =
        URLDecoder.decode(
            workerUrl.substring(workerUrl.indexOf("sockjs=") + 7), StandardCharsets.UTF_8);
    assertThat(server.http().get(sockjs.substring(1)).statusCode()).isEqualTo(200);
  }

  /**
   * SockJS's {@code iframe.html} (for its iframe transports) loads sockjs-client: the pinned copy
   * the app serves, never a public CDN.
   */
  @Test
  void sockJsIframePageLoadsThePinnedClientFromTheApp() {
    var iframe = server.http().get("_dash-ws/iframe.html");
    assertThat(iframe.statusCode()).isEqualTo(200);
    assertThat(iframe.body())
        .containsPattern(
            "src=\"/_dash-component-suites/dash4j/sockjs/sockjs\\.v[^\"]+\\.min\\.js\"")
        .doesNotContainPattern("(?i)(https?:)?//[a-z0-9.-]+");
    String script = iframe.body().replaceAll("(?s).*<script src=\"/([^\"]+)\".*", "$1");
    assertThat(server.http().get(script).statusCode()).as(script).isEqualTo(200);
  }

  /**
   * A frame over the size limit (twice {@code maxRequestBytes} and 1 KiB, room for SockJS's
   * escaping) closes the socket with WebSocket's 1009 "message too big", not a bare TCP close; the
   * server keeps serving.
   */
  @Test
  void aFrameOverTheLimitClosesTheSocketWith1009() {
    try (var page = page("huge-8")) {
      page.sendText("x".repeat(3 * 1024 * 1024));
      assertThat(page.awaitClosed()).as("the socket closes").isTrue();
      assertThat(page.closeStatus()).as("the close code").isEqualTo((short) 1009);
    }
    try (var page = page("after-8")) {
      page.callback("asked.children", request("ask", "asked"), "after-8", "r.h.1");
      assertThat(BridgeClient.body(page.next()).getString("type")).isEqualTo("get_props_request");
    }
  }

  @Test
  void getPropsThatThePageNeverAnswersTimesOut() {
    try (var page = page("silent-1")) {
      page.callback("asked.children", request("ask", "asked"), "silent-1", "r.s.1");
      assertThat(BridgeClient.body(page.next()).getString("type")).isEqualTo("get_props_request");
      var reply = page.next(); // not answered: the callback's own 300 ms timeout ends the wait
      assertThat(BridgeClient.body(reply).getJsonObject("body").getJsonObject("response"))
          .isEqualTo(new JsonObject().put("asked", new JsonObject().put("children", "timed out")));
    }
  }

  @Test
  void aPageThatGoesAwayWakesTheCallbackWaitingOnIt() throws Exception {
    var page = page("leaving-2");
    page.callback("waited.children", request("wait", "waited"), "leaving-2", "r.l.1");
    assertThat(BridgeClient.body(page.next()).getString("type")).isEqualTo("get_props_request");
    assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
    page.close();
    assertThat(gaveUp.await(2, TimeUnit.SECONDS)).as("the callback stopped waiting").isTrue();
    assertThat(howItEnded).isEqualTo("PageGone");
  }

  /**
   * A request as large as HTTP takes (a big table in a State, say) also fits through the socket:
   * WebSocket frames and messages may be as large as {@code maxRequestBytes}, not Vert.x's 64 KiB
   * default.
   */
  @Test
  void aLargeRequestGoesThroughTheSocketAsOverHttp() {
    String state = "x".repeat(600_000);
    var body =
        request("big", "big-out")
            .put(
                "state",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("id", "big-state")
                            .put("property", "children")
                            .put("value", state)));
    try (var page = page("big-5")) {
      page.callback("big-out.children", body, "big-5", "r.g.1");
      assertThat(BridgeClient.body(page.next()).getJsonObject("body").getJsonObject("response"))
          .isEqualTo(
              new JsonObject()
                  .put("big-out", new JsonObject().put("children", "got 600000 chars")));
    }
  }

  /**
   * The callback timeout bounds HTTP calls only: a socket call runs until it returns or its page
   * goes away, as in Dash (a stream lives as long as its page).
   */
  @Test
  void socketCallsOutliveTheCallbackTimeoutThatCutsHttpCallsShort() {
    try (var page = page("slow-6")) {
      page.callback("slow-out.children", request("slow", "slow-out"), "slow-6", "r.w.1");
      assertThat(BridgeClient.body(page.next()).getJsonObject("body").getJsonObject("response"))
          .isEqualTo(new JsonObject().put("slow-out", new JsonObject().put("children", "slept")));
    }
    var response =
        server
            .http()
            .postJson("_dash-update-component", request("slow-http", "slow-http-out").encode());
    assertThat(response.statusCode()).isEqualTo(504);
  }

  /**
   * A callback that throws answers the page an error that names nothing internal (debug mode is
   * off).
   */
  @Test
  void aFailingCallbackAnswersAGenericErrorOverTheSocket() {
    try (var page = page("boom-7")) {
      page.callback("boom-out.children", request("boom", "boom-out"), "boom-7", "r.b.1");
      assertThat(BridgeClient.body(page.next()))
          .isEqualTo(new JsonObject().put("status", 500).put("message", "Internal Server Error"));
      page.callback(
          "asked.children",
          request("ask", "asked"),
          "boom-7",
          "r.b.2"); // and the socket still serves
      assertThat(BridgeClient.body(page.next()).getString("type")).isEqualTo("get_props_request");
    }
  }

  @Test
  void aCallbackThatIsNotASocketCallbackIsRefusedOverTheSocket() {
    try (var page = page("http-3")) {
      page.callback("http-out.children", request("http", "http-out"), "http-3", "r.h.1");
      assertThat(BridgeClient.body(page.next()))
          .isEqualTo(
              new JsonObject().put("status", 400).put("message", "Not a websocket callback"));
    }
    // over HTTP it answers as ever
    var response =
        server.http().postJson("_dash-update-component", request("http", "http-out").encode());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("http 1");
  }
}
