package io.dash4j.callback;

import io.dash4j.callback.Effect.Effect0;
import io.dash4j.callback.Effect.Effect1;
import io.dash4j.callback.Effect.Effect2;
import io.dash4j.callback.Effect.Effect3;
import io.dash4j.callback.Effect.EffectN;
import io.dash4j.callback.Fn.Fn1;
import io.dash4j.callback.Fn.Fn2;
import io.dash4j.callback.Fn.Fn3;
import io.dash4j.callback.Fn.Fn4;
import io.dash4j.callback.Fn.FnN;
import java.util.List;
import java.util.function.Consumer;

/**
 * The registration calls of an app (Dash's {@code @app.callback}): typed by the {@code
 * Output}/{@code Input}/ {@code State} props, so javac checks the function's argument and return
 * types. Every call takes its options as an optional last argument, {@code options ->
 * options.preventInitialCall(true)}, and they are frozen when it returns.
 *
 * <p>Callback functions get their arguments in declaration order and run off the event loop, so
 * they may block, unless declared {@code nonBlocking} ({@link CallbackOptions#nonBlocking()}).
 */
public interface Callbacks {
  /** Registers a declared callback; every typed call below ends here. */
  void register(CallbackDeclaration callback);

  /**
   * A callback that runs in the browser, given its outputs, inputs and states (outputs first, then
   * arguments, as Dash's {@code clientside_callback}); several outputs make the function return an
   * array.
   */
  void clientsideCallback(ClientsideCallback callback, Dependency<?>... dependencies);

  /** A clientside callback of inline JavaScript: the source of one function. */
  default void clientsideCallback(String javascript, Dependency<?>... dependencies) {
    clientsideCallback(ClientsideCallback.inline(javascript), dependencies);
  }

  /**
   * A clientside callback calling {@code window.dash_clientside[namespace][name]}, e.g. from {@code
   * assets/}.
   */
  default void clientsideCallback(
      ClientsideCallback.Function function, Dependency<?>... dependencies) {
    clientsideCallback(ClientsideCallback.of(function), dependencies);
  }

  /** A callback of one argument setting one output. */
  default <R, A> void callback(Output<R> output, Argument<A> a, Fn1<? super A, ? extends R> fn) {
    callback(output, a, fn, options -> {});
  }

  /** A callback of one argument setting one output, with options. */
  @SuppressWarnings("unchecked")
  default <R, A> void callback(
      Output<R> output,
      Argument<A> a,
      Fn1<? super A, ? extends R> fn,
      Consumer<CallbackOptions> options) {
    single(output, List.of(a), args -> fn.apply((A) args.get(0)), options);
  }

  /** A callback of two arguments setting one output. */
  default <R, A, B> void callback(
      Output<R> output, Argument<A> a, Argument<B> b, Fn2<? super A, ? super B, ? extends R> fn) {
    callback(output, a, b, fn, options -> {});
  }

  /** A callback of two arguments setting one output, with options. */
  @SuppressWarnings("unchecked")
  default <R, A, B> void callback(
      Output<R> output,
      Argument<A> a,
      Argument<B> b,
      Fn2<? super A, ? super B, ? extends R> fn,
      Consumer<CallbackOptions> options) {
    single(output, List.of(a, b), args -> fn.apply((A) args.get(0), (B) args.get(1)), options);
  }

  /** A callback of three arguments setting one output. */
  default <R, A, B, C> void callback(
      Output<R> output,
      Argument<A> a,
      Argument<B> b,
      Argument<C> c,
      Fn3<? super A, ? super B, ? super C, ? extends R> fn) {
    callback(output, a, b, c, fn, options -> {});
  }

  /** A callback of three arguments setting one output, with options. */
  @SuppressWarnings("unchecked")
  default <R, A, B, C> void callback(
      Output<R> output,
      Argument<A> a,
      Argument<B> b,
      Argument<C> c,
      Fn3<? super A, ? super B, ? super C, ? extends R> fn,
      Consumer<CallbackOptions> options) {
    single(
        output,
        List.of(a, b, c),
        args -> fn.apply((A) args.get(0), (B) args.get(1), (C) args.get(2)),
        options);
  }

  /** A callback of four arguments setting one output. */
  default <R, A, B, C, D> void callback(
      Output<R> output,
      Argument<A> a,
      Argument<B> b,
      Argument<C> c,
      Argument<D> d,
      Fn4<? super A, ? super B, ? super C, ? super D, ? extends R> fn) {
    callback(output, a, b, c, d, fn, options -> {});
  }

