package io.dash4j.runtime.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.shareddata.Shareable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which node of the cluster speaks for each page: a renderer id belongs to the first node whose
 * socket claims it, in a cluster-wide map ({@value #MAP}: renderer id → node id), so two sockets on
 * two nodes cannot both own one page. Within a node the socket door decides between its own
 * sockets.
 *
 * <p>A claim held by another node is taken over only when that node no longer holds the page: each
 * node answers at {@code dash4j.node.<id>} whether a socket of its own still owns a renderer id. A
 * node that died answers nothing (its address is gone from the bus, or unreachable), so a page
 * whose socket was on it reconnects to a survivor and claims its id again. A node that is slow to
 * answer keeps its claims: the page retries. All the claims of a node found gone are released then,
 * and each node looks for claims of gone nodes every minute, so a dead node's claims expire with
 * it.
 *
 * <p>One per Vert.x instance, shared by every door of the process. Outside a cluster every claim
 * succeeds at once: the door's own table is the whole truth.
 */
public final class ClusterClaims implements Shareable {
  private static final Logger LOG = Logger.getLogger(ClusterClaims.class.getName());
  private static final String SHARED_NAME = "dash4j.cluster-claims";

  /** The cluster-wide map of claims. */
  static final String MAP = "dash4j.renderer-claims";

  /** How often each node looks for claims of nodes that left, whose pages never came back. */
  private static final long SWEEP_MILLIS = 60_000;

  private final ClusterNode node;
  private final Future<AsyncMap<String, String>> map;

  private ClusterClaims(Vertx vertx, Predicate<String> heldHere) {
    if (vertx.isClustered()) {
      this.node = ClusterNode.of(vertx);
      node.answerFor(heldHere);
      this.map = vertx.sharedData().getAsyncMap(MAP);
      vertx.setPeriodic(SWEEP_MILLIS, SWEEP_MILLIS, t -> sweep(null));
    } else {
      this.node = null;
      this.map = null;
    }
  }

  /**
   * The claims of this Vert.x instance; the first call makes them, and this node answers for its
   * claims before it makes any.
   *
   * @param heldHere whether a socket of this node owns a renderer id
   */
  public static ClusterClaims of(Vertx vertx, Predicate<String> heldHere) {
    return vertx
        .sharedData()
        .<String, ClusterClaims>getLocalMap(SHARED_NAME)
        .computeIfAbsent(SHARED_NAME, k -> new ClusterClaims(vertx, heldHere));
  }

  /**
   * Claims {@code rendererId} for this node: true when it is this node's now (or was already),
   * false when another live node holds it.
   */
  public Future<Boolean> claim(String rendererId) {
    if (map == null) {
      return Future.succeededFuture(true);
    }
    String nodeId = node.id();
    return node.answering()
        .compose(ready -> map)
        .compose(
            claims ->
                claims
                    .putIfAbsent(rendererId, nodeId)
                    .compose(
                        owner -> {
                          if (owner == null || owner.equals(nodeId)) {
                            return Future.succeededFuture(true);
                          }
                          return node.holds(owner, rendererId)
                              .compose(
                                  holds -> {
                                    if (holds) {
                                      return Future.succeededFuture(false);
                                    }
                                    return claims
                                        .replaceIfPresent(rendererId, owner, nodeId)
                                        .onComplete(replaced -> sweep(owner));
                                  });
                        }));
  }

  /**
   * Gives up this node's claim of {@code rendererId}, its last socket for that page gone. A socket
   * of this node that claimed it again meanwhile keeps it.
   */
  public void release(String rendererId, Predicate<String> heldHere) {
    if (map == null) {
      return;
    }
    map.compose(
            claims ->
                claims
                    .removeIfPresent(rendererId, node.id())
                    .compose(
                        removed ->
                            heldHere.test(rendererId)
                                ? claims.putIfAbsent(rendererId, node.id()).mapEmpty()
                                : Future.succeededFuture()))
        .onFailure(
            e -> LOG.log(Level.FINE, "could not release the claim of page " + rendererId, e));
  }

  /**
   * Releases the claims of nodes that are gone: those of {@code goneNode}, known gone; or, with
   * null, of every other node that owns claims and does not answer.
   */
  private void sweep(String goneNode) {
    map.compose(AsyncMap::entries)
        .onSuccess(
            all -> {
              var byNode = new HashMap<String, List<String>>();
              all.forEach(
                  (id, owner) -> {
                    if (!owner.equals(node.id()) && (goneNode == null || owner.equals(goneNode))) {
                      byNode.computeIfAbsent(owner, n -> new ArrayList<>()).add(id);
                    }
                  });
              byNode.forEach(
                  (owner, ids) ->
                      (owner.equals(goneNode) ? Future.succeededFuture(false) : node.isAlive(owner))
                          .onSuccess(
                              alive -> {
                                if (!alive) {
                                  releaseAll(owner, ids);
                                }
                              }));
            })
        .onFailure(e -> LOG.log(Level.FINE, "could not look for claims of nodes that left", e));
  }

  private void releaseAll(String goneNode, List<String> ids) {
    map.compose(
            claims ->
                Future.all(ids.stream().map(id -> claims.removeIfPresent(id, goneNode)).toList()))
        .onSuccess(
            removed ->
                LOG.info(
                    () ->
                        "released "
                            + removed.list().stream().filter(Boolean.TRUE::equals).count()
                            + " page claims of node "
                            + goneNode
                            + ", which left the cluster"));
  }
}
