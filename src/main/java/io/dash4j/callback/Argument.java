package io.dash4j.callback;

import io.dash4j.layout.Prop;

/**
 * A value a callback receives: an {@link Input} (a change triggers the callback) or a {@link State} (read, never
 * triggers). Callback functions get their arguments in the order the arguments were declared.
 *
 * @param <T> the Java type of the value
 */
public abstract sealed class Argument<T> extends Dependency<T> permits Input, State {
  private final boolean optional;

  Argument(Object componentId, Prop<T> prop, boolean many, boolean optional) {
    super(componentId, prop, many);
    this.optional = optional;
    if (hasWildcard(io.dash4j.layout.Wildcard.ALLSMALLER) && !many) {
      throw new IllegalArgumentException("ALLSMALLER matches a list: declare it with all(...)");
    }
  }

  /** Whether the component may be absent from the page (Dash's {@code allow_optional}); its value is then null. */
  public boolean optional() {
    return optional;
  }
}