  /** A callback of four arguments setting one output, with options. */
  @SuppressWarnings("unchecked")
  default <R, A, B, C, D> void callback(
      Output<R> output,
      Argument<A> a,
      Argument<B> b,
      Argument<C> c,
      Argument<D> d,
      Fn4<? super A, ? super B, ? super C, ? super D, ? extends R> fn,
      Consumer<CallbackOptions> options) {
    single(
        output,
        List.of(a, b, c, d),
        args -> fn.apply((A) args.get(0), (B) args.get(1), (C) args.get(2), (D) args.get(3)),
        options);
  }

  /** A callback of any number of arguments (values in declaration order) setting one output. */
  default <R> void callback(Output<R> output, List<Argument<?>> arguments, FnN<? extends R> fn) {
    callback(output, arguments, fn, options -> {});
  }

  /** A callback of any number of arguments setting one output, with options. */
  default <R> void callback(
      Output<R> output,
      List<Argument<?>> arguments,
      FnN<? extends R> fn,
      Consumer<CallbackOptions> options) {
    single(output, arguments, fn, options);
  }

  /**
   * A multi-output callback of one argument, its outputs untyped ({@code
   * Outputs.of(List.of(...))}): it returns a list, one value per output ({@code
   * Outputs.values(...)}).
   */
  default <A> void callback(Outputs outputs, Argument<A> a, Fn1<? super A, ? extends List<?>> fn) {
    callback(outputs, a, fn, options -> {});
  }

  /** An untyped multi-output callback of one argument, with options. */
  @SuppressWarnings("unchecked")
  default <A> void callback(
      Outputs outputs,
      Argument<A> a,
      Fn1<? super A, ? extends List<?>> fn,
      Consumer<CallbackOptions> options) {
    multi(outputs, List.of(a), args -> fn.apply((A) args.get(0)), options);
  }

  /** An untyped multi-output callback of two arguments; it returns a list, one value per output. */
  default <A, B> void callback(
      Outputs outputs,
      Argument<A> a,
      Argument<B> b,
      Fn2<? super A, ? super B, ? extends List<?>> fn) {
    callback(outputs, a, b, fn, options -> {});
  }

  /** An untyped multi-output callback of two arguments, with options. */
  @SuppressWarnings("unchecked")
  default <A, B> void callback(
      Outputs outputs,
      Argument<A> a,
      Argument<B> b,
      Fn2<? super A, ? super B, ? extends List<?>> fn,
      Consumer<CallbackOptions> options) {
    multi(outputs, List.of(a, b), args -> fn.apply((A) args.get(0), (B) args.get(1)), options);
  }

  /**
   * An untyped multi-output callback of three arguments; it returns a list, one value per output.
   */
  default <A, B, C> void callback(
      Outputs outputs,
      Argument<A> a,
      Argument<B> b,
      Argument<C> c,
      Fn3<? super A, ? super B, ? super C, ? extends List<?>> fn) {
    callback(outputs, a, b, c, fn, options -> {});
  }

  /** An untyped multi-output callback of three arguments, with options. */
  @SuppressWarnings("unchecked")
  default <A, B, C> void callback(
      Outputs outputs,
      Argument<A> a,
      Argument<B> b,
      Argument<C> c,
      Fn3<? super A, ? super B, ? super C, ? extends List<?>> fn,
      Consumer<CallbackOptions> options) {
    multi(
        outputs,
        List.of(a, b, c),
        args -> fn.apply((A) args.get(0), (B) args.get(1), (C) args.get(2)),
        options);
  }

  /**
   * An untyped multi-output callback of any number of arguments; it returns a list, one value per
   * output.
   */
  default void callback(Outputs outputs, List<Argument<?>> arguments, FnN<? extends List<?>> fn) {
    callback(outputs, arguments, fn, options -> {});
  }

  /** An untyped multi-output callback of any number of arguments, with options. */
  default void callback(
      Outputs outputs,
      List<Argument<?>> arguments,
      FnN<? extends List<?>> fn,
      Consumer<CallbackOptions> options) {
    multi(outputs, arguments, fn, options);
  }

