package io.dash4j.server;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the door knows about the caller, carried to the callback verticle as event-bus message headers. HTTP headers
 * travel as {@code http:<name>} and the door's own facts as {@code dash4j:<fact>}: a colon cannot occur in an HTTP
 * header name, so a client cannot forge either.
 */
record RequestInfo(Map<String, List<String>> headers, String path, String remote) {
  private static final String HTTP = "http:";
  private static final String PATH = "dash4j:path";
  private static final String REMOTE = "dash4j:remote";

  static final RequestInfo NONE = new RequestInfo(Map.of(), "", "");

  /** Stamps an HTTP request's facts on event-bus message headers. */
  static MultiMap stamp(HttpServerRequest request, MultiMap into) {
    request.headers().forEach(h -> into.add(HTTP + h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
    into.set(PATH, request.uri());
    if (request.remoteAddress() != null) {
      into.set(REMOTE, request.remoteAddress().hostAddress());
    }
    return into;
  }

  /** Reads what a door stamped. */
  static RequestInfo of(MultiMap stamped) {
    var headers = new LinkedHashMap<String, List<String>>();
    for (var entry : stamped) {
      if (entry.getKey().startsWith(HTTP)) {
        headers.computeIfAbsent(entry.getKey().substring(HTTP.length()), k -> new java.util.ArrayList<>())
            .add(entry.getValue());
      }
    }
    return new RequestInfo(Collections.unmodifiableMap(headers), valueOr(stamped.get(PATH)),
        valueOr(stamped.get(REMOTE)));
  }

  private static String valueOr(String value) {
    return value == null ? "" : value;
  }

  /** The cookies of the Cookie header(s). */
  Map<String, String> cookies() {
    var cookies = new LinkedHashMap<String, String>();
    for (String header : headers.getOrDefault("cookie", List.of())) {
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
    return cookies;
  }
}
