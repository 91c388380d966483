package io.dash4j.model;

import io.dash4j.callback.Argument;
import io.dash4j.callback.Dependency;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.State;
import io.dash4j.protocol.CallbackKeys;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One registered callback as the runtime reads it, server or clientside, frozen at registration.
 * Its output key (the event-bus address of a server callback) and its {@code _dash-dependencies}
 * entry are worked out here, once, for both kinds.
 */
public abstract sealed class CallbackSpec
    permits ServerCallbackSpec, ClientsideCallbackSpec, CancelCallbackSpec {
  private final List<Output<?>> outputs;
  private final boolean multiOutput;
  private final List<Argument<?>> arguments;
  private final List<Input<?>> inputs;
  private final List<State<?>> states;
  private final String callSite;
  private final String outputKey;

  CallbackSpec(
      List<Output<?>> outputs, boolean multiOutput, List<Argument<?>> arguments, String callSite) {
    this.outputs = List.copyOf(outputs);
    this.multiOutput = multiOutput;
    this.arguments = List.copyOf(arguments);
    this.inputs =
        arguments.stream()
            .filter(Input.class::isInstance)
            .<Input<?>>map(a -> (Input<?>) a)
            .toList();
    this.states =
        arguments.stream()
            .filter(State.class::isInstance)
            .<State<?>>map(a -> (State<?>) a)
            .toList();
    this.callSite = callSite;
    this.outputKey =
        CallbackKeys.outputKey(
            this.outputs.stream()
                .map(
                    o ->
                        new CallbackKeys.OutputRef(
                            o.componentId(), o.property(), o.allowsDuplicate()))
                .toList(),
            multiOutput,
            inputs.stream().map(CallbackSpec::propId).toList(),
            callSite);
  }

  /** The outputs, in declaration order; empty for a callback without outputs. */
  public List<Output<?>> outputs() {
    return outputs;
  }

  /** Whether the callback has no outputs (it works through {@code setProps} or side effects). */
  public boolean noOutput() {
    return outputs.isEmpty();
  }

  /** Whether the function returns one value per output as a list. */
  public boolean multiOutput() {
    return multiOutput;
  }

  /** Inputs and states in the order the function receives them. */
  public List<Argument<?>> arguments() {
    return arguments;
  }

  /** The inputs, in declaration order. */
  public List<Input<?>> inputs() {
    return inputs;
  }

  /** The states, in declaration order. */
  public List<State<?>> states() {
    return states;
  }

  /** Where the callback was declared, {@code Class:line}. */
  public String callSite() {
    return callSite;
  }

  /**
   * The {@code output} key of {@code _dash-dependencies}; a server callback listens at its address.
   */
  public String outputKey() {
    return outputKey;
  }

  /**
   * The callback as its author knows it, for logs: its outputs ({@code out.children}), else its
   * inputs and where it was declared; not its output key, which is a hash for a callback without
   * outputs.
   */
  public String describe() {
    if (!outputs.isEmpty()) {
      return String.join(", ", outputs.stream().map(CallbackSpec::propId).toList());
    }
    String inputIds = String.join(", ", inputs.stream().map(CallbackSpec::propId).toList());
    return (inputIds.isEmpty() ? "without inputs" : "on " + inputIds) + " at " + callSite;
  }

  /**
   * This callback's entry in {@code _dash-dependencies} (protocol §3).
   *
   * @param defaults the app's defaults for callbacks that say nothing
   */
  public final Map<String, Object> dependencyEntry(AppDefaults defaults) {
    var entry = new LinkedHashMap<String, Object>();
    entry.put("output", outputKey);
    entry.put("inputs", inputs.stream().map(CallbackSpec::wireEntry).toList());
    entry.put("state", states.stream().map(CallbackSpec::wireEntry).toList());
    entry.put("clientside_function", null);
    entry.put("prevent_initial_call", false);
    entry.put("background", null);
    entry.put("dynamic_creator", false);
    entry.put("no_output", noOutput());
    entry.put("optional", false);
    entry.put("hidden", false);
    entry.put("websocket", false);
    entry.put("persistent", false);
    describeTo(entry, defaults);
    return entry;
  }

  /** Puts what is particular to this kind of callback into its {@code _dash-dependencies} entry. */
  abstract void describeTo(Map<String, Object> entry, AppDefaults defaults);

  /** The app-wide defaults a callback that says nothing follows. */
  public record AppDefaults(boolean preventInitialCallbacks, boolean websocketCallbacks) {}

  /** {@code "id.prop"} of a dependency. */
  static String propId(Dependency<?> dependency) {
    return CallbackKeys.propId(dependency.componentId(), dependency.property());
  }

  /**
   * A dependency as {@code _dash-dependencies} lists it: {@code {"id", "property"}}, and {@code
   * "allow_optional"} when set. The renderer compares a job's cancel inputs with these entries.
   */
  public static Map<String, Object> wireEntry(Dependency<?> dependency) {
    var json = new LinkedHashMap<String, Object>();
    json.put("id", CallbackKeys.stringifyId(dependency.componentId()));
    json.put("property", dependency.property());
    if (dependency instanceof Argument<?> argument && argument.optional()) {
      json.put("allow_optional", true);
    }
    return json;
  }
}
