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
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One socket cannot take the server: a page that floods the door with callback requests gets at
 * most {@code websocketMaxCallsPerPage} of them running (and a socket at most {@code
 * websocketMaxCallsPerSocket}), the rest are answered with a 429 and never run, the server's
 * threads stay bounded, and another page is served meanwhile. A page that stops reading loses
 * pushes instead of making the server hold them, and still gets its answer.
 */
class SocketLimitsIT {
  static final int PER_PAGE = 16;
  static final int PER_SOCKET = 32;

  /**
   * 10 KB each: 50 MB, beyond what the kernel's socket buffers take in (Linux: up to 32 MiB + 4 MiB
   * on loopback).
   */
  static final int PUSHES = 5_000;

  static final AtomicInteger started = new AtomicInteger();
  static volatile CountDownLatch release = new CountDownLatch(1);
  static volatile CountDownLatch pushed = new CountDownLatch(1);

  @RegisterExtension static final ServedApp server = ServedApp.of(SocketLimitsIT::app);

  static DashApp app() {
    // the defaults: the limits an app gets without asking
    var app =
        Dash.create(
            config -> config.port(0).websocketCallbacks(true).websocketMaxQueuedBytes(256 * 1024));
    app.layout(
        div(
            button("hold").id("hold"),
            div().id("held"),
            button("quick").id("quick"),
            div().id("quick-out"),
            button("push").id("push"),
            div().id("pushed"),
            div().id("progress"),
            div().id("walk")));
    app.callback(
        Output.of("held", Html.Div.CHILDREN),
        Input.of("hold", Html.Button.N_CLICKS),
        n -> {
          started.incrementAndGet();
          release.await();
          return "held " + n;
        });
    app.callback(
        Output.of("quick-out", Html.Div.CHILDREN),
        Input.of("quick", Html.Button.N_CLICKS),
        n -> "quick " + n);
    app.callback(
        Output.of("pushed", Html.Div.CHILDREN),
        Input.of("push", Html.Button.N_CLICKS),
        n -> {
          var context = CallbackContext.current();
          String chunk = "x".repeat(10_000);
          for (int i = 0; i < PUSHES; i++) {
            context.setProps("progress", Map.of("children", i + " " + chunk));
            // an append: one point per push, every one of which must reach the page
            context.setProps(
                "walk",
                Map.of(
                    "extendData", List.of(Map.of("y", List.of(List.of(i))), List.of(0), PUSHES)));
          }
          pushed.countDown();
          return "pushed";
        });
    return app;
  }

  @BeforeEach
  void reset() {
    started.set(0);
    release = new CountDownLatch(1);
    pushed = new CountDownLatch(1);
  }

  @AfterEach
  void letGo() {
    release.countDown();
  }

  @Test
  void aFloodFromOnePageRunsOnlyItsShareAndAnotherPageIsStillServed() {
    var threads = ManagementFactory.getThreadMXBean();
    int before = threads.getThreadCount();
    int flood = 500;
    try (var flooder = BridgeClient.connect(server.url()).claim("flood-1");
        var other = BridgeClient.connect(server.url()).claim("calm-1")) {
      for (int i = 0; i < flood; i++) { // sent without waiting for any answer
        flooder.callback(
            "held.children", UpdateRequests.click("hold", i, "held"), "flood-1", "r.f." + i);
      }
      var refused = refusals(flooder, flood - PER_PAGE);
      assertThat(refused)
          .as("every refusal says why")
          .allSatisfy(
              body ->
                  assertThat(body)
                      .isEqualTo(
                          new JsonObject()
                              .put("status", 429)
                              .put(
                                  "message",
                                  "Too many callbacks running on this page (at most 16)")));
      // the verticle answers in order: once the last refusal is out, every request was dispatched
      await(() -> started.get() == PER_PAGE, "the page's share started");
      assertThat(started).hasValue(PER_PAGE);
      assertThat(threads.getThreadCount() - before)
          .as("threads the flood cost")
          .isLessThan(PER_PAGE + 40);

      other.callback(
          "quick-out.children", UpdateRequests.click("quick", 1, "quick-out"), "calm-1", "r.c.1");
      assertThat(
              BridgeClient.body(other.next())
                  .getJsonObject("body")
                  .getJsonObject("response")
                  .encode())
          .contains("quick 1");

      release.countDown();
      for (int i = 0; i < PER_PAGE; i++) {
        assertThat(BridgeClient.body(flooder.next()).getInteger("status")).isEqualTo(200);
      }
      // the page's slots are free again
      flooder.callback(
          "quick-out.children", UpdateRequests.click("quick", 2, "quick-out"), "flood-1", "r.q.1");
      assertThat(BridgeClient.body(flooder.next()).getInteger("status")).isEqualTo(200);
    }
  }

