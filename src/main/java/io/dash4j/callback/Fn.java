package io.dash4j.callback;

import java.util.List;

/**
 * The function shapes a callback can have: one per number of arguments, each allowed to throw, so
 * user code needs no try/catch for checked exceptions (an exception becomes the callback's error).
 */
public final class Fn {
  private Fn() {}

  /** A callback function of one argument. */
  @FunctionalInterface
  public interface Fn1<A, R> {
    /** Computes the output value(s). */
    R apply(A a) throws Exception;
  }

  /** A callback function of two arguments. */
  @FunctionalInterface
  public interface Fn2<A, B, R> {
    /** Computes the output value(s). */
    R apply(A a, B b) throws Exception;
  }

  /** A callback function of three arguments. */
  @FunctionalInterface
  public interface Fn3<A, B, C, R> {
    /** Computes the output value(s). */
    R apply(A a, B b, C c) throws Exception;
  }

  /** A callback function of four arguments. */
  @FunctionalInterface
  public interface Fn4<A, B, C, D, R> {
    /** Computes the output value(s). */
    R apply(A a, B b, C c, D d) throws Exception;
  }

  /** A callback function of any number of arguments, given as a list in declaration order. */
  @FunctionalInterface
  public interface FnN<R> {
    /** Computes the output value(s). */
    R apply(List<Object> arguments) throws Exception;
  }

  /**
   * Handles a callback's exception: its return value replaces the callback's (null leaves every
   * output as is).
   */
  @FunctionalInterface
  public interface ErrorHandler {
    /** Handles the error; may call {@code CallbackContext.current().setProps(...)}. */
    Object handle(Exception error) throws Exception;
  }
}
