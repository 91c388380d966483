package io.dash4j.callback;

import io.dash4j.layout.Prop;
import java.util.List;

/**
 * A callback input: a change of this prop in the page triggers the callback, which receives its
 * value.
 *
 * @param <T> the Java type of the value
 */
public final class Input<T> extends Argument<T> {
  private Input(Object componentId, Prop<T> prop, boolean many, boolean optional) {
    super(componentId, prop, many, optional);
  }

  /**
   * The typed prop of the component with this id (a string, or a map for pattern matching with
   * MATCH).
   */
  public static <T> Input<T> of(Object componentId, Prop<T> prop) {
    return new Input<>(componentId, prop, false, false);
  }

  /**
   * A prop by its wire name, with its value as plain JSON (string, number, boolean, list, map or
   * null).
   */
  public static Input<Object> of(Object componentId, String property) {
    return of(componentId, Prop.any(property));
  }

  /**
   * The prop of every component matching a pattern id with {@code ALL} or {@code ALLSMALLER}: the
   * callback gets a list, in the page's order.
   */
  public static <T> Input<List<T>> all(Object idPattern, Prop<T> prop) {
    return new Input<>(idPattern, Prop.listOf(prop), true, false);
  }

  /** {@link #all(Object, Prop)} by the prop's wire name. */
  public static Input<List<Object>> all(Object idPattern, String property) {
    return all(idPattern, Prop.any(property));
  }

  /**
   * This dependency, allowed to be absent from the page (Dash's {@code allow_optional}): its value
   * is then null.
   */
  public Input<T> allowOptional() {
    return new Input<>(componentId(), prop(), many(), true);
  }
}
