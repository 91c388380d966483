package io.dash4j.callback;

import io.dash4j.layout.Prop;

/**
 * A value a callback receives: an {@link Input} (a change triggers the callback) or a {@link State} (read, never
 * triggers). Callback functions get their arguments in the order the arguments were declared.
 *
 * @param <T> the Java type of the value
 */
public abstract sealed class Argument<T> extends Dependency<T> permits Input, State {
  Argument(Object componentId, Prop<T> prop) {
    super(componentId, prop);
  }
}
