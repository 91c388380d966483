package io.dash4j.runtime.jobs;

import io.dash4j.JobsConfig;
import io.vertx.core.Vertx;
import java.util.concurrent.atomic.AtomicInteger;

/** The job store contract on a plain Vert.x's shared data. */
class EmbeddedJobStoreTest extends JobStoreContract {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  @Override
  protected JobStore newStore(Vertx vertx, JobsConfig config) {
    return new EmbeddedJobStore(vertx, "test-" + NAMESPACES.incrementAndGet(), config);
  }
}
