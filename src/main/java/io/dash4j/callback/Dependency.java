package io.dash4j.callback;

import io.dash4j.layout.Prop;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One end of a callback: a component id and one of its props. {@link Output}, {@link Input} and {@link State} are
 * the three kinds, named as in Dash.
 *
 * @param <T> the Java type of the prop's value
 */
public abstract sealed class Dependency<T> permits Output, Argument {
  private final Object componentId;
  private final Prop<T> prop;

  Dependency(Object componentId, Prop<T> prop) {
    this.componentId = checkId(componentId);
    this.prop = Objects.requireNonNull(prop, "prop");
  }

  /** The component id: a string, or a map for pattern-matching ids. */
  public Object componentId() {
    return componentId;
  }

  /** The prop. */
  public Prop<T> prop() {
    return prop;
  }

  /** The prop's wire name. */
  public String property() {
    return prop.name();
  }

  private static Object checkId(Object id) {
    Objects.requireNonNull(id, "component id");
    if (id instanceof String text) {
      // Dash forbids these: '.' separates id from prop in every key string, '{' starts a pattern-matching id.
      if (text.isEmpty() || text.contains(".") || text.startsWith("{")) {
        throw new IllegalArgumentException("invalid component id '" + text + "': no dots, no leading '{'");
      }
      return text;
    }
    if (id instanceof Map<?, ?> map && !map.isEmpty()) {
      var sorted = new TreeMap<String, Object>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      return java.util.Collections.unmodifiableMap(sorted);
    }
    throw new IllegalArgumentException("a component id is a string or a non-empty map, not " + id);
  }

  @Override
  public boolean equals(Object o) {
    return o != null && o.getClass() == getClass()
        && ((Dependency<?>) o).componentId.equals(componentId) && ((Dependency<?>) o).prop.equals(prop);
  }

  @Override
  public int hashCode() {
    return componentId.hashCode() * 31 + prop.hashCode();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + componentId + ", " + prop.name() + ")";
  }
}
