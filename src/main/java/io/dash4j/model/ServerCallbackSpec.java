package io.dash4j.model;

import io.dash4j.callback.CallbackDeclaration;
import io.dash4j.callback.CallbackOptions;
import io.dash4j.callback.Dependency;
import io.dash4j.callback.Fn.FnN;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.layout.Wildcard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A callback the server runs: the declaration, its frozen options, and how its arguments are
 * decoded.
 */
public final class ServerCallbackSpec extends CallbackSpec {
  private final FnN<?> function;
  private final CallbackOptions options;
  private final List<String> apiNames;

  /**
   * The spec of a declared callback, checked as Dash checks a callback when it is declared.
   *
   * @param defaults the app's defaults, which some checks depend on
   * @throws IllegalArgumentException when the declaration breaks one of Dash's rules
   */
  public ServerCallbackSpec(
      CallbackDeclaration declaration, String callSite, AppDefaults defaults) {
    super(declaration.outputs(), declaration.multiOutput(), declaration.arguments(), callSite);
    this.function = declaration.function();
    this.options = declaration.options();
    this.apiNames = apiNames();
    validate(defaults);
  }

  /** The options, frozen. */
  public CallbackOptions options() {
    return options;
  }

  /**
   * Whether this callback runs over the socket, given the app's {@code websocketCallbacks} default.
   */
  public boolean usesWebsocket(AppDefaults defaults) {
    return options.isWebsocket() || defaults.websocketCallbacks();
  }

  /**
   * The JSON keys of the api endpoint's arguments, in argument order; empty without an endpoint.
   */
  public List<String> apiNames() {
    var endpoint = options.apiEndpoint();
    if (endpoint == null) {
      return List.of();
    }
    return endpoint.names().isEmpty()
        ? arguments().stream().map(Dependency::property).toList()
        : endpoint.names();
  }

  private void validate(AppDefaults defaults) {
    if (outputs().stream().anyMatch(Output::allowsDuplicate)
        && !options.preventsInitialCall(defaults.preventInitialCallbacks())
        && !options.isInitialDuplicate()) {
      throw new IllegalArgumentException(
          "an output with allowDuplicate() needs preventInitialCall(true) or "
              + "initialDuplicate() on its callback: "
              + outputs());
    }
    for (var argument : arguments()) {
      if (argument.hasWildcard(Wildcard.ALLSMALLER)
          && outputs().stream().noneMatch(o -> o.hasWildcard(Wildcard.MATCH))) {
        throw new IllegalArgumentException("ALLSMALLER needs an Output with MATCH: " + argument);
      }
    }
    for (var output : options.progress()) {
      if (arguments().stream().anyMatch(a -> isSameProp(a, output))) {
        throw new IllegalArgumentException(
            "a progress output cannot be an input or state of its own callback: " + output);
      }
    }
    var endpoint = options.apiEndpoint();
    if (endpoint != null) {
      if (!endpoint.names().isEmpty() && endpoint.names().size() != arguments().size()) {
        throw new IllegalArgumentException(
            "give one api name per argument (" + arguments().size() + "), or none");
      }
      if (arguments().stream().anyMatch(Dependency::isPattern)
          || outputs().stream().anyMatch(Dependency::isPattern)) {
        throw new IllegalArgumentException("a pattern-matching callback cannot be an api endpoint");
      }
      if (new HashSet<>(apiNames).size() != apiNames.size()) {
        throw new IllegalArgumentException(
            "api argument names must differ: " + apiNames + "; name them explicitly");
      }
    }
  }

  private static boolean isSameProp(Dependency<?> a, Dependency<?> b) {
    return a.componentId().equals(b.componentId()) && a.property().equals(b.property());
  }

  /** Whether this callback runs as a background job. */
  public boolean isBackground() {
    return options.isBackground();
  }

  /**
   * Turns the browser's JSON values, given in the order of {@link #inputs()} then {@link #states()}
   * as on the wire, into the typed values the function takes, in declaration order.
   *
   * @throws IllegalArgumentException when a value has the wrong type or the count is wrong
   */
  public List<Object> decode(List<Object> inputValues, List<Object> stateValues) {
    var values = inArgumentOrder(inputValues, stateValues);
    for (int i = 0; i < values.size(); i++) {
      values.set(i, arguments().get(i).prop().decode(values.get(i)));
    }
    return values;
  }

  /**
   * The browser's JSON values, given in the order of {@link #inputs()} then {@link #states()} as on
   * the wire, in the function's argument order, undecoded (what a background callback's cache key
   * is made of).
   *
   * @throws IllegalArgumentException when the count is wrong
   */
  public List<Object> inArgumentOrder(List<Object> inputValues, List<Object> stateValues) {
    if (inputValues.size() != inputs().size() || stateValues.size() != states().size()) {
      throw new IllegalArgumentException(
          "expected " + inputs().size() + " inputs and " + states().size() + " states");
    }
    var ordered = new ArrayList<Object>(arguments().size());
    int nextInput = 0;
    int nextState = 0;
    for (var argument : arguments()) {
      ordered.add(
          argument instanceof Input<?>
              ? inputValues.get(nextInput++)
              : stateValues.get(nextState++));
    }
    return ordered;
  }

  /** Runs the function on decoded values (from {@link #decode}). */
  public Object apply(List<Object> decodedArguments) throws Exception {
    return function.apply(decodedArguments);
  }

  @Override
  void describeTo(Map<String, Object> entry, AppDefaults defaults) {
    // "initial_duplicate" travels as false: only a literal True prevents the initial call
    entry.put(
        "prevent_initial_call",
        !options.isInitialDuplicate()
            && options.preventsInitialCall(defaults.preventInitialCallbacks()));
    entry.put("dynamic_creator", options.allowsDynamicCallbacks() ? Boolean.TRUE : null);
    entry.put("hidden", options.isHidden());
    entry.put("websocket", options.isWebsocket()); // the app-wide switch travels in _dash-config
    entry.put("persistent", options.isPersistent());
    if (options.isBackground()) {
      entry.put("background", Map.of("interval", options.interval().toMillis()));
    }
    if (!options.running().isEmpty()) {
      var on = new LinkedHashMap<String, Object>();
      var off = new LinkedHashMap<String, Object>();
      for (var flip : options.running()) {
        on.put(propId(flip.output()), flip.whileRunning());
        off.put(propId(flip.output()), flip.afterwards());
      }
      entry.put("running", Map.of("running", on, "runningOff", off));
    }
  }
}
