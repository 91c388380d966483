package io.dash4j.runtime.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.shareddata.Shareable;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * This node as the others see it: an id of its own, and an address on the clustered bus ({@code
 * dash4j.node.<id>}) where it answers whether a socket of its own holds a page. What the cluster
 * keeps on a node's behalf (claims, dynamic callbacks) carries its id, and lives as long as the
 * node answers: a node that left has no consumer on the bus, or cannot be reached, and its entries
 * are released by whoever finds it gone. Public Vert.x API only, so any cluster manager serves.
 *
 * <p>One per Vert.x instance, shared by every verticle of the process.
 */
final class ClusterNode implements Shareable {
  private static final String SHARED_NAME = "dash4j.cluster-node";

  /** Where each node answers: this prefix and its id. */
  static final String ADDRESS = "dash4j.node.";

  /** How long a node may take to answer before it is believed alive, and holding what it holds. */
  private static final long PROBE_MILLIS = 3_000;

  private final Vertx vertx;
  private final String id = UUID.randomUUID().toString();
  private final Future<Void> answering;
  private volatile Predicate<String> pagesHeld = page -> false;

  private ClusterNode(Vertx vertx) {
    this.vertx = vertx;
    this.answering =
        vertx
            .eventBus()
            .<String>consumer(ADDRESS + id, probe -> probe.reply(pagesHeld.test(probe.body())))
            .completion();
  }

  /** The node of this (clustered) Vert.x instance; the first call makes it. */
  static ClusterNode of(Vertx vertx) {
    return vertx
        .sharedData()
        .<String, ClusterNode>getLocalMap(SHARED_NAME)
        .computeIfAbsent(SHARED_NAME, k -> new ClusterNode(vertx));
  }

  String id() {
    return id;
  }

  /** Succeeds once this node answers probes. */
  Future<Void> answering() {
    return answering;
  }

  /** How this node answers whether it holds a page: a socket of its own owns the renderer id. */
  void answerFor(Predicate<String> pagesHeld) {
    this.pagesHeld = pagesHeld;
  }

  /**
   * Whether {@code node} still holds the page {@code rendererId}: a node that is gone does not; one
   * that does not answer in time is believed to.
   */
  Future<Boolean> holds(String node, String rendererId) {
    return probe(node, rendererId).map(Message::body).recover(this::aliveUnlessGone);
  }

  /** Whether {@code node} is still a member: it answers, or is merely slow to. */
  Future<Boolean> isAlive(String node) {
    return probe(node, "").map(true).recover(this::aliveUnlessGone);
  }

  private Future<Message<Boolean>> probe(String node, String rendererId) {
    return vertx
        .eventBus()
        .request(ADDRESS + node, rendererId, new DeliveryOptions().setSendTimeout(PROBE_MILLIS));
  }

  /** A failed probe: no answer in time is not enough to call a node gone; anything else is. */
  private Future<Boolean> aliveUnlessGone(Throwable failure) {
    return Future.succeededFuture(
        failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT);
  }
}
