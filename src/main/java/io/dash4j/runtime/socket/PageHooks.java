package io.dash4j.runtime.socket;

import io.dash4j.websocket.Websocket;
import io.dash4j.websocket.WebsocketHooks.PageHook;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The app's join and leave hooks at the door: a page joins when its renderer id is first registered
 * on a socket of this door, and leaves when that claim ends. Hooks run off the event loop; a page's
 * leave hooks wait for its join hooks, so an app's map of pages never keeps one that has left.
 */
final class PageHooks {
  private static final Logger LOG = Logger.getLogger(PageHooks.class.getName());

  private final Vertx vertx;
  private final List<PageHook> joins;
  private final List<PageHook> leaves;
  private final SocketCalls calls;
  // renderer id -> its join hooks' run, for the pages that joined and have not left
  private final Map<String, Future<Void>> joined = new ConcurrentHashMap<>();

  PageHooks(Vertx vertx, List<PageHook> joins, List<PageHook> leaves, SocketCalls calls) {
    this.vertx = vertx;
    this.joins = joins;
    this.leaves = leaves;
    this.calls = calls;
  }

  /** On the door's loop, once the page's consumer exists (so its first pushes are not lost). */
  void registered(String rendererId) {
    if (joins.isEmpty() && leaves.isEmpty()) {
      return;
    }
    var context = vertx.getOrCreateContext();
    joined.computeIfAbsent(rendererId, id -> run(joins, calls.open(id, context), "join"));
  }

  /** The page's claim ended: its socket closed, or it said goodbye. */
  void released(String rendererId) {
    var join = joined.remove(rendererId);
    if (join != null && !leaves.isEmpty()) {
      var context = vertx.getOrCreateContext();
      var gone = new SocketCall(PageLink.goneAlready(rendererId), context, vertx.eventBus());
      join.onComplete(done -> run(leaves, gone, "leave"));
    }
  }

  private Future<Void> run(List<PageHook> hooks, Websocket page, String what) {
    if (hooks.isEmpty()) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(
        () -> {
          for (PageHook hook : hooks) {
            try {
              hook.on(page);
            } catch (Exception | Error e) {
              LOG.log(Level.WARNING, "a page " + what + " hook failed", e);
            }
          }
          return null;
        },
        false);
  }
}
