package io.dash4j.runtime.cluster;

import io.dash4j.protocol.JsonWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Callbacks a dynamic creator registered while the app ran, as every node's doors must know them.
 * The creator's node registered them in its own app and deployed their verticles, which the
 * clustered bus reaches from any node; what the other nodes lack is their {@code
 * _dash-dependencies} entries, which the renderer fetches again right after the creator answers,
 * from whichever node. So the creator's verticle puts its dynamic entries in the cluster map
 * {@value #MAP} (under its node and deployment) before it answers, and each door adds the other
 * nodes' entries to its own. Entries of a node that left are dropped, and removed, when read: the
 * callbacks went with their node.
 */
public final class SharedCallbacks {
  private static final Logger LOG = Logger.getLogger(SharedCallbacks.class.getName());

  /** The cluster-wide map: {@code <node id>/<deployment id>} → JSON array of entries. */
  static final String MAP = "dash4j.dynamic-callbacks";

  private final ClusterNode node;
  private final Future<AsyncMap<String, String>> map;
  private final String key;

  /**
   * The shared callbacks of one main verticle; outside a cluster there are none.
   *
   * @param deploymentId the verticle's deployment: each has an app of its own
   */
  public SharedCallbacks(Vertx vertx, String deploymentId) {
    if (vertx.isClustered()) {
      this.node = ClusterNode.of(vertx);
      this.map = vertx.sharedData().getAsyncMap(MAP);
      this.key = node.id() + "/" + deploymentId;
    } else {
      this.node = null;
      this.map = null;
      this.key = null;
    }
  }

  /** Whether there is a cluster to share with. */
  public boolean clustered() {
    return map != null;
  }

  /** Shares this verticle's dynamic callbacks' entries (all of them, the last ones included). */
  public Future<Void> publish(List<Map<String, Object>> entries) {
    if (map == null) {
      return Future.succeededFuture();
    }
    return map.compose(m -> m.put(key, JsonWriter.toJson(entries)));
  }

  /**
   * The entries other nodes' (and this node's other verticles') dynamic creators shared, of live
   * nodes only, as JSON objects' text, one each.
   */
  public Future<List<String>> fromOthers() {
    if (map == null) {
      return Future.succeededFuture(List.of());
    }
    return map.compose(
        m ->
            m.entries()
                .compose(
                    all -> {
                      var live = new ArrayList<Future<List<String>>>();
                      all.forEach(
                          (owner, entries) -> {
                            if (!owner.equals(key)) {
                              live.add(liveEntries(m, owner, entries));
                            }
                          });
                      return Future.all(live)
                          .map(
                              lists ->
                                  lists.<List<String>>list().stream()
                                      .flatMap(List::stream)
                                      .toList());
                    }));
  }

  /** The entries of {@code owner}, or none (and they are removed) when its node is gone. */
  private Future<List<String>> liveEntries(
      AsyncMap<String, String> m, String owner, String entries) {
    String ownerNode = owner.substring(0, owner.indexOf('/'));
    return node.isAlive(ownerNode)
        .map(
            alive -> {
              if (alive) {
                var texts = new ArrayList<String>();
                new JsonArray(entries).forEach(entry -> texts.add(String.valueOf(entry)));
                return texts;
              }
              m.removeIfPresent(owner, entries)
                  .onFailure(
                      e -> LOG.log(Level.FINE, "could not drop " + owner + "'s callbacks", e));
              return List.of();
            });
  }
}
