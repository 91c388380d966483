package io.dash4j.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed property of a component: its wire name and how a JSON value from the browser becomes a
 * Java value.
 *
 * <p>Component classes declare one constant per prop ({@code Dcc.DccInput.VALUE}); callbacks name
 * them in {@code Output}/{@code Input}/{@code State}, so javac checks a callback's argument and
 * return types against the props.
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

  /**
   * A prop of any JSON value: strings, numbers, booleans, lists, maps, components (as maps) or
   * null.
   */
  public static Prop<Object> any(String name) {
    return new Prop<>(name, Object.class, value -> value);
  }

  /**
   * A string prop; numbers and booleans from the browser arrive as their text. A list or an object
   * is a type mismatch ({@link #decode} throws), not the text of a Java collection.
   */
  public static Prop<String> string(String name) {
    return new Prop<>(
        name,
        String.class,
        value -> {
          if (value == null
              || value instanceof String
              || value instanceof Number
              || value instanceof Boolean) {
            return value == null ? null : String.valueOf(value);
          }
          throw new ClassCastException(); // decode turns it into the IllegalArgumentException of
          // any mismatch
        });
  }

  /** A numeric prop, kept as the JSON number the browser sent (an Integer, Long or Double). */
  public static Prop<Number> number(String name) {
    return new Prop<>(name, Number.class, value -> (Number) value);
  }

  /** A whole-number prop such as {@code n_clicks}; null when the browser has no value yet. */
  public static Prop<Integer> integer(String name) {
    return new Prop<>(
        name, Integer.class, value -> value == null ? null : ((Number) value).intValue());
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
   * A list of values of the element prop, decoded one by one: what a callback gets for a
   * pattern-matching dependency with {@code ALL} or {@code ALLSMALLER}. Same wire name as the
   * element prop.
   */
  public static <E> Prop<List<E>> listOf(Prop<E> element) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<List<E>> type = (Class) List.class;
    return new Prop<>(
        element.name,
        type,
        value -> {
          if (value == null) {
            return null;
          }
          var decoded = new ArrayList<E>();
          for (Object item : (List<?>) value) {
            decoded.add(element.decode(item));
          }
          return decoded;
        });
  }

  /**
   * A prop whose values are the constants of a generated enum; the browser's string becomes the
   * constant with that wire value.
   */
  public static <E extends Enum<E> & WireValue> Prop<E> enumeration(String name, Class<E> type) {
    E[] constants = type.getEnumConstants();
    return new Prop<>(
        name,
        type,
        value -> {
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
   * This prop read as text: for props that may hold a string or a number, such as {@code
   * dcc.Input}'s {@code value}, when the callback wants a string ({@code Input.of("name",
   * Dcc.DccInput.VALUE.asString())}). A list or an object from the browser is refused like any
   * value of the wrong type.
   */
  public Prop<String> asString() {
    return string(name);
  }

  /**
   * This prop read as a number: for props that may hold a number or its text, such as {@code
   * dcc.Input}'s {@code value} or a {@code children} the app filled with a count ({@code
   * Input.of("n", Dcc.DccInput.VALUE .asNumber())}). A JSON number stays as sent (an Integer, Long
   * or Double); text is parsed the same way, blank text is null. Text that is no number, a list or
   * an object is refused like any value of the wrong type.
   */
  public Prop<Number> asNumber() {
    return new Prop<>(
        name,
        Number.class,
        value -> {
          if (value == null || value instanceof Number) {
            return (Number) value;
          }
          if (value instanceof String text) {
            return parseNumber(name, text);
          }
          throw new ClassCastException(); // decode turns it into the IllegalArgumentException of
          // any mismatch
        });
  }

  /**
   * This prop read as a list of texts, the way {@code dcc.Dropdown} reads its own {@code value}:
   * null is no selection (an empty list), one value is a list of one, and a list (a {@code multi}
   * dropdown) is its items as text. Items that are lists or objects are refused like any value of
   * the wrong type.
   */
  public Prop<List<String>> asStringList() {
    Prop<String> item = string(name);
    @SuppressWarnings({"unchecked", "rawtypes"})
    Class<List<String>> type = (Class) List.class;
    return new Prop<>(
        name,
        type,
        value -> {
          if (value == null) {
            return List.of();
          }
          if (!(value instanceof List<?> items)) {
            return List.of(item.decode(value));
          }
          var texts = new ArrayList<String>(items.size());
          for (Object each : items) {
            texts.add(item.decode(each));
          }
          return texts;
        });
  }

  /**
   * This prop of the component with this id, for {@code
   * CallbackContext.setProps(Html.Div.CHILDREN.of("clock"), "12:00")}: typed like the prop, so
   * javac checks the value.
   *
   * @param componentId a string id, or a map for a pattern-matching id
   */
  public PropId<T> of(Object componentId) {
    return new PropId<>(componentId, this);
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
          "prop '"
              + name
              + "' expects "
              + type.getSimpleName()
              + " but got "
              + json.getClass().getSimpleName());
    }
  }

  /**
   * A number from its text, as the JSON codec reads numbers: Integer, then Long, then a finite
   * Double.
   */
  private static Number parseNumber(String name, String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    try {
      long whole = Long.parseLong(trimmed);
      if (whole == (int) whole) {
        return Integer.valueOf((int) whole);
      }
      return Long.valueOf(whole);
    } catch (NumberFormatException notWhole) {
      try {
        double number = Double.parseDouble(trimmed);
        if (Double.isFinite(number)) {
          return number;
        }
      } catch (NumberFormatException notNumber) {
        // falls through to the refusal below
      }
      throw new IllegalArgumentException("prop '" + name + "' expects a number but got text");
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
