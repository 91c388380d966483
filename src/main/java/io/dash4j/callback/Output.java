package io.dash4j.callback;

import io.dash4j.layout.Prop;

/**
 * A prop a callback sets. The callback's return value becomes the prop's new value in the page.
 *
 * @param <T> the Java type the callback returns for this prop
 */
public final class Output<T> extends Dependency<T> {
  private Output(Object componentId, Prop<T> prop) {
    super(componentId, prop);
  }

  /** The typed prop of the component with this id. */
  public static <T> Output<T> of(Object componentId, Prop<T> prop) {
    return new Output<>(componentId, prop);
  }

  /** A prop by its wire name; the callback may return any JSON-able value or component for it. */
  public static Output<Object> of(Object componentId, String property) {
    return new Output<>(componentId, Prop.any(property));
  }
}
