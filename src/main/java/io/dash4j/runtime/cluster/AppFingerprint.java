package io.dash4j.runtime.cluster;

import io.dash4j.model.AppModel;
import io.dash4j.model.TopicSpec;
import io.dash4j.protocol.JsonWriter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a node's app is, as far as the other nodes care: the digest of its callbacks as the renderer
 * sees them ({@code _dash-dependencies}) and of its topics. Every node of a cluster must serve the
 * same app, since a page's request may reach any of them and any node's callback verticle may
 * answer it; the first node to start records its app in the cluster's map ({@value #MAP}), and a
 * node whose app differs refuses to start, with a message saying both, rather than fail at call
 * time.
 *
 * <p>Callbacks that a dynamic creator registers while the app runs do not count: they differ from
 * node to node by nature.
 */
public final class AppFingerprint {
  /** The cluster-wide map that holds the cluster's app. */
  static final String MAP = "dash4j.cluster";

  private static final String KEY = "app";

  private AppFingerprint() {}

  /**
   * Records this node's app as the cluster's, or checks it against the one recorded; outside a
   * cluster, succeeds at once.
   *
   * @param appName how to name the app in a refusal (its class)
   * @return failed, with a one-line reason, when the cluster serves another app
   */
  public static Future<Void> join(Vertx vertx, String appName, AppModel model) {
    if (!vertx.isClustered()) {
      return Future.succeededFuture();
    }
    String mine = describe(appName, model);
    return vertx
        .sharedData()
        .<String, String>getAsyncMap(MAP)
        .compose(map -> map.putIfAbsent(KEY, mine))
        .compose(
            theirs ->
                theirs == null || digestOf(theirs).equals(digestOf(mine))
                    ? Future.succeededFuture()
                    : Future.failedFuture(
                        new IllegalStateException(
                            "this node's app ("
                                + mine
                                + ") differs from the one the cluster serves ("
                                + theirs
                                + "): every node must run the same app; give another app, or a"
                                + " new version of it, a cluster of its own (Hazelcast's"
                                + " cluster-name)")));
  }

  /** {@code <digest> <app name>, <n> callbacks, <m> topics}: the digest first, for comparison. */
  static String describe(String appName, AppModel model) {
    List<String> topics = model.topics().all().stream().map(TopicSpec::name).sorted().toList();
    String digest = digest(JsonWriter.toJson(List.of(model.dependencies(), topics)));
    return digest
        + " "
        + appName
        + ", "
        + model.callbackCount()
        + " callbacks, "
        + topics.size()
        + " topics";
  }

  private static String digestOf(String description) {
    int space = description.indexOf(' ');
    return space < 0 ? description : description.substring(0, space);
  }

  private static String digest(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }
}
