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

  /**
   * Hears a page come or go over the socket ({@code app.onPageJoin}, {@code app.onPageLeave}): once
   * per page load each, join before leave, off the event loop (it may block briefly, but a hook
   * that parks its thread for the page's life defeats its purpose). A hook that throws is logged.
   */
  @FunctionalInterface
  public interface PageHook {
    /**
     * @param page the page: it may be kept and pushed to later, and it follows the page ({@link
     *     Websocket#isShutdown()} turns true when the page goes, after which pushes throw {@link
     *     PageGone}); a leave hook gets it shut already
     */
    void on(Websocket page) throws Exception;
  }
}
