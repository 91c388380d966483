package io.dash4j.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Headers and cookies a callback adds to its HTTP response (Dash's {@code
 * callback_context.response}). Reach it with {@code CallbackContext.current().response()}.
 */
public final class CallbackResponse {
  private final List<Map.Entry<String, String>> headers = new ArrayList<>();

  /** Sets a header, replacing earlier values of it. */
  public synchronized CallbackResponse setHeader(String name, String value) {
    headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
    headers.add(Map.entry(name, value));
    return this;
  }

  /** Adds another value to a header. */
  public synchronized CallbackResponse appendHeader(String name, String value) {
    headers.add(Map.entry(name, value));
    return this;
  }

  /**
   * Sets a cookie for the whole app ({@code Path=/}) with these extra attributes, e.g. {@code
   * "Max-Age=3600"}, {@code "HttpOnly"}, {@code "SameSite=Lax"}. A value with spaces or separators
   * is quoted, as Werkzeug does.
   */
  public synchronized CallbackResponse setCookie(String name, String value, String... attributes) {
    var cookie =
        new StringBuilder(name).append('=').append(quoteIfNeeded(value)).append("; Path=/");
    for (String attribute : attributes) {
      cookie.append("; ").append(attribute);
    }
    headers.add(Map.entry("Set-Cookie", cookie.toString()));
    return this;
  }

  /** The headers, in the order they were added. */
  public synchronized List<Map.Entry<String, String>> headers() {
    return List.copyOf(headers);
  }

  private static String quoteIfNeeded(String value) {
    boolean plain =
        value
            .chars()
            .allMatch(c -> c > 0x20 && c < 0x7f && c != '"' && c != ',' && c != ';' && c != '\\');
    return plain ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
