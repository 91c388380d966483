package io.dash4j.runtime.socket;

import io.dash4j.DashConfig;
import java.net.URI;

/**
 * Who may talk to the socket door from a browser: the app's own origin (the Origin's host and port
 * are the Host header), or one listed in {@link DashConfig#websocketAllowedOrigins(String...)}
 * ({@code *}: any). One rule for the socket's handshake and for SockJS's HTTP answers (its CORS
 * headers).
 */
final class OriginRule {
  private OriginRule() {}

  static boolean allows(DashConfig config, String origin, String host) {
    var allowed = config.websocketAllowedOrigins();
    if (allowed.contains(origin) || allowed.contains("*")) {
      return true;
    }
    try {
      String authority = URI.create(origin).getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }
}
