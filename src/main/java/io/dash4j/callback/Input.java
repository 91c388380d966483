package io.dash4j.callback;

import io.dash4j.layout.Prop;

/**
 * A callback input: a change of this prop in the page triggers the callback, which receives its value.
 *
 * @param <T> the Java type of the value
 */
public final class Input<T> extends Argument<T> {
  private Input(Object componentId, Prop<T> prop) {
    super(componentId, prop);
  }

  /** The typed prop of the component with this id (a string, or a map for pattern-matching ids). */
  public static <T> Input<T> of(Object componentId, Prop<T> prop) {
    return new Input<>(componentId, prop);
  }

  /** A prop by its wire name, with its value as plain JSON (string, number, boolean, list, map or null). */
  public static Input<Object> of(Object componentId, String property) {
    return new Input<>(componentId, Prop.any(property));
  }
}
