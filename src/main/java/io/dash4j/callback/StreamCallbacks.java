package io.dash4j.callback;

import io.dash4j.callback.StreamFn.StreamFn1;
import io.dash4j.callback.StreamFn.StreamFn2;
import io.dash4j.callback.StreamFn.StreamFnN;
import java.util.List;
import java.util.function.Consumer;

/**
 * The registration calls of stream callbacks: callbacks that push updates for as long as they like,
 * over the socket. Two shapes, told apart by whether outputs come first:
 *
 * <ul>
 *   <li><em>event streams</em> (Flash's {@code event_callback} with {@code stream_props}): inputs,
 *       no outputs, and a {@link Stream} that sets props of any component;
 *   <li><em>output streams</em> (Dash 4.5's generator callbacks): an {@link Emitter} whose every
 *       {@code emit} sets the callback's outputs.
 * </ul>
 *
 * <p>One run per page and stream: a new trigger stops the running one first. A run ends when its
 * function returns or throws, when a cancel input changes ({@link StreamOptions#cancelUnless(Input,
 * Object)}), or when its page goes; every end pushes the {@link StreamOptions#resetProps(Object,
 * java.util.Map) resetProps}. Streams are persistent: the page shows no "Updating..." while they
 * run. Over HTTP (a browser without SharedWorker) a stream's pushes travel with its answer when it
 * returns, and an endless one ends at the callback timeout.
 */
public interface StreamCallbacks {
  /** Registers a declared stream; every typed call below ends here. */
  void registerStream(StreamDeclaration stream);

  /** An event stream of one argument. */
  default <A> void streamCallback(Argument<A> a, StreamFn1<? super A, Stream> fn) {
    streamCallback(a, fn, options -> {});
  }

  /** An event stream of one argument, with options. */
  @SuppressWarnings("unchecked")
  default <A> void streamCallback(
      Argument<A> a, StreamFn1<? super A, Stream> fn, Consumer<StreamOptions> options) {
    stream(List.of(), false, List.of(a), (args, s) -> fn.run((A) args.get(0), s), options);
  }

  /** An event stream of two arguments, with options. */
  @SuppressWarnings("unchecked")
  default <A, B> void streamCallback(
      Argument<A> a,
      Argument<B> b,
      StreamFn2<? super A, ? super B, Stream> fn,
      Consumer<StreamOptions> options) {
    stream(
        List.of(),
        false,
        List.of(a, b),
        (args, s) -> fn.run((A) args.get(0), (B) args.get(1), s),
        options);
  }

  /** An event stream of any number of arguments, with options. */
  default void streamCallback(
      List<Argument<?>> arguments, StreamFnN<Stream> fn, Consumer<StreamOptions> options) {
    stream(List.of(), false, arguments, fn::run, options);
  }

  /** An output stream of one argument. */
  default <R, A> void streamCallback(
      Output<R> output, Argument<A> a, StreamFn1<? super A, Emitter<R>> fn) {
    streamCallback(output, a, fn, options -> {});
  }

  /** An output stream of one argument, with options. */
  @SuppressWarnings("unchecked")
  default <R, A> void streamCallback(
      Output<R> output,
      Argument<A> a,
      StreamFn1<? super A, Emitter<R>> fn,
      Consumer<StreamOptions> options) {
    stream(
        List.of(output),
        false,
        List.of(a),
        (args, s) -> fn.run((A) args.get(0), (Emitter<R>) (Emitter<?>) s),
        options);
  }

  /** An output stream of two arguments, with options. */
  @SuppressWarnings("unchecked")
  default <R, A, B> void streamCallback(
      Output<R> output,
      Argument<A> a,
      Argument<B> b,
      StreamFn2<? super A, ? super B, Emitter<R>> fn,
      Consumer<StreamOptions> options) {
    stream(
        List.of(output),
        false,
        List.of(a, b),
        (args, s) -> fn.run((A) args.get(0), (B) args.get(1), (Emitter<R>) (Emitter<?>) s),
        options);
  }

  /**
   * An output stream of several outputs: each emitted value is a list with one value per output
   * ({@link NoUpdate#NO_UPDATE} leaves one as it is).
   */
  @SuppressWarnings("unchecked")
  default void streamCallback(
      Outputs outputs,
      List<Argument<?>> arguments,
      StreamFnN<Emitter<List<?>>> fn,
      Consumer<StreamOptions> options) {
    stream(
        outputs.list(),
        true,
        arguments,
        (args, s) -> fn.run(args, (Emitter<List<?>>) (Emitter<?>) s),
        options);
  }

  /**
   * An output stream of several typed outputs: each emitted value is a {@code Results.of(...)} with
   * one value per output, checked by javac ({@code Update.noUpdate()} leaves one as it is).
   */
  @SuppressWarnings("unchecked")
  default <R extends Results> void streamCallback(
      Outputs.Typed<R> outputs,
      List<Argument<?>> arguments,
      StreamFnN<Emitter<R>> fn,
      Consumer<StreamOptions> options) {
    stream(
        outputs.list(),
        true,
        arguments,
        (args, s) -> fn.run(args, (Emitter<R>) (Emitter<?>) s),
        options);
  }

  private void stream(
      List<Output<?>> outputs,
      boolean multi,
      List<Argument<?>> arguments,
      StreamFnN<Emitter<Object>> fn,
      Consumer<StreamOptions> options) {
    registerStream(
        new StreamDeclaration(outputs, multi, arguments, fn, StreamDeclaration.options(options)));
  }
}
