package io.dash4j.runtime.jobs;

import io.dash4j.DashConfig;
import io.dash4j.JobsConfig;
import io.vertx.core.Vertx;

/** The job store the config names. */
final class JobStores {
  private JobStores() {}

  static JobStore create(Vertx vertx, DashConfig config) {
    var jobs = config.jobs();
    String namespace = jobs.namespace() != null ? jobs.namespace() : defaultNamespace(config);
    if (jobs.store() == JobsConfig.Store.REDIS) {
      return new RedisJobStore(vertx, namespace, jobs);
    }
    return new EmbeddedJobStore(vertx, namespace, jobs);
  }

  /** The app's title, reduced to the characters a namespace may hold. */
  private static String defaultNamespace(DashConfig config) {
    String name = config.title().replaceAll("[^A-Za-z0-9._-]", "-");
    return name.isEmpty() ? "dash" : name.substring(0, Math.min(64, name.length()));
  }
}
