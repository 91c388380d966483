package io.dash4j.callback;

import io.dash4j.callback.Fn.FnN;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One server callback as declared: what it sets, what it reads, the function and its frozen
 * options. The typed calls of {@link Callbacks} make these; an app may also build one by hand and
 * {@link Callbacks#register register} it.
 *
 * @param outputs the outputs; empty for a callback without outputs
 * @param multiOutput whether the function returns a list with one value per output
 * @param arguments inputs and states in the order the function receives their values
 * @param function the function, given the decoded argument values; it may return {@link Update}s
 *     and {@link Results}
 * @param options the options, frozen
 */
public record CallbackDeclaration(
    List<Output<?>> outputs,
    boolean multiOutput,
    List<Argument<?>> arguments,
    FnN<?> function,
    CallbackOptions options) {

  /**
   * Copies the lists and freezes the options. The function is wrapped so the runtime gets plain
   * values: an {@link Update} becomes its value, {@link NoUpdate#NO_UPDATE} or its patch, and
   * {@link Results} the list of one value per output (for hand-built declarations too).
   */
  public CallbackDeclaration {
    outputs = List.copyOf(outputs);
    arguments = List.copyOf(arguments);
    FnN<?> given = Objects.requireNonNull(function, "function");
    function =
        multiOutput
            ? args -> Wire.multi(given.apply(args))
            : args -> Wire.single(given.apply(args));
    options = Objects.requireNonNull(options, "options").freeze();
  }

  /** Options filled in by {@code configure}, then frozen. */
  public static CallbackOptions options(Consumer<CallbackOptions> configure) {
    var options = new CallbackOptions();
    configure.accept(options);
    return options.freeze();
  }
}
