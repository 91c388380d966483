package io.dash4j.layout;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed property of a component: its wire name and how a JSON value from the browser becomes a Java value.
 *
 * <p>Component classes declare one constant per prop ({@code Dcc.Input.VALUE}); callbacks name them in {@code
 * Output}/{@code Input}/{@code State}, so javac checks a callback's argument and return types against the props.
 *
 * @param <T> the Java type of the prop's value
 */
public final class Prop<T> {
  private final String name;
  private final Class<T> type;
  private final Function<Object, T> decoder;

  private Prop(String name, Class<T> type, Function<Object, T> decoder) {
    this.name = requireName(name);
    this.type = type;
    this.decoder = decoder;
  }

  /** A prop of any JSON value: strings, numbers, booleans, lists, maps, components (as maps) or null. */
  public static Prop<Object> any(String name) {
    return new Prop<>(name, Object.class, value -> value);
  }

  /**
   * A string prop; numbers and booleans from the browser arrive as their text. A list or an object is a type
   * mismatch ({@link #decode} throws), not the text of a Java collection.
   */
  public static Prop<String> string(String name) {
    return new Prop<>(name, String.class, value -> {
      if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
        return value == null ? null : String.valueOf(value);
      }
      throw new ClassCastException(); // decode turns it into the IllegalArgumentException of any mismatch
    });
  }

  /** A numeric prop, kept as the JSON number the browser sent (an Integer, Long or Double). */
  public static Prop<Number> number(String name) {
    return new Prop<>(name, Number.class, value -> (Number) value);
  }

  /** A whole-number prop such as {@code n_clicks}; null when the browser has no value yet. */
  public static Prop<Integer> integer(String name) {
    return new Prop<>(name, Integer.class, value -> value == null ? null : ((Number) value).intValue());
  }

  /** A boolean prop. */
  public static Prop<Boolean> bool(String name) {
    return new Prop<>(name, Boolean.class, value -> (Boolean) value);
  }

  /** A list prop (JSON array). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Prop<List<Object>> list(String name) {
    return new Prop<>(name, (Class) List.class, value -> (List<Object>) value);
  }

  /** A map prop (JSON object), such as {@code style} or a figure. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Prop<Map<String, Object>> map(String name) {
    return new Prop<>(name, (Class) Map.class, value -> (Map<String, Object>) value);
  }

  /**
   * A list of values of the element prop, decoded one by one: what a callback gets for a pattern-matching
   * dependency with {@code ALL} or {@code ALLSMALLER}. Same wire name as the element prop.
   */
  public static <E> Prop<List<E>> listOf(Prop<E> element) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<List<E>> type = (Class) List.class;
    return new Prop<>(element.name, type, value -> {
      if (value == null) {
        return null;
      }
      var decoded = new java.util.ArrayList<E>();
      for (Object item : (List<?>) value) {
        decoded.add(element.decode(item));
      }
      return decoded;
    });
  }

  /**
   * A prop whose values are the constants of a generated enum; the browser's string becomes the constant with that
   * wire value.
   */
  public static <E extends Enum<E> & WireValue> Prop<E> enumeration(String name, Class<E> type) {
    E[] constants = type.getEnumConstants();
    return new Prop<>(name, type, value -> {
      if (value == null) {
        return null;
      }
      for (E constant : constants) {
        if (constant.wire().equals(value)) {
          return constant;
        }
      }
      throw new IllegalArgumentException("prop '" + name + "' has no value " + value);
    });
  }

  /**
   * This prop read as text: for props that may hold a string or a number, such as {@code dcc.Input}'s
   * {@code value}, when the callback wants a string ({@code Input.of("name", Dcc.Input.VALUE.asString())}). A list
   * or an object from the browser is refused like any value of the wrong type.
   */
  public Prop<String> asString() {
    return string(name);
  }

  /** The prop's name on the wire, e.g. {@code n_clicks}. */
  public String name() {
    return name;
  }

  /** The Java type values of this prop have. */
  public Class<T> type() {
    return type;
  }

  /**
   * Turns a JSON value from the browser into this prop's Java type.
   *
   * @throws IllegalArgumentException when the value has another JSON type
   */
  public T decode(Object json) {
    try {
      return decoder.apply(json);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException(
          "prop '" + name + "' expects " + type.getSimpleName() + " but got " + json.getClass().getSimpleName());
    }
  }

  private static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty() || name.contains(".") || name.contains("@")) {
      throw new IllegalArgumentException("invalid prop name: '" + name + "'");
    }
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Prop<?> other && other.name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
