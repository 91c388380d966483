package io.dash4j.testing;

import io.dash4j.JobsConfig;
import java.util.List;

/**
 * The job stores background-callback tests run against, each scenario once per store:
 * {@code @MethodSource("io.dash4j.testing.JobStoreKind#stores")}.
 */
public enum JobStoreKind {
  /** Vert.x shared data in the server's process. */
  EMBEDDED(JobsConfig.Store.EMBEDDED),
  /** A real redis-server the test class starts on a free port. */
  REDIS(JobsConfig.Store.REDIS);

  private final JobsConfig.Store store;

  JobStoreKind(JobsConfig.Store store) {
    this.store = store;
  }

  /** The config's name for it. */
  public JobsConfig.Store store() {
    return store;
  }

  /** The stores every scenario runs against. */
  public static List<JobStoreKind> stores() {
    return List.of(EMBEDDED, REDIS);
  }
}
