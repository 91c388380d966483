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
import io.dash4j.testing.BridgeClient;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bridge as gatekeeper, tested with raw clients that speak the bridge's frames directly, as a
 * hostile page or program would: a renderer id belongs to the first socket that claims it, only
 * dash4j callback addresses take messages, the identity on a request is the door's stamp and not
 * the client's claim, and one page cannot answer another page's {@code get_props}. Bad frames get a
 * short error and the server keeps serving.
 */
class SocketSecurityIT {
  static final AtomicInteger calls = new AtomicInteger();
  static final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

  @RegisterExtension static final ServedApp server = ServedApp.of(SocketSecurityIT::app);

  @BeforeEach
  void reset() {
    calls.set(0);
    seen.clear();
  }

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            button("go").id("go"),
            div().id("out"),
            div().id("source").children("page value"),
            button("http").id("http"),
            div().id("http-out")));
    app.callback(
        Output.of("out", Html.Div.CHILDREN),
        Input.of("go", Html.Button.N_CLICKS),
        n -> {
          calls.incrementAndGet();
          var context = CallbackContext.current();
          seen.add(context.websocket().rendererId() + " from " + context.remote());
          if (n != null && n == 2) {
            // asks the page that made the call; only that page's socket may answer
            return "read " + context.getProp("source", "children");
          }
          return "clicks " + n;
        });
    return app;
  }

  /** A click on "go" that has been clicked {@code clicks} times. */
  static JsonObject request(int clicks) {
    return UpdateRequests.click("go", clicks, "out");
  }

  /** A push to a page, as the socket door sends {@code set_props}. */
  static JsonObject push(String text) {
    return new JsonObject()
        .put("type", "set_props")
        .put("payload", new JsonObject().put("out", new JsonObject().put("children", text)));
  }

  @Test
  void aRendererIdBelongsToTheFirstSocketThatClaimsIt() {
    try (var owner = BridgeClient.connect(server.url());
        var thief = BridgeClient.connect(server.url())) {
      owner.claim("victim-1");
      thief.claim("thief-1");
      thief.register("victim-1");
      assertThat(thief.next())
          .isEqualTo(new JsonObject().put("type", "err").put("body", "rejected"));

      // the owner's callbacks still answer the owner
      owner.callback("out.children", request(1), "victim-1", "r.a.1");
      var reply = owner.next();
      assertThat(reply.getString("address")).isEqualTo("r.a.1");
      assertThat(BridgeClient.body(reply).getJsonObject("body").getJsonObject("response"))
          .isEqualTo(new JsonObject().put("out", new JsonObject().put("children", "clicks 1")));
      // a push to the victim's page reaches its owner and not the thief: the thief's first frame is
      // the control,
      // pushed to the thief's own page after the victim's, in order on the thief's socket
      var bus = server.server().vertx().eventBus();
      bus.publish("dash4j.renderer.victim-1", push("for the victim"));
      bus.publish("dash4j.renderer.thief-1", push("for the thief"));
      assertThat(BridgeClient.body(owner.next())).isEqualTo(push("for the victim"));
      var first = thief.next();
      assertThat(first.getString("address")).isEqualTo("dash4j.renderer.thief-1");
      assertThat(BridgeClient.body(first)).isEqualTo(push("for the thief"));
    }
  }

  @Test
  void aRequestClaimingAnotherPagesIdIsRefusedAndNeverRuns() {
    try (var owner = BridgeClient.connect(server.url());
        var forger = BridgeClient.connect(server.url())) {
      owner.claim("victim-2");
      forger.claim("forger-2");
      // clicks 2 asks the calling page for a prop: were the forgery let through, the owner would be
      // asked
      forger.callback("out.children", request(2), "victim-2", "r.f.1");
      assertThat(forger.next())
          .isEqualTo(new JsonObject().put("type", "err").put("body", "rejected"));
      // headers the client adds besides the renderer id are replaced by the door's own stamp
      forger.send(
          new JsonObject()
              .put("type", "send")
              .put("address", "dash4j.callback.out.children")
              .put("body", request(1))
              .put("replyAddress", "r.f.2")
              .put(
                  "headers",
                  new JsonObject()
                      .put("dash4j-renderer", "forger-2")
                      .put("dash4j-remote", "10.9.9.9")));
      assertThat(BridgeClient.body(forger.next()).getInteger("status")).isEqualTo(200);
      assertThat(calls).hasValue(1);
      assertThat(seen).containsExactly("forger-2 from 127.0.0.1");
      // nothing of the forger's calls reached the owner: its first frame is the answer to its own
      // call (the control)
      owner.callback("out.children", request(3), "victim-2", "r.o.1");
      var first = owner.next();
      assertThat(first.getString("address")).isEqualTo("r.o.1");
      assertThat(BridgeClient.body(first).getJsonObject("body").getJsonObject("response").encode())
          .contains("clicks 3");
    }
  }

  @Test
  void onlyDash4jCallbackAddressesTakeMessages() {
    var received = new AtomicInteger();
    var vertx = server.server().vertx();
    var consumers =
        List.of(
            vertx.eventBus().consumer("vertx.anything", m -> received.incrementAndGet()),
            vertx.eventBus().consumer("dash4j.page.closed.x", m -> received.incrementAndGet()),
            vertx.eventBus().consumer("dash4j.renderer.someone", m -> received.incrementAndGet()));
    try (var client = BridgeClient.connect(server.url())) {
      client.claim("me-3");
      for (String address :
          List.of("vertx.anything", "dash4j.page.closed.x", "dash4j.renderer.someone")) {
        client.send(
            new JsonObject()
                .put("type", "send")
                .put("address", address)
                .put("body", new JsonObject())
                .put("headers", new JsonObject().put("dash4j-renderer", "me-3")));
        assertThat(client.next().getString("type")).as(address).isEqualTo("err");
      }
      client.send(
          new JsonObject()
              .put("type", "publish")
              .put("address", "dash4j.callback.out.children")
              .put("body", request(1))
              .put("headers", new JsonObject().put("dash4j-renderer", "me-3")));
      assertThat(client.next().getString("type")).isEqualTo("err");
      // registering anything but a renderer address is refused: no listening in on callbacks or
      // other topics
      client.send(
          new JsonObject().put("type", "register").put("address", "dash4j.callback.out.children"));
      assertThat(client.next().getString("type")).isEqualTo("err");
      client.send(new JsonObject().put("type", "register").put("address", "vertx.anything"));
      assertThat(client.next().getString("type")).isEqualTo("err");
    } finally {
      consumers.forEach(c -> c.unregister());
    }
    assertThat(received).hasValue(0);
    assertThat(calls).hasValue(0);
  }

  @Test
  void onlyThePageAskedMayAnswerGetProps() {
    try (var page = BridgeClient.connect(server.url());
        var other = BridgeClient.connect(server.url())) {
      page.claim("asked-4");
      other.claim("other-4");
      page.callback("out.children", request(2), "asked-4", "r.p.1");
      var ask = page.next();
      assertThat(BridgeClient.body(ask))
          .isEqualTo(
              new JsonObject()
                  .put("type", "get_props_request")
                  .put(
                      "payload",
                      new JsonObject()
                          .put("componentId", "source")
                          .put("properties", new JsonArray().add("children"))));
      String replyAddress = ask.getString("replyAddress");
      // another socket that guesses the (sequential) reply address is refused
      other.reply(replyAddress, new JsonObject().put("children", "forged"));
      assertThat(other.next())
          .isEqualTo(new JsonObject().put("type", "err").put("body", "rejected"));
      page.reply(replyAddress, new JsonObject().put("children", "page value"));
      var reply = page.next();
      assertThat(BridgeClient.body(reply).getJsonObject("body").getJsonObject("response"))
          .isEqualTo(
              new JsonObject().put("out", new JsonObject().put("children", "read page value")));
    }
  }

  @Test
  void badRequestsGetAShortErrorAndTheServerKeepsServing() {
    try (var client = BridgeClient.connect(server.url())) {
      client.claim("bad-5");
      client.callback(
          "out.children",
          new JsonObject().put("output", "out.children").put("inputs", "nope"),
          "bad-5",
          "r.b.1");
      assertThat(BridgeClient.body(client.next()))
          .isEqualTo(
              new JsonObject().put("status", 400).put("message", "Malformed callback request"));
      client.callback(
          "out.children",
          request(1)
              .put(
                  "inputs",
                  new JsonArray()
                      .add(
                          new JsonObject()
                              .put("id", "elsewhere")
                              .put("property", "n_clicks")
                              .put("value", 1))),
          "bad-5",
          "r.b.2");
      assertThat(BridgeClient.body(client.next()).getInteger("status")).isEqualTo(400);
      client.sendText("this is not json");
      assertThat(client.next())
          .isEqualTo(new JsonObject().put("type", "err").put("body", "invalid_json"));
      client.callback("out.children", request(7), "bad-5", "r.b.3");
      assertThat(
              BridgeClient.body(client.next())
                  .getJsonObject("body")
                  .getJsonObject("response")
                  .encode())
          .contains("clicks 7");
    }
    assertThat(server.http().get("_dash-layout").statusCode()).isEqualTo(200);
  }

  @Test
  void aClosedSocketReleasesItsIdsForTheirNextPageLoad() {
    var first = BridgeClient.connect(server.url());
    first.claim("reload-6");
    first.close();
    try (var second = BridgeClient.connect(server.url())) {
      // the id is free again once the socket that held it is gone (a page reconnecting after a
      // network drop)
      for (int attempt = 0; ; attempt++) {
        second.register("reload-6");
        var frame = second.next();
        if (!"err".equals(frame.getString("type"))) {
          assertThat(BridgeClient.body(frame).getString("type")).isEqualTo("registered");
          break;
        }
        assertThat(attempt).as("the id stays claimed after its socket closed").isLessThan(20);
        second.poll(100);
      }
    }
  }
}
