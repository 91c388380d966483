package io.dash4j.runtime.socket;

import io.dash4j.websocket.Verdict;
import io.dash4j.websocket.WebsocketHooks.ConnectHook;
import io.dash4j.websocket.WebsocketHooks.MessageHook;
import io.dash4j.websocket.WebsocketMessage;
import io.dash4j.websocket.WebsocketPeer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The app's socket hooks at the door: they run off the event loop (they may block on a session
 * store), in the order they were added; the first refusal closes the socket with its code.
 */
final class SocketHooks {
  private static final Logger LOG = Logger.getLogger(SocketHooks.class.getName());
  private static final long CLOSE_GRACE_MILLIS = 200;

  private final Vertx vertx;
  private final List<ConnectHook> connectHooks;
  private final List<MessageHook> messageHooks;

  SocketHooks(Vertx vertx, List<ConnectHook> connectHooks, List<MessageHook> messageHooks) {
    this.vertx = vertx;
    this.connectHooks = connectHooks;
    this.messageHooks = messageHooks;
  }

  /** Whether messages need a hook's verdict (and the door must keep each socket's peer for it). */
  boolean judgeMessages() {
    return !messageHooks.isEmpty();
  }

  /** Admits a new socket, or refuses it, as the connect hooks decide. */
  void admit(BridgeEvent event, SockJSSocket socket, WebsocketPeer peer) {
    if (connectHooks.isEmpty()) {
      event.complete(true);
      return;
    }
    // The bridge reads the socket only once SOCKET_CREATED is admitted, but SockJS has told the
    // client it is open already: hold what the page sends meanwhile (its register, its first
    // callbacks), or it is dropped.
    socket.pause();
    judge(
        event,
        socket,
        "Connection rejected",
        () -> {
          for (ConnectHook hook : connectHooks) {
            Verdict verdict = hook.check(peer);
            if (verdict != null && !verdict.accepted()) {
              return verdict;
            }
          }
          return Verdict.accept();
        });
  }

  /** Lets a page's message through, or closes its socket, as the message hooks decide. */
  void admit(BridgeEvent event, SockJSSocket socket, WebsocketPeer peer, WebsocketMessage message) {
    judge(
        event,
        socket,
        "Message rejected",
        () -> {
          for (MessageHook hook : messageHooks) {
            Verdict verdict = hook.check(peer, message);
            if (verdict != null && !verdict.accepted()) {
              return verdict;
            }
          }
          return Verdict.accept();
        });
  }

  private void judge(
      BridgeEvent event, SockJSSocket socket, String defaultReason, Callable<Verdict> hooks) {
    vertx
        .executeBlocking(hooks, false)
        .onComplete(
            result -> {
              Verdict verdict;
              if (result.succeeded()) {
                verdict = result.result();
              } else {
                LOG.log(
                    Level.WARNING, "a websocket hook failed; the socket is closed", result.cause());
                verdict = new Verdict(false, 4001, "Authentication error");
              }
              if (verdict.accepted()) {
                event.complete(true);
                // after the bridge attached its reader; a no-op unless the socket was paused
                socket.resume();
              } else {
                refuse(
                    vertx,
                    event,
                    socket,
                    verdict.reason() == null
                        ? new Verdict(false, verdict.code(), defaultReason)
                        : verdict);
              }
            });
  }

  /**
   * Closes the socket with the verdict's code. SockJS sessions always close with 3000 "Go away!",
   * whatever code is asked for, so the code travels first in a {@code close} frame that our worker
   * reports as the close code. The close comes a moment later: a socket closed at once, while its
   * client is still finishing the handshake, can lose that frame (seen with Vert.x's own client),
   * and the page would then retry a refusal meant to stop it. Until then nothing the client sends
   * is read: the event is not completed.
   */
  static void refuse(Vertx vertx, BridgeEvent event, SockJSSocket socket, Verdict verdict) {
    socket.write(
        new JsonObject()
            .put("type", "close")
            .put("code", verdict.code())
            .put("reason", verdict.reason())
            .toBuffer());
    vertx.setTimer(
        CLOSE_GRACE_MILLIS,
        t -> {
          socket.close();
          event.complete(false);
        });
  }
}
