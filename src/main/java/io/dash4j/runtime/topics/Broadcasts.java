package io.dash4j.runtime.topics;

import io.dash4j.model.AppModel;
import io.dash4j.model.TopicSpec;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * An app's topics as one verticle serves them. {@code topic.publish} is one event-bus publish on
 * {@code dash4j.topic.<name>} (cluster-wide), through the sink attached to the topic ({@link
 * BusSink}); with a socket door, this consumes every topic: it keeps the latest value of each
 * component and prop (appends aside; {@code keep} values only kept), and offers each publish to the
 * page end of every local page subscribed, in one pass. A page subscribes by the path it shows
 * ({@link #subscribe}); it gets the replay of its topics first.
 *
 * <p>Everything runs on the verticle's event loop (the consumers and the door's events), under this
 * object's monitor for safety.
 */
public final class Broadcasts {
  private static final Logger LOG = Logger.getLogger(Broadcasts.class.getName());

  /** Where a topic's publishes travel: this prefix and its name. */
  public static final String ADDRESS = "dash4j.topic.";

  /**
   * Where each node with pages answers what it keeps for replay, so a node that joins a running
   * cluster replays what was published before it came.
   */
  static final String REPLAY_ADDRESS = "dash4j.topics.replay";

  /** How long a joining node waits for another's replay table before it starts without. */
  private static final long REPLAY_MILLIS = 3_000;

  /** The page end of one subscribed page: takes a push, JSON text for its worker. */
  @FunctionalInterface
  public interface Subscriber {
    /** Pushes {@code body} ({@code set_props} or {@code set_props_batch}) to the page. */
    void push(String body);
  }

  private final Vertx vertx;
  private final AppModel model;
  private final BusSink sink;
  private final List<MessageConsumer<Object>> consumers = new ArrayList<>();
  // topic -> component id -> props: the latest values, what a page that subscribes gets first
  private final Map<String, Map<String, JsonObject>> replay = new HashMap<>();
  // topic -> renderer id -> its page end
  private final Map<String, Map<String, Subscriber>> subscribers = new HashMap<>();
  private final Map<String, Set<String>> topicsByPage = new HashMap<>();

  public Broadcasts(Vertx vertx, AppModel model) {
    this.vertx = vertx;
    this.model = model;
    this.sink = new BusSink(vertx);
  }

  /**
   * Attaches this Vert.x instance's bus to every topic of the app, so publishes travel; with {@code
   * consume}, first consumes them (the door's pages), so no publish made from now on is missed, and
   * keeps what was published before the app ran for replay.
   */
  public synchronized Future<?> start(boolean consume) {
    var registered = new ArrayList<Future<Void>>();
    for (TopicSpec topic : model.topics().all()) {
      if (consume) {
        String name = topic.name();
        var consumer = vertx.eventBus().consumer(ADDRESS + name, message -> heard(name, message));
        consumers.add(consumer);
        registered.add(consumer.completion());
      }
      var early = topic.attach(sink);
      if (consume) {
        var table = replay.computeIfAbsent(topic.name(), t -> new LinkedHashMap<>());
        // what another node published meanwhile is newer than what this one had before it ran
        early.forEach(
            (id, props) -> {
              var kept = table.computeIfAbsent(id, i -> new JsonObject());
              props.forEach(
                  (prop, json) -> {
                    if (!kept.containsKey(prop)) {
                      kept.put(prop, Json.decodeValue(json));
                    }
                  });
            });
      }
    }
    if (!consume || !vertx.isClustered()) {
      return Future.all(registered);
    }
    // a node that joins a running cluster asks one that was there for what it kept, then answers
    // the next ones itself
    return Future.all(registered)
        .compose(
            all ->
                vertx
                    .eventBus()
                    .<JsonObject>request(
                        REPLAY_ADDRESS, "", new DeliveryOptions().setSendTimeout(REPLAY_MILLIS))
                    .onSuccess(kept -> keepOlder(kept.body()))
                    .<Void>mapEmpty()
                    .otherwiseEmpty())
        .compose(
            asked -> {
              var answers =
                  vertx.eventBus().consumer(REPLAY_ADDRESS, ask -> ask.reply(replayTable()));
              consumers.add(answers);
              return answers.completion();
            });
  }

  /** Everything kept for replay: topic → component id → props. */
  private synchronized JsonObject replayTable() {
    var all = new JsonObject();
    replay.forEach(
        (topic, table) -> {
          var ids = new JsonObject();
          table.forEach((id, props) -> ids.put(id, props.copy()));
          all.put(topic, ids);
        });
    return all;
  }

  /**
   * Adds what another node kept to this node's table, where this node has nothing newer: it has
   * heard every publish since its consumers registered.
   */
  private synchronized void keepOlder(JsonObject kept) {
    for (String topic : kept.fieldNames()) {
      var table = replay.get(topic);
      if (table == null || !(kept.getValue(topic) instanceof JsonObject ids)) {
        continue; // a topic this app does not declare
      }
      for (String id : ids.fieldNames()) {
        var mine = table.computeIfAbsent(id, i -> new JsonObject());
        ids.getJsonObject(id)
            .forEach(
                prop -> {
                  if (!mine.containsKey(prop.getKey())) {
                    mine.put(prop.getKey(), prop.getValue());
                  }
                });
      }
    }
  }

  /** Stops consuming and detaches this instance's bus from the topics. */
  public synchronized Future<?> stop() {
    model.topics().all().forEach(topic -> topic.detach(sink));
    var unregistered = consumers.stream().map(MessageConsumer::unregister).toList();
    consumers.clear();
    return Future.all(unregistered);
  }

  /**
   * Subscribes a page to {@code topics} (replacing what it was subscribed to) and pushes it their
   * replay first, as one {@code set_props_batch} marked {@code "replay": true}: its page script
   * holds each value until the component is in the layout.
   */
  public synchronized void subscribe(String rendererId, Set<String> topics, Subscriber page) {
    unsubscribe(rendererId);
    if (topics.isEmpty()) {
      return;
    }
    topicsByPage.put(rendererId, Set.copyOf(topics));
    var latest = new LinkedHashMap<String, JsonObject>();
    for (String topic : topics) {
      subscribers.computeIfAbsent(topic, t -> new LinkedHashMap<>()).put(rendererId, page);
      replay
          .getOrDefault(topic, Map.of())
          .forEach((id, props) -> latest.computeIfAbsent(id, i -> new JsonObject()).mergeIn(props));
    }
    if (!latest.isEmpty()) {
      var payload = new JsonArray();
      latest.forEach(
          (id, props) -> payload.add(new JsonObject().put("componentId", id).put("props", props)));
      page.push(
          new JsonObject()
              .put("type", "set_props_batch")
              .put("payload", payload)
              .put("replay", true)
              .encode());
    }
  }

  /** Forgets a page that went away. */
  public synchronized void unsubscribe(String rendererId) {
    var topics = topicsByPage.remove(rendererId);
    if (topics != null) {
      topics.forEach(
          topic -> {
            var pages = subscribers.get(topic);
            if (pages != null) {
              pages.remove(rendererId);
            }
          });
    }
  }

  /** The names of the topics {@code rendererId} is subscribed to (none: empty). */
  public synchronized Set<String> topicsOf(String rendererId) {
    return new LinkedHashSet<>(topicsByPage.getOrDefault(rendererId, Set.of()));
  }

  /** A publish of {@code topic}: kept for replay, then offered to each local page subscribed. */
  private synchronized void heard(String topic, Message<Object> message) {
    JsonObject update;
    try {
      update = new JsonObject(String.valueOf(message.body()));
    } catch (DecodeException e) {
      LOG.fine(() -> "a message on " + ADDRESS + topic + " is not JSON; ignored");
      return;
    }
    if (!(update.getValue("id") instanceof String id)
        || !(update.getValue("props") instanceof JsonObject props)) {
      LOG.fine(() -> "a message on " + ADDRESS + topic + " has no id or props; ignored");
      return;
    }
    var appends = update.getJsonArray("appends", new JsonArray());
    var table = replay.computeIfAbsent(topic, t -> new LinkedHashMap<>());
    props.forEach(
        prop -> {
          if (!appends.contains(prop.getKey())) {
            table.computeIfAbsent(id, i -> new JsonObject()).put(prop.getKey(), prop.getValue());
          }
        });
    var pages = subscribers.get(topic);
    if (update.getBoolean("keep", false) || pages == null || pages.isEmpty()) {
      return;
    }
    String body =
        new JsonObject()
            .put("type", "set_props")
            .put("payload", new JsonObject().put("componentId", id).put("props", props))
            .encode();
    pages.values().forEach(page -> page.push(body));
  }

  /** The sink of one Vert.x instance: equal for every verticle of it, so a publish leaves once. */
  private record BusSink(Vertx vertx) implements TopicSpec.Sink {
    @Override
    public void send(String topic, String message) {
      vertx.eventBus().publish(ADDRESS + topic, message);
    }

    @Override
    public boolean clustered() {
      return vertx.isClustered();
    }
  }
}
