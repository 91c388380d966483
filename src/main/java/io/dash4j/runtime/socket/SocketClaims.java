package io.dash4j.runtime.socket;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may speak for which page: each renderer id belongs to the socket that first claimed it, and
 * each pending {@code get_props} reply address to the socket it was sent to. One table per Vert.x
 * instance, shared by every door of the process ({@code -instances N} runs several), so two sockets
 * on different event loops cannot both claim an id.
 *
 * <p>Why reply addresses are bound too: Vert.x reply addresses are sequential ({@code
 * __vertx.reply.3}) and the bridge's table of messages awaiting a reply is shared by all sockets,
 * so without this one page could answer another page's {@code get_props}.
 */
final class SocketClaims implements Shareable {
  private static final String SHARED_NAME = "dash4j.socket-claims";

  private final Map<String, SockJSSocket> owners = new ConcurrentHashMap<>();
  // renderer id -> the page load its registration proved (signed page token), when it did
  private final Map<String, String> pages = new ConcurrentHashMap<>();
  private final Map<SockJSSocket, Set<String>> bySocket = new ConcurrentHashMap<>();
  private final Map<String, SockJSSocket> replies = new ConcurrentHashMap<>();

  /** The table of this Vert.x instance. */
  static SocketClaims of(Vertx vertx) {
    return vertx
        .sharedData()
        .<String, SocketClaims>getLocalMap(SHARED_NAME)
        .computeIfAbsent(SHARED_NAME, k -> new SocketClaims());
  }

  /**
   * Claims {@code rendererId} for {@code socket}: true if the socket is its first claimant (or
   * already owns it).
   *
   * @param pageId the page load the registration proved with a signed token, or null
   */
  boolean claim(String rendererId, SockJSSocket socket, String pageId) {
    SockJSSocket owner = owners.putIfAbsent(rendererId, socket);
    if (owner != null && owner != socket) {
      return false;
    }
    bySocket.computeIfAbsent(socket, s -> ConcurrentHashMap.newKeySet()).add(rendererId);
    if (pageId != null) {
      pages.put(rendererId, pageId);
    }
    return true;
  }

  /** Whether a socket of this process owns {@code rendererId}. */
  boolean isClaimed(String rendererId) {
    return owners.containsKey(rendererId);
  }

  /** Whether {@code rendererId} registered with a token of page load {@code pageId}. */
  boolean isPage(String rendererId, String pageId) {
    return pageId.equals(pages.get(rendererId));
  }

  /** Whether {@code socket} owns {@code rendererId}. */
  boolean owns(SockJSSocket socket, String rendererId) {
    return rendererId != null && owners.get(rendererId) == socket;
  }

  /** Gives up one id: true if the socket owned it (so its page has just gone). */
  boolean release(String rendererId, SockJSSocket socket) {
    var ids = bySocket.get(socket);
    if (ids != null) {
      ids.remove(rendererId);
    }
    boolean owned = owners.remove(rendererId, socket);
    if (owned) {
      pages.remove(rendererId);
    }
    return owned;
  }

  /** Forgets a closed socket; returns the ids it still owned. */
  Set<String> releaseAll(SockJSSocket socket) {
    replies.values().removeIf(s -> s == socket);
    var ids = bySocket.remove(socket);
    if (ids == null) {
      return Set.of();
    }
    ids.forEach(
        id -> {
          if (owners.remove(id, socket)) {
            pages.remove(id);
          }
        });
    return ids;
  }

  /**
   * Notes that a request awaiting a reply at {@code replyAddress} was delivered to {@code socket}.
   */
  void expectReply(String replyAddress, SockJSSocket socket) {
    replies.put(replyAddress, socket);
  }

  /**
   * Whether {@code socket} may answer at {@code replyAddress}; a reply address is good for one
   * answer.
   */
  boolean takeReply(String replyAddress, SockJSSocket socket) {
    return replies.remove(replyAddress, socket);
  }
}
