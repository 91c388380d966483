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
  private final List<Output<?>> outputs;
  private final boolean multiOutput;
  private final List<Argument<?>> arguments;
  private final FnN<?> function;
  private boolean preventInitialCall;
  private ErrorHandler onError;

  /**
   * Declares a callback; {@code DashApp.callback(...)} is the friendly way to make one.
   *
   * @param outputs the outputs
   * @param multiOutput whether the function returns a list with one value per output
   * @param arguments inputs and states in the order the function receives their values
   * @param function the function, given the decoded argument values
   */
  public Callback(List<Output<?>> outputs, boolean multiOutput, List<Argument<?>> arguments, FnN<?> function) {
    this.outputs = List.copyOf(outputs);
    this.multiOutput = multiOutput;
    this.arguments = List.copyOf(arguments);
    this.function = Objects.requireNonNull(function, "function");
    if (this.outputs.isEmpty()) {
      throw new IllegalArgumentException("a callback needs at least one Output");
    }
    if (inputs().isEmpty()) {
      throw new IllegalArgumentException("a callback needs at least one Input");
    }
  }

  /** Skips the call Dash makes when the page loads (Dash's {@code prevent_initial_call}). */
  public Callback preventInitialCall(boolean prevent) {
    this.preventInitialCall = prevent;
    return this;
  }

  /** Handles this callback's exceptions; its return value replaces the callback's. */
  public Callback onError(ErrorHandler handler) {
    this.onError = handler;
    return this;
  }

  /** The outputs, in declaration order. */
  public List<Output<?>> outputs() {
    return outputs;
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
    return arguments.stream().filter(a -> a instanceof Input<?>).<Input<?>>map(a -> (Input<?>) a).toList();
  }

  /** The states, in declaration order. */
  public List<State<?>> states() {
    return arguments.stream().filter(a -> a instanceof State<?>).<State<?>>map(a -> (State<?>) a).toList();
  }

  /** Whether Dash's initial call on page load is skipped. */
  public boolean preventsInitialCall() {
    return preventInitialCall;
  }

  /** This callback's own error handler, or null. */
  public ErrorHandler errorHandler() {
    return onError;
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
