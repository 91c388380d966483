package io.dash4j.callback;

import io.dash4j.layout.Prop;

/**
 * A callback state: the callback receives this prop's current value, but a change of it triggers nothing.
 *
 * @param <T> the Java type of the value
 */
public final class State<T> extends Argument<T> {
  private State(Object componentId, Prop<T> prop) {
    super(componentId, prop);
  }

  /** The typed prop of the component with this id (a string, or a map for pattern-matching ids). */
  public static <T> State<T> of(Object componentId, Prop<T> prop) {
    return new State<>(componentId, prop);
  }

  /** A prop by its wire name, with its value as plain JSON (string, number, boolean, list, map or null). */
  public static State<Object> of(Object componentId, String property) {
    return new State<>(componentId, Prop.any(property));
  }
}
