package io.dash4j.figure;

import java.lang.reflect.Array;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Java values into the plain JSON values plotly.js reads: maps, lists, strings, numbers,
 * booleans, null.
 */
final class Values {
  private Values() {}

  /**
   * A plain copy of a value: arrays and collections become lists, maps become string-keyed maps.
   */
  static Object plain(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    } else if (value instanceof CharSequence || value instanceof Character) {
      return value.toString();
    } else if (value instanceof AxisType type) {
      return type.wire();
    } else if (value instanceof Orientation orientation) {
      return orientation.wire();
    } else if (value instanceof BarMode mode) {
      return mode.wire();
    } else if (value instanceof Template template) {
      return template.toMap();
    } else if (value instanceof Trace<?> trace) {
      return trace.toMap();
    } else if (value instanceof Axis axis) {
      return axis.toMap();
    } else if (value instanceof Figure figure) {
      return figure.toMap();
    } else if (value instanceof ZonedDateTime zoned) {
      // ZonedDateTime.toString() appends "[Europe/Paris]", which plotly's date parser rejects
      return zoned.toOffsetDateTime().toString();
    } else if (value instanceof TemporalAccessor) {
      // ISO text; plotly.js reads "2024-01-31", "2024-01-31T10:15" and a trailing zone, which it
      // ignores
      return value.toString();
    } else if (value instanceof Map<?, ?> map) {
      var copy = new LinkedHashMap<String, Object>();
      map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
      return copy;
    } else if (value instanceof Iterable<?> items) {
      var copy = new ArrayList<Object>();
      items.forEach(item -> copy.add(plain(item)));
      return copy;
    } else if (value instanceof double[] numbers) {
      return list(numbers);
    } else if (value.getClass().isArray()) {
      return array(value);
    }
    throw new IllegalArgumentException(
        "plotly.js cannot take a "
            + value.getClass().getName()
            + ": use strings, numbers, booleans, dates, arrays, lists, maps or null");
  }

  private static List<Object> list(double[] numbers) {
    var list = new ArrayList<Object>(numbers.length);
    for (double number : numbers) {
      list.add(number);
    }
    return list;
  }

  // int[], long[], boolean[], Object[], double[][]...: reflection boxes each element, fine for the
  // rarer shapes
  private static List<Object> array(Object array) {
    int length = Array.getLength(array);
    var list = new ArrayList<Object>(length);
    for (int i = 0; i < length; i++) {
      list.add(plain(Array.get(array, i)));
    }
    return list;
  }
}
