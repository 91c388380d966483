package io.dash4j.callback;

import io.dash4j.callback.Fn.ErrorHandler;
import io.dash4j.callback.Fn.FnN;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One registered server-side callback: what it reads, what it sets, the function, and its options. Returned by
 * {@code DashApp.callback(...)} so options read as a sentence:
 * {@code app.callback(...).preventInitialCall(true)}.
 */
public final class Callback {
  /** A prop flipped while the callback runs (Dash's {@code running=[(Output, on, off)]}). */
  public record Running(Output<?> output, Object whileRunning, Object afterwards) {}

  private final List<Output<?>> outputs;
  private final boolean multiOutput;
  private final List<Argument<?>> arguments;
  private final List<Input<?>> inputs;
  private final List<State<?>> states;
  private final FnN<?> function;
  private final String callSite;
  private Boolean preventInitialCall; // null: the app's default
  private boolean initialDuplicate;
  private boolean hidden;
  private final List<Running> running = new ArrayList<>();
  private ErrorHandler onError;
  private String apiEndpoint;
  private List<String> apiNames;
  private boolean allowDynamicCallbacks;
  private boolean websocket;
  private boolean persistent;

  /**
   * Declares a callback; {@code DashApp.callback(...)} is the friendly way to make one.
   *
   * @param outputs the outputs; empty for a callback without outputs
   * @param multiOutput whether the function returns a list with one value per output
   * @param arguments inputs and states in the order the function receives their values
   * @param function the function, given the decoded argument values
   * @param callSite where the callback was declared ({@code Class:line}): names a callback with neither outputs nor
   *     inputs, as Dash uses the decorator's file and line
   */
  public Callback(List<Output<?>> outputs, boolean multiOutput, List<Argument<?>> arguments, FnN<?> function,
      String callSite) {
    this.outputs = List.copyOf(outputs);
    this.multiOutput = multiOutput;
    this.arguments = List.copyOf(arguments);
    this.inputs = Argument.inputsOf(this.arguments); // read for every request: worked out once
    this.states = Argument.statesOf(this.arguments);
    this.function = Objects.requireNonNull(function, "function");
    this.callSite = Objects.requireNonNull(callSite, "callSite");
  }

  /** Skips the call Dash makes when the page loads (Dash's {@code prevent_initial_call}). */
  public Callback preventInitialCall(boolean prevent) {
    this.preventInitialCall = prevent;
    return this;
  }

  /**
   * Dash's {@code prevent_initial_call="initial_duplicate"}: the callback runs on page load although one of its
   * outputs allows duplicates.
   */
  public Callback initialDuplicate() {
    this.initialDuplicate = true;
    this.preventInitialCall = false;
    return this;
  }

  /** Hides the callback from the dev tools' callback graph (Dash's {@code hidden}). */
  public Callback hidden(boolean hidden) {
    this.hidden = hidden;
    return this;
  }

  /**
   * Sets {@code output} to {@code whileRunning} when the callback starts and to {@code afterwards} when it ends; for
   * an {@code Output.all(...)} each matched component gets the value, as in Dash.
   */
  public Callback running(Output<?> output, Object whileRunning, Object afterwards) {
    running.add(new Running(output, whileRunning, afterwards));
    return this;
  }

  /** Handles this callback's exceptions; its return value replaces the callback's. */
  public Callback onError(ErrorHandler handler) {
    this.onError = handler;
    return this;
  }

