package io.dash4j.broadcast;

import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import io.dash4j.testing.BridgeClient;
import io.dash4j.testing.ServedApp;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Topics through the socket door, with raw SockJS clients as pages: a page subscribes by the path
 * it names when it registers (under the app's prefix), gets the topic's replay first, then every
 * publish, made from any thread; a page elsewhere gets none of it. The app's callbacks stay on HTTP
 * (no {@code websocketCallbacks}): the topics alone open the door.
 */
class BroadcastIT {
  static Topic ticker;
  static Topic walk;

  @RegisterExtension static final ServedApp server = ServedApp.of(BroadcastIT::app);

  private final List<BridgeClient> clients = new ArrayList<>();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).prefix("/app/"));
    ticker = app.topic("ticker");
    walk = app.topic("walk");
    app.subscribe(ticker);
    app.layout(div(div().id("clock"), Pages.container()));
    app.registerPage(Page.at("/walk").subscribe(walk).layout(() -> div().id("status")));
    app.registerPage(Page.at("/other").layout(() -> div("elsewhere")));
    // before the app runs: kept for replay, the append dropped
    walk.publish("early", Map.of("children", "before run"));
    walk.publish("motion", Map.of("extendData", extend(0)));
    return app;
  }

  static List<Object> extend(int y) {
    return List.of(Map.of("y", List.of(List.of(y))), List.of(0), 100);
  }

  @AfterEach
  void closeClients() {
    clients.forEach(BridgeClient::close);
  }

  /** A page: its own socket, registered at {@code path} (a browser path, under the prefix). */
  BridgeClient page(String rendererId, String path) {
    var client = BridgeClient.connect(server.url());
    clients.add(client);
    client.send(
        new JsonObject()
            .put("type", "register")
            .put("address", "dash4j.renderer." + rendererId)
            .put("headers", new JsonObject().put("dash4j-path", path)));
    assertThat(BridgeClient.body(client.next()).getString("type")).isEqualTo("registered");
    return client;
  }

  /** A page registered at {@code path}, past its replay. */
  BridgeClient settled(String rendererId, String path) {
    var client = page(rendererId, path);
    replayOf(client);
    return client;
  }

  /** The replay a page got right after registering: component id → props; empty when none came. */
  static Map<String, JsonObject> replayOf(BridgeClient client) {
    var frame = client.poll(1_000);
    if (frame == null) {
      return Map.of();
    }
    var body = BridgeClient.body(frame);
    assertThat(body.getString("type")).isEqualTo("set_props_batch");
    assertThat(body.getBoolean("replay")).isTrue();
    var byId = new LinkedHashMap<String, JsonObject>();
    for (Object update : body.getJsonArray("payload")) {
      var set = (JsonObject) update;
      byId.put(set.getString("componentId"), set.getJsonObject("props"));
    }
    return byId;
  }

  /** The next push's payload as {@code set_props}. */
  static JsonObject nextPush(BridgeClient client) {
    var body = BridgeClient.body(client.next());
    assertThat(body.getString("type")).isEqualTo("set_props");
    return body.getJsonObject("payload");
  }

  static String id() {
    return UUID.randomUUID().toString();
  }

  @Test
  void twoPagesOnASubscribedPathBothGetAPublishFromAPlainThread() throws Exception {
    var first = settled(id(), "/app/walk");
    var second = settled(id(), "/app/walk");

    var thread = new Thread(() -> walk.publish("status", "children", "step 1"));
    thread.start();
    thread.join();

    for (var page : List.of(first, second)) {
      assertThat(nextPush(page))
          .isEqualTo(
              new JsonObject()
                  .put("componentId", "status")
                  .put("props", new JsonObject().put("children", "step 1")));
    }
  }

  @Test
  void aPageOnAPathWithoutTheTopicGetsNothingOfIt() {
    var there = settled(id(), "/app/walk");
    var elsewhere = settled(id(), "/app/other");

    walk.publish(Map.of("type", "dot", "index", 1), Map.of("children", "not for /other"));
    assertThat(nextPush(there).getString("componentId"))
        .isEqualTo("{\"index\":1,\"type\":\"dot\"}");
    ticker.publish("clock", "children", "for every page");

    // the ticker's push came after the walk's: had /other been sent the walk's, it would be first
    assertThat(nextPush(elsewhere).getJsonObject("props").getString("children"))
        .isEqualTo("for every page");
  }

  @Test
  void aLatePageGetsTheLatestValueOfEachPropAndTheKeptSnapshotButNoAppends() {
    walk.publish("late", Map.of("children", "first", "title", "kept"));
    walk.publish("late", Map.of("children", "second"));
    walk.publish("graph", Map.of("extendData", extend(1)));
    walk.keep("graph", Map.of("figure", Map.of("data", List.of(Map.of("y", List.of(0, 1))))));

    var replay = replayOf(page(id(), "/app/walk"));

    assertThat(replay).containsEntry("late", json(Map.of("children", "second", "title", "kept")));
    assertThat(replay)
        .containsEntry(
            "graph", json(Map.of("figure", Map.of("data", List.of(Map.of("y", List.of(0, 1)))))));
    assertThat(replay.toString()).doesNotContain("extendData");
  }

  @Test
  void aKeptSnapshotIsNotPushedToThePagesThere() {
    var there = settled(id(), "/app/walk");

    walk.keep("snapshot", Map.of("children", "kept only"));
    walk.publish("after", "children", "pushed");

    assertThat(nextPush(there).getString("componentId")).isEqualTo("after");
  }

  @Test
  void publishBeforeRunIsKeptForReplayWithoutItsAppends() {
    var replay = replayOf(page(id(), "/app/walk"));

    assertThat(replay).containsEntry("early", json(Map.of("children", "before run")));
    assertThat(replay).doesNotContainKey("motion");
  }

  @Test
  void aPathThatNamesNoPageGetsOnlyTheAppWideTopics() {
    ticker.publish("clock", "children", "tick");
    var lost = page(id(), "/app/nowhere");

    var replay = replayOf(lost);
    assertThat(replay).containsKey("clock").doesNotContainKeys("early", "status", "late");
    getsTheTickerNotTheWalk(lost, "tock");
  }

  @Test
  void aPageThatMovesIsSubscribedToItsNewPathsTopics() {
    String rendererId = id();
    var page = settled(rendererId, "/app/other");

    page.send(pathFrame(rendererId, "/app/walk"));
    assertThat(replayOf(page)).containsKey("early");
    walk.publish("status", "children", "now here");
    assertThat(nextPush(page).getJsonObject("props").getString("children")).isEqualTo("now here");

    page.send(pathFrame(rendererId, "/app/other"));
    assertThat(replayOf(page)).doesNotContainKey("early");
    getsTheTickerNotTheWalk(page, "still here");
  }

  @Test
  void aPageCannotMoveAnotherSocketsPage() {
    String rendererId = id();
    var victim = settled(rendererId, "/app/other");
    var attacker = BridgeClient.connect(server.url());
    clients.add(attacker);

    attacker.send(pathFrame(rendererId, "/app/walk"));

    assertThat(attacker.next().getString("body")).isEqualTo("rejected");
    getsTheTickerNotTheWalk(victim, "for the victim");
  }

  @Test
  void aFrameCannotNameATopic() {
    var page = settled(id(), "/app/other");

    page.send(new JsonObject().put("type", "register").put("address", "dash4j.topic.walk"));
    page.send(
        new JsonObject()
            .put("type", "publish")
            .put("address", "dash4j.topic.walk")
            .put("body", new JsonObject().put("id", "status").put("props", new JsonObject())));

    assertThat(List.of(page.next().getString("type"), page.next().getString("type")))
        .containsExactly("err", "err");
    getsTheTickerNotTheWalk(page, "only this");
  }

  /** The page gets the ticker's next push, but not the walk's, published just before it. */
  static void getsTheTickerNotTheWalk(BridgeClient page, String tick) {
    walk.publish("status", "children", "not for this page");
    ticker.publish("clock", "children", tick);
    assertThat(nextPush(page).getJsonObject("props").getString("children")).isEqualTo(tick);
  }

  static JsonObject json(Map<String, Object> map) {
    return new JsonObject(map);
  }

  static JsonObject pathFrame(String rendererId, String path) {
    return new JsonObject()
        .put("type", "send")
        .put("address", "dash4j.page.path")
        .put("body", new JsonObject())
        .put(
            "headers",
            new JsonObject().put("dash4j-renderer", rendererId).put("dash4j-path", path));
  }
}
