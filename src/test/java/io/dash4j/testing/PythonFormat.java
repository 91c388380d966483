package io.dash4j.testing;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How Python renders values as text, for the scenario tests whose Dash callbacks build their output
 * with {@code str()}, {@code repr()} or {@code json.dumps()}: the Java callbacks must produce the
 * same texts for Dash's assertions to hold. Covers what those callbacks format: null, strings,
 * numbers, lists and (for JSON) maps.
 */
public final class PythonFormat {

  private PythonFormat() {}

  /**
   * Python's {@code str(x)}: {@code None} for null, {@code [None, 'a']} for a list, else the
   * value's own text.
   */
  public static String str(Object value) {
    return value instanceof List<?> ? repr(value) : value == null ? "None" : String.valueOf(value);
  }

  /**
   * Python's {@code repr(x)}: {@code None} for null, {@code 'a'} for a string, {@code [None, 'a']}
   * for a list.
   */
  public static String repr(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(PythonFormat::repr).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof String s) {
      return "'" + s + "'";
    }
    return value == null ? "None" : String.valueOf(value);
  }

  /** Python's {@code json.dumps(x)} with its default separators {@code ", "} and {@code ": "}. */
  public static String jsonDumps(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PythonFormat::jsonDumps).collect(Collectors.joining(", ", "[", "]"));
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream()
          .map(e -> jsonDumps(String.valueOf(e.getKey())) + ": " + jsonDumps(e.getValue()))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    return String.valueOf(value); // numbers, booleans
  }
}
