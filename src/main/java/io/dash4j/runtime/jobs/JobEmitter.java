package io.dash4j.runtime.jobs;

import io.dash4j.protocol.JsonWriter;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's writer to the job store: {@code setProgress} and {@code setProps} from the user's thread
 * never wait for the store. They fill a buffer (the latest progress only; {@code setProps} in
 * order, consecutive calls for one component merged) that the worker's context writes with one
 * {@code emit} at a time, the next carrying whatever accumulated meanwhile. While the store is away
 * the buffer is retried with backoff and stays bounded: progress overwrites, and {@code setProps}
 * for a component already pending merge into it.
 */
final class JobEmitter {
  private static final long MAX_BACKOFF_MILLIS = 2_000;

  private final JobStore store;
  private final Context context;
  private final String jobId;
  private final String token;
  private final Runnable fenced;

  // guarded by this
  private Object[] progress;
  private final List<Map.Entry<String, Map<String, Object>>> updates = new ArrayList<>();
  private boolean scheduled;
  // on the context only
  private boolean inFlight;
  private long backoffMillis;
  private final List<Promise<Void>> drained = new ArrayList<>();

  /**
   * @param fenced called on the context when the store refused a write: the run no longer holds the
   *     job
   */
  JobEmitter(JobStore store, Context context, String jobId, String token, Runnable fenced) {
    this.store = store;
    this.context = context;
    this.jobId = jobId;
    this.token = token;
    this.fenced = fenced;
  }

  void setProgress(Object... values) {
    synchronized (this) {
      progress = values.clone();
    }
    schedule();
  }

  void setProps(String stringifiedId, Map<String, ?> props) {
    synchronized (this) {
      var last = updates.isEmpty() ? null : updates.get(updates.size() - 1);
      if (last != null && last.getKey().equals(stringifiedId)) {
        last.getValue().putAll(props);
      } else {
        updates.add(Map.entry(stringifiedId, new LinkedHashMap<>(props)));
      }
    }
    schedule();
  }

  /** Completes (on the context) once everything buffered so far reached the store. */
  Future<Void> drain() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(
        v -> {
          drained.add(done);
          flush();
        });
    return done.future();
  }

  private void schedule() {
    synchronized (this) {
      if (scheduled) {
        return;
      }
      scheduled = true;
    }
    context.runOnContext(v -> flush());
  }

  private void flush() {
    if (inFlight) {
      return; // the write in flight flushes again when it ends
    }
    Object[] pendingProgress;
    List<Map.Entry<String, Map<String, Object>>> pendingEntries;
    synchronized (this) {
      scheduled = false;
      pendingProgress = progress;
      progress = null;
      pendingEntries = new ArrayList<>(updates);
      updates.clear();
    }
    if (pendingProgress == null && pendingEntries.isEmpty()) {
      drained.forEach(Promise::tryComplete);
      drained.clear();
      return;
    }
    inFlight = true;
    var pendingUpdates = new ArrayList<String>(pendingEntries.size());
    for (var update : pendingEntries) {
      pendingUpdates.add(JsonWriter.toJson(Map.of(update.getKey(), update.getValue())));
    }
    String progressJson =
        pendingProgress == null ? null : JsonWriter.toJson(Arrays.asList(pendingProgress));
    store
        .emit(jobId, token, progressJson, pendingUpdates)
        .onComplete(
            written -> {
              inFlight = false;
              if (written.succeeded() && written.result() < 0) {
                drained.forEach(p -> p.tryFail("the job is no longer held by this run"));
                drained.clear();
                fenced.run();
              } else if (written.succeeded()) {
                backoffMillis = 0;
                flush();
              } else {
                putBack(pendingProgress, pendingEntries);
                backoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(100, backoffMillis * 2));
                context.owner().setTimer(backoffMillis, t -> flush());
              }
            });
  }

  /** A write that failed goes back in front of what came since, newer progress winning. */
  private void putBack(
      Object[] pendingProgress, List<Map.Entry<String, Map<String, Object>>> pendingEntries) {
    synchronized (this) {
      if (progress == null) {
        progress = pendingProgress;
      }
      updates.addAll(0, pendingEntries);
    }
  }
}
