package io.dash4j.model;

import io.dash4j.broadcast.Topic;
import io.dash4j.callback.Patch;
import io.dash4j.protocol.AppendProps;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A topic the app declared: its name, where its publishes go once the app runs (the runtime's
 * {@link Sink}s), and what was published before, kept for replay.
 *
 * <p>A publish becomes one message, JSON text, encoded on the publisher's thread (so a value JSON
 * cannot carry fails there): {@code {"id": <stringified id>, "props": {...}, "appends": [props
 * never replayed], "keep": true}} ({@code keep} only for {@link #keep}). Appends ({@link
 * AppendProps}) and {@code Patch} values are listed in {@code appends}: they are relative to what a
 * page has, so they are pushed but never replayed.
 */
public final class TopicSpec implements Topic {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

  /** Where a topic's messages go while the app runs: the event bus of one Vert.x instance. */
  public interface Sink {
    /** Sends one message of {@code topic}. */
    void send(String topic, String message);

    /**
     * Whether this sink's bus is a cluster's: one clustered sink reaches every node, so a publish
     * goes through one of them only.
     */
    boolean clustered();
  }

  private final String name;
  private final List<Sink> sinks = new ArrayList<>(); // guarded by this
  // before the app ran: stringified component id -> prop -> value as JSON text
  private final Map<String, Map<String, String>> early = new LinkedHashMap<>(); // guarded by this

  TopicSpec(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a topic name is 1 to 100 letters, digits, '_', '-' or '.', starting with a letter or"
              + " digit: "
              + name);
    }
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void publish(Object componentId, Map<String, ?> props) {
    send(componentId, props, false);
  }

  @Override
  public void keep(Object componentId, Map<String, ?> props) {
    send(componentId, props, true);
  }

  private void send(Object componentId, Map<String, ?> props, boolean keep) {
    String id = idOf(componentId);
    if (props == null || props.isEmpty()) {
      throw new IllegalArgumentException("no props to publish for " + id + " on topic " + name);
    }
    var copy = new LinkedHashMap<String, Object>(props); // null keys fail at the encoding
    var appends = new ArrayList<String>();
    copy.forEach(
        (prop, value) -> {
          if (AppendProps.appends(prop) || value instanceof Patch) {
            appends.add(prop);
          }
        });
    var message = new LinkedHashMap<String, Object>();
    message.put("id", id);
    message.put("props", copy);
    if (!appends.isEmpty()) {
      message.put("appends", appends);
    }
    if (keep) {
      message.put("keep", true);
    }
    String text = JsonWriter.toJson(message);
    synchronized (this) {
      if (sinks.isEmpty()) {
        keepEarly(id, copy, appends);
        return;
      }
      boolean clusterReached = false;
      for (Sink sink : sinks.stream().distinct().toList()) {
        if (!sink.clustered() || !clusterReached) {
          sink.send(name, text);
        }
        clusterReached |= sink.clustered();
      }
    }
  }

  private void keepEarly(String id, Map<String, Object> props, List<String> appends) {
    props.forEach(
        (prop, value) -> {
          if (!appends.contains(prop)) {
            early
                .computeIfAbsent(id, i -> new LinkedHashMap<>())
                .put(prop, JsonWriter.toJson(value));
          }
        });
  }

  /**
   * From now on, publishes go to {@code sink} (and the other sinks attached): the runtime attaches
   * one per Vert.x instance serving the app.
   *
   * @return what was published or kept before any sink was attached, for replay: component id →
   *     prop → value as JSON text, in the order first published
   */
  public synchronized Map<String, Map<String, String>> attach(Sink sink) {
    sinks.add(Objects.requireNonNull(sink, "sink"));
    var copy = new LinkedHashMap<String, Map<String, String>>();
    early.forEach((id, props) -> copy.put(id, new LinkedHashMap<>(props)));
    return copy;
  }

  /** Undoes one {@link #attach}: the server stopped. */
  public synchronized void detach(Sink sink) {
    sinks.remove(sink);
  }

  private String idOf(Object componentId) {
    if (componentId instanceof String text && !text.isEmpty()
        || componentId instanceof Map<?, ?> map && !map.isEmpty()) {
      return CallbackKeys.stringifyId(componentId);
    }
    throw new IllegalArgumentException(
        "a component id is a non-empty string or map, not "
            + componentId
            + " (topic "
            + name
            + ")");
  }

  @Override
  public String toString() {
    return "Topic " + name;
  }
}
