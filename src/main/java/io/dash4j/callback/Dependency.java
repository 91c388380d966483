package io.dash4j.callback;

import io.dash4j.layout.Prop;
import io.dash4j.layout.Wildcard;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One end of a callback: a component id and one of its props. {@link Output}, {@link Input} and
 * {@link State} are the three kinds, named as in Dash.
 *
 * <p>An id is a string, or a map for pattern matching whose values may be {@link Wildcard}s: {@code
 * MATCH} gives one value per call, {@code ALL}/{@code ALLSMALLER} a list (declare those with {@code
 * Input.all(...)} and friends, so the callback's argument is typed as the list it is).
 *
 * @param <T> the Java type of the value the callback gets or returns for this dependency
 */
public abstract sealed class Dependency<T> permits Output, Argument {
  private final Object componentId;
  private final Prop<T> prop;
  private final boolean many;

  Dependency(Object componentId, Prop<T> prop, boolean many) {
    this.componentId = checkId(componentId);
    this.prop = Objects.requireNonNull(prop, "prop");
    this.many = many;
    boolean manyWildcard = hasWildcard(Wildcard.ALL) || hasWildcard(Wildcard.ALLSMALLER);
    if (manyWildcard != many) {
      throw new IllegalArgumentException(
          many
              ? "all(...) needs an id with ALL or ALLSMALLER: " + componentId
              : "an id with ALL or ALLSMALLER matches a list of components: declare it with all(...): "
                  + componentId);
    }
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

  /** Whether this dependency matches a list of components (ALL or ALLSMALLER in its id). */
  public boolean many() {
    return many;
  }

  /** Whether the id holds this wildcard. */
  public boolean hasWildcard(Wildcard wildcard) {
    return componentId instanceof Map<?, ?> map && map.containsValue(wildcard);
  }

  /** Whether the id holds any wildcard. */
  public boolean isPattern() {
    return componentId instanceof Map<?, ?> map
        && map.values().stream().anyMatch(Wildcard.class::isInstance);
  }

  private static Object checkId(Object id) {
    Objects.requireNonNull(id, "component id");
    if (id instanceof String text) {
      // Dash forbids these: '.' separates id from prop in every key string, '{' starts a
      // pattern-matching id.
      if (text.isEmpty() || text.contains(".") || text.startsWith("{")) {
        throw new IllegalArgumentException(
            "invalid component id '" + text + "': no dots, no leading '{'");
      }
      return text;
    }
    if (id instanceof Map<?, ?> map && !map.isEmpty()) {
      var sorted = new TreeMap<String, Object>();
      map.forEach(
          (k, v) -> {
            if (!(v instanceof String
                || v instanceof Number
                || v instanceof Boolean
                || v instanceof Wildcard)) {
              throw new IllegalArgumentException(
                  "a map id holds strings, numbers, booleans or wildcards, not " + v);
            }
            sorted.put(String.valueOf(k), v);
          });
      return Collections.unmodifiableMap(sorted);
    }
    throw new IllegalArgumentException("a component id is a string or a non-empty map, not " + id);
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && ((Dependency<?>) o).componentId.equals(componentId)
        && ((Dependency<?>) o).prop.equals(prop);
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
