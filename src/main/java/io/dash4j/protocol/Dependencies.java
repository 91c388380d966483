package io.dash4j.protocol;

import io.dash4j.callback.Argument;
import io.dash4j.callback.Callback;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Dependency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The body of {@code GET _dash-dependencies}: one spec per callback, in registration order (§3 of the protocol). */
public final class Dependencies {
  private Dependencies() {}

  /** The namespace Dash defines inline clientside functions in. */
  public static final String INLINE_NAMESPACE = "_dashprivate_clientside_funcs";

  /** The specs of these callbacks: server callbacks, then clientside ones. */
  public static List<Map<String, Object>> of(List<Callback> callbacks, List<ClientsideCallback> clientside,
      boolean preventInitialByDefault) {
    var specs = new java.util.ArrayList<Map<String, Object>>();
    callbacks.forEach(c -> specs.add(spec(c, preventInitialByDefault)));
    clientside.forEach(c -> specs.add(spec(c, preventInitialByDefault)));
    return specs;
  }

  private static Map<String, Object> spec(ClientsideCallback callback, boolean preventInitialByDefault) {
    var spec = new LinkedHashMap<String, Object>();
    spec.put("output", CallbackKeys.outputKey(callback));
    spec.put("inputs", callback.inputs().stream().map(Dependencies::dependency).toList());
    spec.put("state", callback.states().stream().map(Dependencies::dependency).toList());
    var function = callback.function();
    spec.put("clientside_function", function != null
        ? Map.of("namespace", function.namespace(), "function_name", function.name())
        : Map.of("namespace", INLINE_NAMESPACE,
            "function_name", CallbackKeys.inlineFunctionName(callback.inlineSource())));
    spec.put("prevent_initial_call", callback.preventsInitialCall(preventInitialByDefault));
    spec.put("background", null);
    spec.put("dynamic_creator", false);
    spec.put("no_output", callback.outputs().isEmpty());
    spec.put("optional", false);
    spec.put("hidden", false);
    spec.put("websocket", false);
    spec.put("persistent", false);
    return spec;
  }

  private static Map<String, Object> spec(Callback callback, boolean preventInitialByDefault) {
    var spec = new LinkedHashMap<String, Object>();
    spec.put("output", CallbackKeys.outputKey(callback));
    spec.put("inputs", callback.inputs().stream().map(Dependencies::dependency).toList());
    spec.put("state", callback.states().stream().map(Dependencies::dependency).toList());
    spec.put("clientside_function", null);
    // "initial_duplicate" travels as false: only a literal True prevents the initial call
    spec.put("prevent_initial_call", !callback.isInitialDuplicate()
        && callback.preventsInitialCall(preventInitialByDefault));
    spec.put("background", null);
    spec.put("dynamic_creator", callback.allowsDynamicCallbacks() ? Boolean.TRUE : null);
    spec.put("no_output", callback.noOutput());
    spec.put("optional", false);
    spec.put("hidden", callback.isHidden());
    spec.put("websocket", callback.isWebsocket()); // the app-wide switch travels in _dash-config
    spec.put("persistent", callback.isPersistent());
    if (!callback.running().isEmpty()) {
      var on = new LinkedHashMap<String, Object>();
      var off = new LinkedHashMap<String, Object>();
      for (var flip : callback.running()) {
        on.put(CallbackKeys.propId(flip.output()), flip.whileRunning());
        off.put(CallbackKeys.propId(flip.output()), flip.afterwards());
      }
      spec.put("running", Map.of("running", on, "runningOff", off));
    }
    return spec;
  }

  private static Map<String, Object> dependency(Dependency<?> dependency) {
    var json = new LinkedHashMap<String, Object>();
    json.put("id", CallbackKeys.stringifyId(dependency.componentId()));
    json.put("property", dependency.property());
    if (dependency instanceof Argument<?> argument && argument.optional()) {
      json.put("allow_optional", true);
    }
    return json;
  }
}