  @Test
  void oneSocketRunsAtMostItsShareWhateverPagesItCarries() {
    try (var socket =
        BridgeClient.connect(server.url()).claim("tab-a").claim("tab-b").claim("tab-c")) {
      for (String tab : List.of("tab-a", "tab-b", "tab-c")) {
        for (int i = 0; i < PER_PAGE; i++) {
          socket.callback(
              "held.children", UpdateRequests.click("hold", i, "held"), tab, "r." + tab + "." + i);
        }
      }
      var refused = refusals(socket, 3 * PER_PAGE - PER_SOCKET);
      assertThat(refused)
          .allSatisfy(
              body ->
                  assertThat(body.getString("message"))
                      .isEqualTo("Too many callbacks running on this socket (at most 32)"));
      await(() -> started.get() == PER_SOCKET, "the socket's share started");
    }
  }

  @Test
  void aRequestWithoutAReplyAddressIsRefusedAndNeverRuns() {
    try (var page = BridgeClient.connect(server.url()).claim("no-reply-3")) {
      page.send(
          new JsonObject()
              .put("type", "send")
              .put("address", "dash4j.callback.held.children")
              .put("body", UpdateRequests.click("hold", 1, "held"))
              .put("headers", new JsonObject().put("dash4j-renderer", "no-reply-3")));
      assertThat(page.next())
          .isEqualTo(new JsonObject().put("type", "err").put("body", "rejected"));
      page.callback(
          "quick-out.children",
          UpdateRequests.click("quick", 3, "quick-out"),
          "no-reply-3",
          "r.n.1");
      assertThat(BridgeClient.body(page.next()).getInteger("status")).isEqualTo(200);
    }
    assertThat(started).hasValue(0);
  }

  /**
   * A page that stops reading while a callback pushes megabytes at it: the callback finishes,
   * another page is served, and once the page reads again it gets its answer, the latest value its
   * callback pushed but not every push (they were coalesced while it did not read, not held), and
   * every point its callback appended to a graph (appends are merged).
   */
  @Test
  void aPageThatDoesNotReadGetsItsAnswerAndTheLatestValues() {
    try (var stalled = BridgeClient.connect(server.url()).claim("stalled-4");
        var other = BridgeClient.connect(server.url()).claim("other-4")) {
      stalled.pause();
      stalled.callback(
          "pushed.children", UpdateRequests.click("push", 1, "pushed"), "stalled-4", "r.s.1");
      other.callback(
          "quick-out.children", UpdateRequests.click("quick", 4, "quick-out"), "other-4", "r.o.1");
      assertThat(BridgeClient.body(other.next()).getInteger("status")).isEqualTo(200);
      // The page reads again only once everything was pushed: far more than the socket's buffers
      // hold.
      await(
          () -> pushed.getCount() == 0,
          "the callback pushed everything while its page did not read");
      stalled.resume();
      int pushes = 0;
      boolean answered = false;
      String last = "";
      var points = new ArrayList<Integer>();
      // the answer may overtake pushes still queued for the page on the bus: read until all came
      while (!answered || !last.startsWith((PUSHES - 1) + " ") || points.size() < PUSHES) {
        var frame = stalled.next();
        if ("r.s.1".equals(frame.getString("address"))) {
          assertThat(
                  BridgeClient.body(frame).getJsonObject("body").getJsonObject("response").encode())
              .contains("pushed");
          answered = true;
          continue;
        }
        var body = BridgeClient.body(frame);
        var updates =
            "set_props_batch".equals(body.getString("type"))
                ? body.getJsonArray("payload")
                : new JsonArray().add(body.getJsonObject("payload"));
        for (Object update : updates) {
          var props = ((JsonObject) update).getJsonObject("props");
          if (props.containsKey("children")) {
            pushes++;
            last = props.getString("children");
          }
          if (props.containsKey("extendData")) {
            var ys = props.getJsonArray("extendData").getJsonObject(0).getJsonArray("y");
            ys.getJsonArray(0).forEach(y -> points.add((Integer) y));
          }
        }
      }
      assertThat(pushes).as("pushes that reached the page").isLessThan(PUSHES);
      assertThat(points)
          .as("every appended point, once, in order")
          .containsExactlyElementsOf(IntStream.range(0, PUSHES).boxed().toList());
      assertThat(stalled.poll(300)).as("nothing after the latest values").isNull();
    }
  }

  /**
   * Reads {@code count} answers with status 429 (and any others, which must not be refusals),
   * returns them.
   */
  private static List<JsonObject> refusals(BridgeClient client, int count) {
    var refused = new ArrayList<JsonObject>();
    while (refused.size() < count) {
      var body = BridgeClient.body(client.next());
      assertThat(body.getInteger("status"))
          .as("only refusals answer while the calls are held")
          .isEqualTo(429);
      refused.add(body);
    }
    return refused;
  }

  private static void await(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as(what).isNegative();
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }
}
