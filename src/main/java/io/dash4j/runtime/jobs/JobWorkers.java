package io.dash4j.runtime.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The worker verticles of one process, told once by the store when jobs may be waiting or one was
 * cancelled, so the store's notifications are registered once however large the pool.
 */
final class JobWorkers {
  private final List<JobWorkerVerticle> workers = new CopyOnWriteArrayList<>();

  JobWorkers(JobStore store) {
    store.onWake(() -> workers.forEach(JobWorkerVerticle::wake));
    store.onCancel(jobId -> workers.forEach(w -> w.cancelled(jobId)));
  }

  void add(JobWorkerVerticle worker) {
    workers.add(worker);
  }

  void remove(JobWorkerVerticle worker) {
    workers.remove(worker);
  }
}
