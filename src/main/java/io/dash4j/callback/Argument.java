package io.dash4j.callback;

import io.dash4j.layout.Prop;
import io.dash4j.layout.Wildcard;
import java.util.List;

/**
 * A value a callback receives: an {@link Input} (a change triggers the callback) or a {@link State}
 * (read, never triggers). Callback functions get their arguments in the order the arguments were
 * declared.
 *
 * @param <T> the Java type of the value
 */
public abstract sealed class Argument<T> extends Dependency<T> permits Input, State {
  private final boolean optional;

  Argument(Object componentId, Prop<T> prop, boolean many, boolean optional) {
    super(componentId, prop, many);
    this.optional = optional;
    if (hasWildcard(Wildcard.ALLSMALLER) && !many) {
      throw new IllegalArgumentException("ALLSMALLER matches a list: declare it with all(...)");
    }
  }

  /** The inputs among these arguments, in order. */
  public static List<Input<?>> inputsOf(List<Argument<?>> arguments) {
    return arguments.stream()
        .filter(a -> a instanceof Input<?>)
        .<Input<?>>map(a -> (Input<?>) a)
        .toList();
  }

  /** The states among these arguments, in order. */
  public static List<State<?>> statesOf(List<Argument<?>> arguments) {
    return arguments.stream()
        .filter(a -> a instanceof State<?>)
        .<State<?>>map(a -> (State<?>) a)
        .toList();
  }

  /**
   * Whether the component may be absent from the page (Dash's {@code allow_optional}); its value is
   * then null.
   */
  public boolean optional() {
    return optional;
  }
}
