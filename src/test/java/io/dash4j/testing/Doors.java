package io.dash4j.testing;

import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.websocket.Verdict;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the server saw of one test app: the sockets its callback requests came through and the door
 * of every call, so a test fails if the page quietly fell back to HTTP, and sees disconnects and
 * reconnects from the server's side. One per app, so that a page of an earlier test cannot count in
 * a later one.
 */
public final class Doors {
  /**
   * The WebSocket handshake key of each socket a callback request came through; {@code "null"} for
   * SockJS's HTTP.
   */
  public final Set<String> sockets = ConcurrentHashMap.newKeySet();

  public final AtomicInteger overSocket = new AtomicInteger();
  public final AtomicInteger overHttp = new AtomicInteger();

  /** Free for the test: persistent runs, finished loops, shutdowns seen. */
  public final AtomicInteger runs = new AtomicInteger();

  public final AtomicInteger runsEnded = new AtomicInteger();
  public final AtomicInteger sawShutdown = new AtomicInteger();

  /**
   * Notes the socket of every message the door lets through (a message hook), by its WebSocket
   * handshake's key: random per handshake, so one key per socket.
   */
  public DashApp watch(DashApp app) {
    app.onWebsocketMessage(
        (peer, message) -> {
          sockets.add(String.valueOf(peer.header("sec-websocket-key")));
          return Verdict.accept();
        });
    return app;
  }

  /** Counts the door of the running call; returns whether it was the socket. */
  public boolean door() {
    boolean socket = CallbackContext.current().websocket() != null;
    (socket ? overSocket : overHttp).incrementAndGet();
    return socket;
  }
}
