package io.dash4j.runtime.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Shareable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Calls a door of this node sent to a callback that another node took, so that a call whose node
 * dies fails at once with {@link NodeLeft} instead of when the bus gives up waiting. Vert.x does
 * not fail a request whose target node vanished; it waits for the reply timeout
 * (eclipse-vertx/vert.x#4170), which for an HTTP call is its timeout and 5 s more, and for a socket
 * call, which has no deadline, never comes: its page would wait for good, and its slot stay taken.
 *
 * <p>A door stamps each call with its node and a number. An HTTP call from another node's door that
 * is still running when the callback node's deadline sweep passes (every tenth of the callback
 * timeout, at most a second) sends that door a receipt naming its node; a socket call sends it as
 * it starts, since nothing else would ever end it. While calls with a receipt are pending, the door
 * probes their nodes every second ({@link ClusterNode#isAlive}) and fails the calls of a node found
 * gone. Short HTTP calls send no receipt, so they cost nothing: a receipt for every call measured
 * 0.57× the throughput of none at one connection through two nodes, 0.74–0.85× at 4–64. An HTTP
 * call that dies with its node before its first sweep still ends when the bus gives up. Outside a
 * cluster this is a plain request.
 *
 * <p>One per Vert.x instance, shared by the doors and the callback verticles of the process.
 */
public final class RemoteCalls implements Shareable {
  private static final Logger LOG = Logger.getLogger(RemoteCalls.class.getName());
  private static final String SHARED_NAME = "dash4j.remote-calls";
  private static final String DOOR_HEADER = "dash4j-door-node";
  private static final String CALL_HEADER = "dash4j-call";
  private static final String RECEIPTS = "dash4j.receipts.";
  private static final long WATCH_MILLIS = 1_000;

  /** The call's node left the cluster while the call ran there: nothing will answer it. */
  public static final class NodeLeft extends VertxException {
    /** What the page hears. */
    public static final String FOR_THE_PAGE = "The node running this callback left the cluster";

    NodeLeft(String node) {
      super("the node running this call left the cluster: " + node, true);
    }
  }

  /** A call sent, and where it runs once its receipt came. */
  private static final class Pending {
    final Consumer<NodeLeft> nodeLeft;
    final Context context;
    volatile String node;

    Pending(Consumer<NodeLeft> nodeLeft, Context context) {
      this.nodeLeft = nodeLeft;
      this.context = context;
    }
  }

  private static final RemoteCalls LOCAL = new RemoteCalls(null, null);

  private final Vertx vertx;
  private final ClusterNode node; // null outside a cluster
  private final AtomicLong numbers = new AtomicLong();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicBoolean watching = new AtomicBoolean();

  private RemoteCalls(Vertx vertx, ClusterNode node) {
    this.vertx = vertx;
    this.node = node;
    if (node != null) {
      vertx.eventBus().<String>consumer(RECEIPTS + node.id(), this::receipt);
    }
  }

  /** The calls of this Vert.x instance; outside a cluster, plain requests. */
  public static RemoteCalls of(Vertx vertx) {
    if (!vertx.isClustered()) {
      return LOCAL;
    }
    return vertx
        .sharedData()
        .<String, RemoteCalls>getLocalMap(SHARED_NAME)
        .computeIfAbsent(SHARED_NAME, k -> new RemoteCalls(vertx, ClusterNode.of(vertx)));
  }

  /**
   * A door's request to a callback: as {@code vertx.eventBus().request}, but in a cluster it also
   * fails with {@link NodeLeft} as soon as the node running it is found gone.
   */
  public <T> Future<Message<T>> request(
      Vertx vertx, String address, Object body, DeliveryOptions options) {
    if (node == null) {
      return vertx.eventBus().request(address, body, options);
    }
    Promise<Message<T>> answer = Promise.promise();
    long number = track(answer::tryFail, vertx);
    var stamped =
        new DeliveryOptions(options)
            .addHeader(DOOR_HEADER, node.id())
            .addHeader(CALL_HEADER, Long.toString(number));
    vertx
        .eventBus()
        .<T>request(address, body, stamped)
        .onComplete(
            result -> {
              pending.remove(number);
              if (result.succeeded()) {
                answer.tryComplete(result.result());
              } else {
                answer.tryFail(result.cause());
              }
            });
    return answer.future();
  }

  /**
   * A socket call the bridge is about to send for a door of this process: stamps the frame's {@code
   * headers} as {@link #request} stamps its own, and runs {@code nodeLeft} on the caller's context
   * if the node running the call is found gone before {@link #settled}. Returns the number to
   * settle it with; 0, and nothing watched, outside a cluster.
   */
  public long watch(Vertx vertx, JsonObject headers, Runnable nodeLeft) {
    if (node == null) {
      return 0;
    }
    long number = track(gone -> nodeLeft.run(), vertx);
    headers.put(DOOR_HEADER, node.id()).put(CALL_HEADER, Long.toString(number));
    return number;
  }

  /** The watched socket call {@code number} was answered, or its socket closed. */
  public void settled(long number) {
    if (number != 0) {
      pending.remove(number);
    }
  }

  private long track(Consumer<NodeLeft> nodeLeft, Vertx vertx) {
    long number = numbers.incrementAndGet();
    pending.put(number, new Pending(nodeLeft, vertx.getOrCreateContext()));
    return number;
  }

  /**
   * A callback verticle's call is still running: when a door of another node sent it, that door
   * learns where it runs.
   */
  public void taken(MultiMap headers) {
    if (node == null) {
      return;
    }
    String door = headers.get(DOOR_HEADER);
    String number = headers.get(CALL_HEADER);
    if (door != null && number != null && !door.equals(node.id())) {
      vertx.eventBus().send(RECEIPTS + door, number + " " + node.id());
    }
  }

  private void receipt(Message<String> message) {
    String text = message.body();
    int space = text.indexOf(' ');
    Pending call;
    try {
      call = space < 0 ? null : pending.get(Long.parseLong(text.substring(0, space)));
    } catch (NumberFormatException e) {
      return; // not one of ours
    }
    if (call != null) {
      call.node = text.substring(space + 1);
      if (watching.compareAndSet(false, true)) {
        vertx.setTimer(WATCH_MILLIS, t -> probeTheirNodes());
      }
    }
  }

  /** Probes the nodes running calls of ours, fails the calls of those gone, and goes on if any. */
  private void probeTheirNodes() {
    var nodes = new HashSet<String>();
    pending.values().forEach(call -> nodes.add(call.node));
    nodes.remove(null);
    if (nodes.isEmpty()) {
      watching.set(false);
      // a receipt that came as the flag was still set started no watch: look once more
      if (pending.values().stream().anyMatch(call -> call.node != null)
          && watching.compareAndSet(false, true)) {
        vertx.setTimer(WATCH_MILLIS, t -> probeTheirNodes());
      }
      return;
    }
    var probes = new ArrayList<Future<Boolean>>();
    for (String running : nodes) {
      probes.add(
          node.isAlive(running)
              .onSuccess(
                  alive -> {
                    if (!alive) {
                      failCallsOf(running);
                    }
                  }));
    }
    Future.join(probes).onComplete(done -> vertx.setTimer(WATCH_MILLIS, t -> probeTheirNodes()));
  }

  private void failCallsOf(String gone) {
    List<Pending> failed = new ArrayList<>();
    pending
        .entrySet()
        .removeIf(
            entry -> {
              boolean there = Objects.equals(entry.getValue().node, gone);
              if (there) {
                failed.add(entry.getValue());
              }
              return there;
            });
    for (Pending call : failed) {
      call.context.runOnContext(v -> call.nodeLeft.accept(new NodeLeft(gone)));
    }
    if (!failed.isEmpty()) {
      LOG.info(
          () ->
              "failed "
                  + failed.size()
                  + " call(s) running on node "
                  + gone
                  + ", which left the cluster");
    }
  }
}
