package io.dash4j.callback;

import java.util.List;

/**
 * The shapes of a stream callback's function: one per number of arguments, each given the stream (a
 * {@link Stream} for an event stream, an {@link Emitter} for an output stream) and allowed to
 * throw; {@code InterruptedException} is how a stop reaches a sleeping stream.
 */
public final class StreamFn {
  private StreamFn() {}

  /** A stream of one argument. */
  @FunctionalInterface
  public interface StreamFn1<A, S> {
    /** Runs the stream. */
    void run(A a, S stream) throws Exception;
  }

  /** A stream of two arguments. */
  @FunctionalInterface
  public interface StreamFn2<A, B, S> {
    /** Runs the stream. */
    void run(A a, B b, S stream) throws Exception;
  }

  /** A stream of any number of arguments, given as a list in declaration order. */
  @FunctionalInterface
  public interface StreamFnN<S> {
    /** Runs the stream. */
    void run(List<Object> arguments, S stream) throws Exception;
  }

  /** What a stream does with an exception it threw: it may push a message before the reset. */
  @FunctionalInterface
  public interface StreamErrorHandler {
    /** Handles the error. */
    void handle(Exception error, Stream stream) throws Exception;
  }
}
