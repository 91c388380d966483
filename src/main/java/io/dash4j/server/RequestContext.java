package io.dash4j.server;

import io.dash4j.callback.CallbackContext;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.UpdateRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The callback context of one HTTP or socket request, built from its {@link UpdateRequest}. */
final class RequestContext extends CallbackContext {
  private final List<Triggered> triggered;
  private final Object triggeredId;
  private final Map<String, Object> inputs;
  private final Map<String, Object> states;
  private final Map<String, Map<String, Object>> sideUpdates = new LinkedHashMap<>();

  RequestContext(UpdateRequest request) {
    this.inputs = valuesByPropId(request.inputs());
    this.states = valuesByPropId(request.state());
    var triggeredProps = new ArrayList<Triggered>();
    Object firstId = null;
    for (String propId : request.changedPropIds()) {
      triggeredProps.add(new Triggered(propId, inputs.get(propId)));
      if (firstId == null) {
        firstId = idOf(propId);
      }
    }
    this.triggered = Collections.unmodifiableList(triggeredProps);
    this.triggeredId = firstId;
  }

  /** Runs the callback body with this context current, so user code can reach it. */
  <T> T run(java.util.concurrent.Callable<T> body) throws Exception {
    return runWithin(body);
  }

  @Override
  public List<Triggered> triggered() {
    return triggered;
  }

  @Override
  public Object triggeredId() {
    return triggeredId;
  }

  @Override
  public Map<String, Object> inputs() {
    return inputs;
  }

  @Override
  public Map<String, Object> states() {
    return states;
  }

  @Override
  public synchronized void setProps(Object componentId, Map<String, ?> props) {
    sideUpdates.computeIfAbsent(CallbackKeys.stringifyId(componentId), id -> new LinkedHashMap<>()).putAll(props);
  }

  /** The props set with {@link #setProps}, by stringified id (Dash's {@code sideUpdate}). */
  synchronized Map<String, Map<String, Object>> sideUpdates() {
    return new LinkedHashMap<>(sideUpdates);
  }

  /** {@code "id.prop" → value} for every dependency, pattern-matching lists flattened (Dash's inputs dict). */
  private static Map<String, Object> valuesByPropId(List<Object> dependencies) {
    var values = new LinkedHashMap<String, Object>();
    for (Object dependency : dependencies) {
      if (dependency instanceof List<?> group) {
        group.forEach(item -> put(values, item));
      } else {
        put(values, dependency);
      }
    }
    return Collections.unmodifiableMap(values);
  }

  private static void put(Map<String, Object> values, Object dependency) {
    if (dependency instanceof Map<?, ?> map && map.get("property") instanceof String property
        && map.get("id") != null) {
      values.put(CallbackKeys.propId(map.get("id"), property), map.get("value"));
    }
  }

  /** The id part of {@code "id.prop"}: the id is everything before the last dot; a '{' id is JSON. */
  private static Object idOf(String propId) {
    int dot = propId.lastIndexOf('.');
    String id = dot < 0 ? propId : propId.substring(0, dot);
    if (id.startsWith("{")) {
      try {
        return new io.vertx.core.json.JsonObject(id).getMap();
      } catch (RuntimeException e) {
        return id;
      }
    }
    return id;
  }
}
