package io.dash4j.websocket;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A browser opening a socket, as the server sees its handshake: what a connect hook decides on.
 *
 * @param origin the {@code Origin} header, or null
 * @param remote the client's address
 * @param path the handshake's path
 * @param headers the handshake's headers, names in lower case
 * @param cookies the handshake's cookies by name
 */
public record WebsocketPeer(
    String origin,
    String remote,
    String path,
    Map<String, List<String>> headers,
    Map<String, String> cookies) {
  /** One header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
