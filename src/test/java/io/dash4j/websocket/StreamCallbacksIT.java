package io.dash4j.websocket;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.Results;
import io.dash4j.callback.Update;
import io.dash4j.components.Html;
import io.dash4j.testing.BridgeClient;
import io.dash4j.testing.Eventually;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Stream callbacks over the socket door, with a raw bridge client standing in for the page: an
 * event stream's pushes, its reset on every end (return, error, cancel, a new trigger, the page
 * gone), one run per page, cancel inputs that stop only their own page's run, and output streams
 * whose every emit sets the outputs ({@code NO_UPDATE} leaving one alone).
 *
 * <p>The event stream {@code go} does, by its click count: 1 to 9, three steps and returns; 13, one
 * step and throws; 100 and more, steps until stopped.
 */
class StreamCallbacksIT {
  /** Runs of the {@code go} stream in progress, by page. */
  static final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

  /** The most runs of {@code go} seen at once on one page. */
  static final AtomicInteger mostAtOnce = new AtomicInteger();

  @RegisterExtension static final ServedApp server = ServedApp.of(StreamCallbacksIT::app);

  static DashApp app() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            button("go").id("go"),
            button("stop").id("stop").nClicks(0),
            div("idle").id("progress"),
            div().id("notes"),
            button("tick").id("tick"),
            div().id("out"),
            button("pair").id("pair"),
            div().id("left"),
            div().id("right")));
    app.streamCallback(
        Input.of("go", Html.Button.N_CLICKS),
        (clicks, stream) -> {
          String page = CallbackContext.current().websocket().rendererId();
          var count = running.computeIfAbsent(page, p -> new AtomicInteger());
          mostAtOnce.accumulateAndGet(count.incrementAndGet(), Math::max);
          try {
            int steps = clicks < 10 ? 3 : clicks == 13 ? 1 : Integer.MAX_VALUE;
            for (int i = 1; i <= steps; i++) {
              stream.setProp("progress", "children", "run " + clicks + " step " + i);
              Thread.sleep(30);
            }
            if (clicks == 13) {
              throw new IllegalStateException("boom");
            }
          } finally {
            count.decrementAndGet();
          }
        },
        options ->
            options
                .cancelUnless(Input.of("stop", Html.Button.N_CLICKS), 0)
                .resetProps("progress", Map.of("children", "idle"))
                .onError(
                    (error, stream) ->
                        stream.setProp("notes", "children", "error: " + error.getMessage())));
    app.streamCallback(
        Output.of("out", Html.Div.CHILDREN),
        Input.of("tick", Html.Button.N_CLICKS),
        (clicks, out) -> {
          out.emit("first " + clicks);
          out.emit("second " + clicks);
        });
    app.streamCallback(
        Outputs.of(Output.of("left", Html.Div.CHILDREN), Output.of("right", Html.Div.CHILDREN)),
        List.of(Input.of("pair", Html.Button.N_CLICKS)),
        (args, both) -> {
          both.emit(Results.of("left 1", "right 1"));
          both.emit(Results.of(Update.noUpdate(), Update.of("right 2")));
        },
        options -> {});
    return app;
  }

  @Test
  void aStreamPushesAsItGoesAndResetsWhenItReturns() {
    try (var page = BridgeClient.connect(server.url()).claim("s-return")) {
      trigger(page, "go", 1, "s-return", "r.ret.1");
      assertThat(pushesUntilAnswer(page, "r.ret.1"))
          .containsExactly(
              "progress.children=run 1 step 1",
              "progress.children=run 1 step 2",
              "progress.children=run 1 step 3",
              "progress.children=idle");
    }
  }

  @Test
  void aFailingStreamPushesItsErrorMessageThenResets() {
    try (var page = BridgeClient.connect(server.url()).claim("s-error")) {
      trigger(page, "go", 13, "s-error", "r.err.1");
      assertThat(pushesUntilAnswer(page, "r.err.1"))
          .containsExactly(
              "progress.children=run 13 step 1",
              "notes.children=error: boom",
              "progress.children=idle");
    }
  }

  @Test
  void aNewTriggerStopsThePagesRunningStreamAndResetsBeforeTheNewRunPushes() {
    try (var page = BridgeClient.connect(server.url()).claim("s-restart")) {
      trigger(page, "go", 100, "s-restart", "r.rs.1");
      awaitPush(page, "progress.children=run 100 step 2"::equals);
      trigger(page, "go", 101, "s-restart", "r.rs.2");
      var seen = awaitPush(page, "progress.children=run 101 step 2"::equals);
      int reset = seen.lastIndexOf("progress.children=idle");
      assertThat(reset).as("the old run was reset: %s", seen).isNotNegative();
      assertThat(seen.subList(reset, seen.size()))
          .as("nothing of the old run after its reset")
          .noneMatch(push -> push.contains("run 100"));
      assertThat(running.get("s-restart").get()).isEqualTo(1);
      assertThat(mostAtOnce.get()).as("one run per page at a time").isEqualTo(1);
      cancel(page, 1, "s-restart", "r.rs.stop");
      awaitPush(page, "progress.children=idle"::equals);
    }
  }

  @Test
  void aCancelInputStopsOnlyItsOwnPagesRun() throws Exception {
    try (var stopped = BridgeClient.connect(server.url()).claim("s-cancel-a");
        var other = BridgeClient.connect(server.url()).claim("s-cancel-b")) {
      trigger(stopped, "go", 100, "s-cancel-a", "r.ca.1");
      trigger(other, "go", 100, "s-cancel-b", "r.cb.1");
      awaitPush(stopped, "progress.children=run 100 step 2"::equals);
      awaitPush(other, "progress.children=run 100 step 2"::equals);

      cancel(stopped, 1, "s-cancel-a", "r.ca.stop");
      var after = pushesUntilAnswer(stopped, "r.ca.1");
      assertThat(after)
          .as("frames: %s", stopped.received())
          .last()
          .isEqualTo("progress.children=idle");
      assertThat(
              Eventually.holds(() -> running.get("s-cancel-a").get() == 0, Duration.ofSeconds(1)))
          .isTrue();

      int before = running.get("s-cancel-b").get();
      assertThat(before).as("the other page's run goes on").isEqualTo(1);
      awaitPush(other, push -> push.endsWith("step 20"));
      cancel(other, 1, "s-cancel-b", "r.cb.stop");
      awaitPush(other, "progress.children=idle"::equals);
    }
  }

  @Test
  void aCancelInputBackAtItsKeepValueStopsNothing() {
    try (var page = BridgeClient.connect(server.url()).claim("s-keep")) {
      trigger(page, "go", 100, "s-keep", "r.k.1");
      awaitPush(page, "progress.children=run 100 step 2"::equals);
      cancel(page, 0, "s-keep", "r.k.stop0");
      awaitPush(page, "progress.children=run 100 step 10"::equals);
      cancel(page, 1, "s-keep", "r.k.stop1");
      awaitPush(page, "progress.children=idle"::equals);
    }
  }

  @Test
  void aPageThatGoesAwayStopsItsStream() throws Exception {
    var page = BridgeClient.connect(server.url()).claim("s-gone");
    trigger(page, "go", 100, "s-gone", "r.g.1");
    awaitPush(page, "progress.children=run 100 step 2"::equals);
    page.close();
    assertThat(Eventually.holds(() -> running.get("s-gone").get() == 0, Duration.ofSeconds(1)))
        .as("the run stopped within a second of its page closing")
        .isTrue();
  }

  @Test
  void anOutputStreamSetsItsOutputsOnEveryEmit() {
    try (var page = BridgeClient.connect(server.url()).claim("s-out")) {
      trigger(page, "tick", 2, "s-out", "r.o.1");
      assertThat(pushesUntilAnswer(page, "r.o.1"))
          .containsExactly("out.children=first 2", "out.children=second 2");
      trigger(page, "pair", 1, "s-out", "r.o.2");
      assertThat(pushesUntilAnswer(page, "r.o.2"))
          .containsExactly(
              "left.children=left 1", "right.children=right 1", "right.children=right 2");
    }
  }

  @Test
  void overHttpAStreamsPushesTravelWithItsAnswerResetIncluded() {
    var response =
        server
            .http()
            .postJson(
                "_dash-update-component", UpdateRequests.clickWithoutOutput("go", 2).encode());
    assertThat(response.statusCode()).isEqualTo(200);
    var sideUpdate = new JsonObject(response.body()).getJsonObject("sideUpdate");
    assertThat(sideUpdate.getJsonObject("progress").getString("children"))
        .as("the pushes merged, ending on the reset")
        .isEqualTo("idle");
  }

  /** Sends the stream triggered by {@code button}'s click count, as the renderer would. */
  private static void trigger(
      BridgeClient page, String button, int clicks, String rendererId, String replyAddress) {
    var request = UpdateRequests.clickWithoutOutput(button, clicks);
    page.callback(request.getString("output"), request, rendererId, replyAddress);
  }

  /** Clicks {@code stop} to {@code clicks}: the cancel callback of the {@code go} stream. */
  private static void cancel(
      BridgeClient page, int clicks, String rendererId, String replyAddress) {
    trigger(page, "stop", clicks, rendererId, replyAddress);
  }

  /** The pushes up to the answer at {@code replyAddress}, as {@code id.prop=value}. */
  private static List<String> pushesUntilAnswer(BridgeClient page, String replyAddress) {
    var pushes = new ArrayList<String>();
    while (true) {
      var frame = page.next();
      if (replyAddress.equals(frame.getString("address"))) {
        return pushes;
      }
      pushes.addAll(pushesIn(frame));
    }
  }

  /** Every push up to and including the first that {@code wanted} matches. */
  private static List<String> awaitPush(BridgeClient page, Predicate<String> wanted) {
    var pushes = new ArrayList<String>();
    while (true) {
      for (String push : pushesIn(page.next())) {
        pushes.add(push);
        if (wanted.test(push)) {
          return pushes;
        }
      }
    }
  }

  private static List<String> pushesIn(JsonObject frame) {
    if (!String.valueOf(frame.getString("address")).startsWith("dash4j.renderer.")) {
      return List.of();
    }
    var body = BridgeClient.body(frame);
    var payloads = new ArrayList<JsonObject>();
    switch (body.getString("type")) {
      case "set_props" -> payloads.add(body.getJsonObject("payload"));
      case "set_props_batch" ->
          body.getJsonArray("payload").forEach(p -> payloads.add((JsonObject) p));
      default -> {
        return List.of();
      }
    }
    var pushes = new ArrayList<String>();
    for (var payload : payloads) {
      payload
          .getJsonObject("props")
          .forEach(
              e ->
                  pushes.add(
                      payload.getString("componentId") + "." + e.getKey() + "=" + e.getValue()));
    }
    return pushes;
  }
}
