package io.dash4j.protocol;

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
 * Who called a callback, as the door that admitted the request saw it: the HTTP headers, the path and the client's
 * address. Stamped by the door, never read from the request body. Locally it holds the door's own header map (no
 * copy per request); it is serialized only when the request crosses to another node.
 *
 * @param headers the request's headers (case-insensitive)
 * @param path the request's path and query
 * @param remote the client's address
 */
public record Caller(MultiMap headers, String path, String remote) {
  /** No caller: a request made on the event bus by code, not through a door. */
  public static final Caller NONE = new Caller(MultiMap.caseInsensitiveMultiMap(), "", "");

  /** The headers with lower-case names, each with its values in order. */
  public Map<String, List<String>> headerMap() {
    var map = new LinkedHashMap<String, List<String>>();
    for (var entry : headers) {
      map.computeIfAbsent(entry.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(entry.getValue());
    }
    return Collections.unmodifiableMap(map);
  }

  /** The cookies of the Cookie header(s), quotes around values removed. */
  public Map<String, String> cookies() {
    var cookies = new LinkedHashMap<String, String>();
    for (String header : headers.getAll("cookie")) {
      for (String pair : header.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          String value = pair.substring(eq + 1).trim();
          if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
          }
          cookies.put(pair.substring(0, eq).trim(), value);
        }
      }
    }
    return Collections.unmodifiableMap(cookies);
  }

  /** The caller as JSON, for the clustered event bus. */
  JsonObject toJson() {
    var names = new JsonArray();
    for (var entry : headers) {
      names.add(new JsonArray().add(entry.getKey()).add(entry.getValue()));
    }
    return new JsonObject().put("headers", names).put("path", path).put("remote", remote);
  }

  /** Reads {@link #toJson()}. */
  static Caller fromJson(JsonObject json) {
    if (json == null) {
      return NONE;
    }
    var headers = MultiMap.caseInsensitiveMultiMap();
    for (Object pair : json.getJsonArray("headers", new JsonArray())) {
      var entry = (JsonArray) pair;
      headers.add(entry.getString(0), entry.getString(1));
    }
    return new Caller(headers, json.getString("path", ""), json.getString("remote", ""));
  }
}
