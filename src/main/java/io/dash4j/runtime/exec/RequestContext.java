package io.dash4j.runtime.exec;

import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.CallbackResponse;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.UpdateRequest;
import io.dash4j.runtime.socket.SocketCall;
import io.dash4j.websocket.Websocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The callback context of one request, built from its {@link UpdateRequest} and the caller the door
 * stamped; over the socket it also holds the call's {@link SocketCall}, and {@code setProps} pushes
 * through it.
 */
public class RequestContext extends CallbackContext {
  private final UpdateRequest request;
  private final SocketCall socket; // null over HTTP
  private final boolean
      socketCallback; // marked websocket, whether or not this call came over the socket
  // Built on first use: most callbacks never ask, and this runs for every request.
  private List<Triggered> triggered;
  private Map<String, Object> triggeredPropIds;
  private Map<String, Object> inputs;
  private Map<String, Object> states;
  private final Map<String, Map<String, Object>> sideUpdates = new LinkedHashMap<>();
  private final CallbackResponse response = new CallbackResponse();

  /** The context of a request that did not come over the socket (a background job's). */
  protected RequestContext(UpdateRequest request) {
    this(request, null, false);
  }

  RequestContext(UpdateRequest request, SocketCall socket, boolean socketCallback) {
    this.request = request;
    this.socket = socket;
    this.socketCallback = socketCallback;
  }

  private synchronized void resolveTriggered() {
    if (triggered != null) {
      return;
    }
    var triggeredProps = new ArrayList<Triggered>();
    var ids = new LinkedHashMap<String, Object>();
    for (String propId : request.changedPropIds()) {
      triggeredProps.add(new Triggered(propId, inputs().get(propId)));
      ids.put(propId, idOf(propId));
    }
    if (triggeredProps.isEmpty()) {
      // Dash's backward-compatible placeholder for "nothing triggered" (_callback_context.py)
      triggeredProps.add(new Triggered(".", null));
    }
    triggeredPropIds = Collections.unmodifiableMap(ids);
    triggered = Collections.unmodifiableList(triggeredProps);
  }

  /** Runs the callback body with this context current, so user code can reach it. */
  public final <T> T run(Callable<T> body) throws Exception {
    return runWithin(body);
  }

  @Override
  public List<Triggered> triggered() {
    resolveTriggered();
    return triggered;
  }

  @Override
  public Object triggeredId() {
    var ids = triggeredPropIds();
    return ids.isEmpty() ? null : ids.values().iterator().next();
  }

  @Override
  public Map<String, Object> triggeredPropIds() {
    resolveTriggered();
    return triggeredPropIds;
  }

  @Override
  public synchronized Map<String, Object> inputs() {
    if (inputs == null) {
      inputs = valuesByPropId(request.inputs());
    }
    return inputs;
  }

  @Override
  public synchronized Map<String, Object> states() {
    if (states == null) {
      states = valuesByPropId(request.state());
    }
    return states;
  }

  @Override
  public List<Object> inputsList() {
    return request.inputs();
  }

  @Override
  public List<Object> statesList() {
    return request.state();
  }

  @Override
  public List<Object> outputsList() {
    Object outputs = request.outputs();
    if (outputs == null) {
      return List.of();
    }
    return outputs instanceof List<?> list ? List.copyOf(list) : List.of(outputs);
  }

  @Override
  public Map<String, List<String>> headers() {
    return request.caller().headerMap();
  }

  @Override
  public Map<String, String> cookies() {
    return request.caller().cookies();
  }

  @Override
  public String path() {
    return request.caller().path();
  }

  @Override
  public String remote() {
    return request.caller().remote();
  }

  @Override
  public CallbackResponse response() {
    return response;
  }

  /** The headers the callback added, for the reply. */
  List<Map.Entry<String, String>> responseHeaders() {
    return response.headers();
  }

  @Override
  public Websocket websocket() {
    return socket;
  }

  /**
   * A socket callback comes over HTTP when its page has no socket (a browser without SharedWorker):
   * advising to mark it websocket would mislead, so say what happened.
   */
  @Override
  public Map<String, Object> getProps(Object componentId, String... props) {
    if (socket == null && socketCallback) {
      throw new IllegalStateException(
          "this call came over HTTP: the page has no socket (no SharedWorker), so "
              + "getProps cannot ask it; read the value with a State");
    }
    return super.getProps(componentId, props);
  }

  @Override
  public void setProps(Object componentId, Map<String, ?> props) {
    if (socket != null) {
      socket.setProps(componentId, props);
    } else {
      collectSideUpdate(componentId, props);
    }
  }

  private synchronized void collectSideUpdate(Object componentId, Map<String, ?> props) {
    sideUpdates
        .computeIfAbsent(CallbackKeys.stringifyId(componentId), id -> new LinkedHashMap<>())
        .putAll(props);
  }

  /** The props set with {@link #setProps}, by stringified id (Dash's {@code sideUpdate}). */
  public synchronized Map<String, Map<String, Object>> sideUpdates() {
    return new LinkedHashMap<>(sideUpdates);
  }

  /**
   * {@code "id.prop" → value} for every dependency, pattern-matching lists flattened (Dash's inputs
   * dict).
   */
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
    if (dependency instanceof Map<?, ?> map
        && map.get("property") instanceof String property
        && map.get("id") != null) {
      values.put(CallbackKeys.propId(map.get("id"), property), map.get("value"));
    }
  }

  /**
   * The id part of {@code "id.prop"}: everything before the last dot; a '{' id is the JSON of a map
   * id.
   */
  private static Object idOf(String propId) {
    int dot = propId.lastIndexOf('.');
    String id = dot < 0 ? propId : propId.substring(0, dot);
    if (id.startsWith("{")) {
      try {
        return new JsonObject(id).getMap();
      } catch (RuntimeException e) {
        return id;
      }
    }
    return id;
  }
}
