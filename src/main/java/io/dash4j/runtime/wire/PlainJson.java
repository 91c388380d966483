package io.dash4j.runtime.wire;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON from the bridge as plain maps and lists. The event bus copies a {@link JsonObject} body on
 * local delivery, and the copy holds nested {@code JsonObject}/{@code JsonArray}s, whereas the
 * protocol code reads {@code Map}/{@code List} as Jackson parses them. One walk, no re-encoding.
 */
public final class PlainJson {
  private PlainJson() {}

  /** A deep plain copy of an object. */
  public static Map<String, Object> map(JsonObject json) {
    var map = new LinkedHashMap<String, Object>(json.size() * 2);
    for (var entry : json.getMap().entrySet()) {
      map.put(entry.getKey(), plain(entry.getValue()));
    }
    return map;
  }

  private static Object plain(Object value) {
    if (value instanceof JsonObject object) {
      return map(object);
    }
    if (value instanceof JsonArray array) {
      return list(array.getList());
    }
    if (value instanceof Map<?, ?> map) {
      return map(new JsonObject(castMap(map)));
    }
    if (value instanceof List<?> list) {
      return list(list);
    }
    return value;
  }

  private static List<Object> list(List<?> items) {
    var list = new ArrayList<Object>(items.size());
    for (Object item : items) {
      list.add(plain(item));
    }
    return list;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
