package io.dash4j.websocket;

/**
 * What a socket hook decides: let it in, or close the socket with a code the browser sees. Codes
 * 4000–4999 are the app's; as in Dash, a page whose socket was closed with 4001 does not reconnect
 * by itself, any other code retries.
 *
 * @param accepted whether to let it in
 * @param code the close code when refused
 * @param reason the close reason when refused
 */
public record Verdict(boolean accepted, int code, String reason) {
  private static final Verdict ACCEPT = new Verdict(true, 0, "");

  /** Let it in. */
  public static Verdict accept() {
    return ACCEPT;
  }

  /**
   * Refuse a connection with 4001 "Connection rejected", or a message with 4001 "Message rejected".
   */
  public static Verdict reject() {
    return new Verdict(false, 4001, null);
  }

  /** Refuse and close the socket with this code (4000–4999) and reason. */
  public static Verdict reject(int code, String reason) {
    if (code < 4000 || code > 4999) {
      throw new IllegalArgumentException("an app's close code is between 4000 and 4999: " + code);
    }
    return new Verdict(false, code, reason);
  }
}