  /**
   * A multi-output callback of one argument, its outputs typed each ({@code Outputs.of(a, b)}): it
   * returns {@code Results.of(...)}, one value per output.
   */
  default <R extends Results, A> void callback(
      Outputs.Typed<R> outputs, Argument<A> a, Fn1<? super A, ? extends R> fn) {
    callback(outputs, a, fn, options -> {});
  }

  /** A typed multi-output callback of one argument, with options. */
  @SuppressWarnings("unchecked")
  default <R extends Results, A> void callback(
      Outputs.Typed<R> outputs,
      Argument<A> a,
      Fn1<? super A, ? extends R> fn,
      Consumer<CallbackOptions> options) {
    typedMulti(outputs, List.of(a), args -> fn.apply((A) args.get(0)), options);
  }

  /** A typed multi-output callback of two arguments; it returns {@code Results.of(...)}. */
  default <R extends Results, A, B> void callback(
      Outputs.Typed<R> outputs,
      Argument<A> a,
      Argument<B> b,
      Fn2<? super A, ? super B, ? extends R> fn) {
    callback(outputs, a, b, fn, options -> {});
  }

  /** A typed multi-output callback of two arguments, with options. */
  @SuppressWarnings("unchecked")
  default <R extends Results, A, B> void callback(
      Outputs.Typed<R> outputs,
      Argument<A> a,
      Argument<B> b,
      Fn2<? super A, ? super B, ? extends R> fn,
      Consumer<CallbackOptions> options) {
    typedMulti(outputs, List.of(a, b), args -> fn.apply((A) args.get(0), (B) args.get(1)), options);
  }

  /** A typed multi-output callback of three arguments; it returns {@code Results.of(...)}. */
  default <R extends Results, A, B, C> void callback(
      Outputs.Typed<R> outputs,
      Argument<A> a,
      Argument<B> b,
      Argument<C> c,
      Fn3<? super A, ? super B, ? super C, ? extends R> fn) {
    callback(outputs, a, b, c, fn, options -> {});
  }

  /** A typed multi-output callback of three arguments, with options. */
  @SuppressWarnings("unchecked")
  default <R extends Results, A, B, C> void callback(
      Outputs.Typed<R> outputs,
      Argument<A> a,
      Argument<B> b,
      Argument<C> c,
      Fn3<? super A, ? super B, ? super C, ? extends R> fn,
      Consumer<CallbackOptions> options) {
    typedMulti(
        outputs,
        List.of(a, b, c),
        args -> fn.apply((A) args.get(0), (B) args.get(1), (C) args.get(2)),
        options);
  }

  /** A typed multi-output callback of four arguments; it returns {@code Results.of(...)}. */
  default <R extends Results, A, B, C, D> void callback(
      Outputs.Typed<R> outputs,
      Argument<A> a,
      Argument<B> b,
      Argument<C> c,
      Argument<D> d,
      Fn4<? super A, ? super B, ? super C, ? super D, ? extends R> fn) {
    callback(outputs, a, b, c, d, fn, options -> {});
  }

  /** A typed multi-output callback of four arguments, with options. */
  @SuppressWarnings("unchecked")
  default <R extends Results, A, B, C, D> void callback(
      Outputs.Typed<R> outputs,
      Argument<A> a,
      Argument<B> b,
      Argument<C> c,
      Argument<D> d,
      Fn4<? super A, ? super B, ? super C, ? super D, ? extends R> fn,
      Consumer<CallbackOptions> options) {
    typedMulti(
        outputs,
        List.of(a, b, c, d),
        args -> fn.apply((A) args.get(0), (B) args.get(1), (C) args.get(2), (D) args.get(3)),
        options);
  }

  /** A typed multi-output callback of any number of arguments (values in declaration order). */
  default <R extends Results> void callback(
      Outputs.Typed<R> outputs, List<Argument<?>> arguments, FnN<? extends R> fn) {
    callback(outputs, arguments, fn, options -> {});
  }

  /** A typed multi-output callback of any number of arguments, with options. */
  default <R extends Results> void callback(
      Outputs.Typed<R> outputs,
      List<Argument<?>> arguments,
      FnN<? extends R> fn,
      Consumer<CallbackOptions> options) {
    typedMulti(outputs, arguments, fn, options);
  }

  /**
   * A callback without outputs of one argument: it acts through {@code setProps} or side effects.
   */
  default <A> void callbackWithoutOutput(Argument<A> a, Effect1<? super A> fn) {
    callbackWithoutOutput(a, fn, options -> {});
  }

