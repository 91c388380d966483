package io.dash4j.callback;

import java.util.List;

/**
 * The shapes of a callback without outputs (it acts through {@code setProps} or side effects): one
 * per number of arguments, each allowed to throw.
 */
public final class Effect {
  private Effect() {}

  /** A callback with neither outputs nor arguments. */
  @FunctionalInterface
  public interface Effect0 {
    /** Acts. */
    void run() throws Exception;
  }

  /** A callback without outputs of one argument. */
  @FunctionalInterface
  public interface Effect1<A> {
    /** Acts on the argument. */
    void accept(A a) throws Exception;
  }

  /** A callback without outputs of two arguments. */
  @FunctionalInterface
  public interface Effect2<A, B> {
    /** Acts on the arguments. */
    void accept(A a, B b) throws Exception;
  }

  /** A callback without outputs of three arguments. */
  @FunctionalInterface
  public interface Effect3<A, B, C> {
    /** Acts on the arguments. */
    void accept(A a, B b, C c) throws Exception;
  }

  /**
   * A callback without outputs of any number of arguments, given as a list in declaration order.
   */
  @FunctionalInterface
  public interface EffectN {
    /** Acts on the arguments. */
    void accept(List<Object> arguments) throws Exception;
  }
}
