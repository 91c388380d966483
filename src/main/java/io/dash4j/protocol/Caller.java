package io.dash4j.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who called a callback, as the door that admitted the request saw it: the HTTP headers, the path
 * and the client's address. Stamped by the door, never read from the request body. A door
 * implements it over its own header map, so no request copies its headers unless it crosses to
 * another node.
 */
public interface Caller {
  /** No caller: a request made on the event bus by code, not through a door. */
  Caller NONE =
      new Caller() {
        @Override
        public List<String> headers(String name) {
          return List.of();
        }

        @Override
        public Map<String, List<String>> headerMap() {
          return Map.of();
        }

        @Override
        public String path() {
          return "";
        }

        @Override
        public String remote() {
          return "";
        }
      };

  /** Every value of one header, in order; the name is case-insensitive. */
  List<String> headers(String name);

  /** The headers with lower-case names, each with its values in order. */
  Map<String, List<String>> headerMap();

  /** The request's path and query. */
  String path();

  /** The client's address. */
  String remote();

  /** The cookies of the Cookie header(s), quotes around values removed. */
  default Map<String, String> cookies() {
    var cookies = new LinkedHashMap<String, String>();
    for (String header : headers("cookie")) {
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
}
