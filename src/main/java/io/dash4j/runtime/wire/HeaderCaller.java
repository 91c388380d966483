package io.dash4j.runtime.wire;

import io.dash4j.protocol.Caller;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link Caller} over a door's own header map (an HTTP request's, or a bridge message's stamped
 * headers): no copy per request; serialized only when the request crosses to another node.
 *
 * @param headers the request's headers (case-insensitive)
 * @param path the request's path and query
 * @param remote the client's address
 */
public record HeaderCaller(MultiMap headers, String path, String remote) implements Caller {
  @Override
  public List<String> headers(String name) {
    return headers.getAll(name);
  }

  @Override
  public Map<String, List<String>> headerMap() {
    var map = new LinkedHashMap<String, List<String>>();
    for (var entry : headers) {
      map.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(entry.getValue());
    }
    return Collections.unmodifiableMap(map);
  }

  /** Any caller as JSON, for the clustered event bus. */
  static JsonObject toJson(Caller caller) {
    var names = new JsonArray();
    caller
        .headerMap()
        .forEach(
            (name, values) -> values.forEach(v -> names.add(new JsonArray().add(name).add(v))));
    return new JsonObject()
        .put("headers", names)
        .put("path", caller.path())
        .put("remote", caller.remote());
  }

  /** Reads {@link #toJson(Caller)}. */
  static Caller fromJson(JsonObject json) {
    if (json == null) {
      return Caller.NONE;
    }
    var headers = MultiMap.caseInsensitiveMultiMap();
    for (Object pair : json.getJsonArray("headers", new JsonArray())) {
      var entry = (JsonArray) pair;
      headers.add(entry.getString(0), entry.getString(1));
    }
    return new HeaderCaller(headers, json.getString("path", ""), json.getString("remote", ""));
  }
}
