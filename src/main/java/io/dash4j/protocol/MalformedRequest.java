package io.dash4j.protocol;

/**
 * A request the server refuses as the client's fault (HTTP 400). Its message is short and generic,
 * safe to show to any client: it names nothing internal.
 */
public final class MalformedRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Refuses a request with a message safe to send back. */
  public MalformedRequest(String publicMessage) {
    super(publicMessage, null, false, false);
  }
}
