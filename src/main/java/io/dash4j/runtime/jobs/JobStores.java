package io.dash4j.runtime.jobs;

import io.dash4j.DashConfig;
import io.dash4j.JobsConfig;
import io.dash4j.model.AppModel;
import io.dash4j.model.CallbackSpec;
import io.dash4j.model.ServerCallbackSpec;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The job store the config names. */
final class JobStores {
  private JobStores() {}

  static JobStore create(Vertx vertx, DashConfig config, AppModel model) {
    var jobs = config.jobs();
    String namespace =
        jobs.namespace() != null ? jobs.namespace() : defaultNamespace(config, model);
    if (jobs.store() == JobsConfig.Store.REDIS) {
      return new RedisJobStore(vertx, namespace, jobs);
    }
    return new EmbeddedJobStore(vertx, namespace, jobs);
  }

  /**
   * The app's title and a digest of its background callbacks' output keys: the processes of one app
   * share it, while another app on the same Redis (even one with the same title) gets its own, so
   * no worker ever claims a job it has no callback for.
   */
  static String defaultNamespace(DashConfig config, AppModel model) {
    String title = config.title().replaceAll("[^A-Za-z0-9._-]", "-");
    var keys =
        model.callbacks().stream()
            .filter(ServerCallbackSpec::isBackground)
            .map(CallbackSpec::outputKey)
            .sorted()
            .toList();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(String.join("\n", keys).getBytes(StandardCharsets.UTF_8));
      String app = HexFormat.of().formatHex(digest, 0, 6);
      return title.substring(0, Math.min(48, title.length())) + "-" + app;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