  /**
   * Also serves this callback as a plain JSON API (Dash's {@code api_endpoint}): {@code POST <prefix><path>} with a
   * JSON object of argument values answers the JSON of what the callback returns (a list for several outputs). The
   * body's keys are the arguments' prop names ({@code {"n_clicks": 3}}), or {@code names} in argument order.
   */
  public Callback apiEndpoint(String path, String... names) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("an api endpoint path starts with '/': " + path);
    }
    if (names.length != 0 && names.length != arguments.size()) {
      throw new IllegalArgumentException("give one name per argument (" + arguments.size() + "), or none");
    }
    if (arguments.stream().anyMatch(Dependency::isPattern) || outputs.stream().anyMatch(Dependency::isPattern)) {
      throw new IllegalArgumentException("a pattern-matching callback cannot be an api endpoint");
    }
    this.apiEndpoint = path;
    this.apiNames = names.length > 0 ? List.of(names) : defaultApiNames();
    if (new java.util.HashSet<>(apiNames).size() != apiNames.size()) {
      throw new IllegalArgumentException("api argument names must differ: " + apiNames + "; name them explicitly");
    }
    return this;
  }

  private List<String> defaultApiNames() {
    return arguments.stream().map(Dependency::property).toList();
  }

  /** The api endpoint path, or null. */
  public String apiEndpoint() {
    return apiEndpoint;
  }

  /** The JSON keys of the api endpoint's arguments, in argument order. */
  public List<String> apiNames() {
    return apiNames == null ? List.of() : apiNames;
  }

  /**
   * Lets this callback register new callbacks while it runs (Dash's {@code _allow_dynamic_callbacks}); the renderer
   * fetches the callbacks again after it. Callbacks made so exist on the node that ran it only.
   */
  public Callback allowDynamicCallbacks() {
    this.allowDynamicCallbacks = true;
    return this;
  }

  /** Whether this callback may register callbacks while it runs. */
  public boolean allowsDynamicCallbacks() {
    return allowDynamicCallbacks;
  }

  /**
   * Runs this callback over the socket door when the browser can (Dash's {@code websocket=True}): its
   * {@code setProps} reach the page at once and it can {@code getProps}. Browsers without a SharedWorker still call
   * it over HTTP, so it must work there too.
   */
  public Callback websocket(boolean websocket) {
    this.websocket = websocket;
    return this;
  }

  /** Whether this callback itself asked for the socket. */
  public boolean isWebsocket() {
    return websocket;
  }

  /** Whether this callback runs over the socket, given the app's {@code websocketCallbacks} default. */
  public boolean usesWebsocket(boolean appDefault) {
    return websocket || appDefault;
  }

  /**
   * Marks a long-lived callback (Dash's {@code persistent=True}): the page shows no "Updating..." title and no
   * loading state while it runs. A callback with neither inputs nor outputs is started by every page once its socket
   * connects, and again after each reconnect: the home of an endless stream that checks
   * {@code CallbackContext.isShutdown()}.
   */
  public Callback persistent(boolean persistent) {
    this.persistent = persistent;
    return this;
  }

  /** Whether this callback is persistent. */
  public boolean isPersistent() {
    return persistent;
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

  /** Whether Dash's initial call on page load is skipped, given the app's default for callbacks that say nothing. */
  public boolean preventsInitialCall(boolean appDefault) {
    return preventInitialCall == null ? appDefault : preventInitialCall;
  }

  /** Whether the callback runs on page load despite a duplicate-allowing output. */
  public boolean isInitialDuplicate() {
    return initialDuplicate;
  }

  /** Whether the callback is hidden from the dev tools. */
  public boolean isHidden() {
    return hidden;
  }

  /** The props flipped while the callback runs. */
  public List<Running> running() {
    return List.copyOf(running);
  }

  /** This callback's own error handler, or null. */
  public ErrorHandler errorHandler() {
    return onError;
  }

  /**
   * Checks what Dash checks when a callback is declared; called when the app starts serving, with the app's
   * {@code preventInitialCallbacks} default.
   */
  public void validate(boolean preventByDefault) {
    if (outputs.stream().anyMatch(Output::allowsDuplicate) && !preventsInitialCall(preventByDefault)
        && !initialDuplicate) {
      throw new IllegalStateException("an output with allowDuplicate() needs preventInitialCall(true) or "
          + "initialDuplicate() on its callback: " + outputs);
    }
    for (Argument<?> argument : arguments) {
      if (argument.hasWildcard(io.dash4j.layout.Wildcard.ALLSMALLER)
          && outputs.stream().noneMatch(o -> o.hasWildcard(io.dash4j.layout.Wildcard.MATCH))) {
        throw new IllegalStateException("ALLSMALLER needs an Output with MATCH: " + argument);
      }
    }
  }

  /**
   * Turns the browser's JSON values, given in the order of {@link #inputs()} then {@link #states()} as on the wire,
   * into the typed values the function takes, in declaration order.
   *
   * @throws IllegalArgumentException when a value has the wrong type or the count is wrong
   */
  public List<Object> decode(List<Object> inputValues, List<Object> stateValues) {
    var inputs = inputs();
    var states = states();
    if (inputValues.size() != inputs.size() || stateValues.size() != states.size()) {
      throw new IllegalArgumentException("expected " + inputs.size() + " inputs and " + states.size() + " states");
    }
    var decoded = new ArrayList<Object>(arguments.size());
    int nextInput = 0;
    int nextState = 0;
    for (var argument : arguments) {
      decoded.add(argument instanceof Input<?> input
          ? input.prop().decode(inputValues.get(nextInput++))
          : argument.prop().decode(stateValues.get(nextState++)));
    }
    return decoded;
  }

  /** Runs the function on decoded values (from {@link #decode}). */
  public Object apply(List<Object> decodedArguments) throws Exception {
    return function.apply(decodedArguments);
  }
}
