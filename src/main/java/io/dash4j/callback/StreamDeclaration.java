package io.dash4j.callback;

import io.dash4j.callback.StreamFn.StreamFnN;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One stream callback as declared; the typed {@code streamCallback} calls of {@link Callbacks} make
 * these.
 *
 * @param outputs the outputs an {@link Emitter} sets; empty for an event stream
 * @param multiOutput whether each emitted value is a list with one value per output
 * @param arguments inputs and states in the order the function receives their values
 * @param function the stream, given the argument values and its emitter; wrapped so the runtime
 *     gets plain values ({@link Update}s unwrapped, as for callbacks)
 * @param options the options, frozen
 */
public record StreamDeclaration(
    List<Output<?>> outputs,
    boolean multiOutput,
    List<Argument<?>> arguments,
    StreamFnN<Emitter<Object>> function,
    StreamOptions options) {

  /** Copies the lists, checks the outputs and freezes the options. */
  public StreamDeclaration {
    outputs = List.copyOf(outputs);
    arguments = List.copyOf(arguments);
    StreamFnN<Emitter<Object>> given = Objects.requireNonNull(function, "function");
    boolean multi = multiOutput;
    function = (args, emitter) -> given.run(args, new WireEmitter(emitter, multi));
    options = Objects.requireNonNull(options, "options").freeze();
    for (Output<?> output : outputs) {
      if (output.isPattern()) {
        throw new IllegalArgumentException(
            "an output stream sets outputs with plain ids; " + output + " is a pattern");
      }
    }
  }

  /** Options filled in by {@code configure}, then frozen. */
  public static StreamOptions options(Consumer<StreamOptions> configure) {
    var options = new StreamOptions();
    configure.accept(options);
    return options.freeze();
  }
}