  /** A callback without outputs of one argument, with options. */
  @SuppressWarnings("unchecked")
  default <A> void callbackWithoutOutput(
      Argument<A> a, Effect1<? super A> fn, Consumer<CallbackOptions> options) {
    withoutOutput(List.of(a), args -> fn.accept((A) args.get(0)), options);
  }

  /** A callback without outputs of two arguments. */
  default <A, B> void callbackWithoutOutput(
      Argument<A> a, Argument<B> b, Effect2<? super A, ? super B> fn) {
    callbackWithoutOutput(a, b, fn, options -> {});
  }

  /** A callback without outputs of two arguments, with options. */
  @SuppressWarnings("unchecked")
  default <A, B> void callbackWithoutOutput(
      Argument<A> a,
      Argument<B> b,
      Effect2<? super A, ? super B> fn,
      Consumer<CallbackOptions> options) {
    withoutOutput(List.of(a, b), args -> fn.accept((A) args.get(0), (B) args.get(1)), options);
  }

  /** A callback without outputs of three arguments. */
  default <A, B, C> void callbackWithoutOutput(
      Argument<A> a, Argument<B> b, Argument<C> c, Effect3<? super A, ? super B, ? super C> fn) {
    callbackWithoutOutput(a, b, c, fn, options -> {});
  }

  /** A callback without outputs of three arguments, with options. */
  @SuppressWarnings("unchecked")
  default <A, B, C> void callbackWithoutOutput(
      Argument<A> a,
      Argument<B> b,
      Argument<C> c,
      Effect3<? super A, ? super B, ? super C> fn,
      Consumer<CallbackOptions> options) {
    withoutOutput(
        List.of(a, b, c),
        args -> fn.accept((A) args.get(0), (B) args.get(1), (C) args.get(2)),
        options);
  }

  /**
   * A callback without outputs of any number of arguments; with no arguments at all it runs once
   * per page load (Dash calls a callback that has neither outputs nor inputs when the page starts).
   */
  default void callbackWithoutOutput(List<Argument<?>> arguments, EffectN fn) {
    callbackWithoutOutput(arguments, fn, options -> {});
  }

  /** A callback without outputs of any number of arguments, with options. */
  default void callbackWithoutOutput(
      List<Argument<?>> arguments, EffectN fn, Consumer<CallbackOptions> options) {
    withoutOutput(arguments, fn, options);
  }

  /**
   * A callback that starts on every page once its socket connects, and again after each reconnect,
   * with no inputs and no outputs: a stream that pushes with {@code setProps} until {@code
   * CallbackContext.isShutdown()}. Runs over the socket and is persistent (no loading state); over
   * HTTP (no SharedWorker) it runs once per page load.
   *
   * <pre>{@code
   * app.persistentCallback(() -> {
   *   var ctx = CallbackContext.current();
   *   for (int i = 0; !ctx.isShutdown(); i++) {
   *     ctx.setProps("clock", Map.of("children", "tick " + i));
   *     Thread.sleep(1000);
   *   }
   * });
   * }</pre>
   */
  default void persistentCallback(Effect0 fn) {
    withoutOutput(List.of(), args -> fn.run(), options -> options.websocket(true).persistent(true));
  }

  private void withoutOutput(
      List<Argument<?>> arguments, EffectN fn, Consumer<CallbackOptions> options) {
    register(
        new CallbackDeclaration(
            List.of(),
            false,
            arguments,
            args -> {
              fn.accept(args);
              return null;
            },
            CallbackDeclaration.options(options)));
  }

  private void single(
      Output<?> output, List<Argument<?>> arguments, FnN<?> fn, Consumer<CallbackOptions> options) {
    register(
        new CallbackDeclaration(
            List.of(output), false, arguments, fn, CallbackDeclaration.options(options)));
  }

  private void multi(
      Outputs outputs, List<Argument<?>> arguments, FnN<?> fn, Consumer<CallbackOptions> options) {
    register(
        new CallbackDeclaration(
            outputs.list(), true, arguments, fn, CallbackDeclaration.options(options)));
  }

  private void typedMulti(
      Outputs.Typed<?> outputs,
      List<Argument<?>> arguments,
      FnN<?> fn,
      Consumer<CallbackOptions> options) {
    register(
        new CallbackDeclaration(
            outputs.list(), true, arguments, fn, CallbackDeclaration.options(options)));
  }
}
