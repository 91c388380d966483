package io.dash4j.websocket;

/**
 * Hooks that guard the socket door (Dash's {@code hooks.websocket_connect} and {@code
 * hooks.websocket_message}): authentication, rate limits, audit. They run off the event loop, so
 * they may block (a database lookup, say); a hook that throws refuses with 4001 "Authentication
 * error". Register them with {@code app.onWebsocketConnect(...)} and {@code
 * app.onWebsocketMessage(...)}.
 */
public final class WebsocketHooks {
  private WebsocketHooks() {}

  /** Decides whether a socket may open; a null answer admits it. */
  @FunctionalInterface
  public interface ConnectHook {
    /** The verdict on this handshake. */
    Verdict check(WebsocketPeer peer) throws Exception;
  }

  /**
   * Decides whether a page's message is let through; a null answer admits it. A refusal closes the
   * socket.
   */
  @FunctionalInterface
  public interface MessageHook {
    /** The verdict on this message from this peer. */
    Verdict check(WebsocketPeer peer, WebsocketMessage message) throws Exception;
  }
}
