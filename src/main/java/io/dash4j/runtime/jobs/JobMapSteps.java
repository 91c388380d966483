package io.dash4j.runtime.jobs;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.AsyncMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * How the embedded store touches its map: each step sees a {@link JobMap} at one instant, under the
 * store's lock when it writes (Vert.x shared data's lock of the map's name: a local one, or
 * Hazelcast's under a cluster), and fails after the store's timeout.
 */
final class JobMapSteps {
  private final Vertx vertx;
  private final String name;
  private final long timeoutMillis;
  private volatile AsyncMap<String, String> map;

  JobMapSteps(Vertx vertx, String name, long timeoutMillis) {
    this.vertx = vertx;
    this.name = name;
    this.timeoutMillis = timeoutMillis;
  }

  /** Opens the map (cluster-wide under a cluster). */
  Future<Void> start() {
    return vertx
        .sharedData()
        .<String, String>getAsyncMap(name)
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .onSuccess(asyncMap -> map = asyncMap)
        .mapEmpty();
  }

  /**
   * Runs one step under the store's lock, on the caller's context, failing after the store's
   * timeout whether the lock or the map was slow.
   */
  <T> Future<T> locked(Function<JobMap, Future<T>> step) {
    AsyncMap<String, String> asyncMap = map;
    if (asyncMap == null) {
      return notStarted();
    }
    return vertx
        .sharedData()
        .withLock(name, timeoutMillis, () -> onFreshStack(step, asyncMap))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts a locked step as a task of its own. A local lock hands itself to the next waiter inside
   * {@code release()}, on the releasing thread when the waiter's context shares it, and a local map
   * completes at once: without the hop, a queue of waiters runs as one recursion and overflows the
   * stack (seen with 2000 creates in flight), losing the lock for good.
   */
  private <T> Future<T> onFreshStack(
      Function<JobMap, Future<T>> step, AsyncMap<String, String> asyncMap) {
    Promise<T> done = Promise.promise();
    vertx
        .getOrCreateContext()
        .runOnContext(
            v -> {
              try {
                step.apply(new JobMap(asyncMap, System.currentTimeMillis())).onComplete(done);
              } catch (RuntimeException e) {
                done.fail(e); // the lock is released only when this future completes
              }
            });
    return done.future();
  }

  /** Runs a step that reads one entry: it needs no lock. */
  <T> Future<T> unlocked(Function<JobMap, Future<T>> step) {
    AsyncMap<String, String> asyncMap = map;
    if (asyncMap == null) {
      return notStarted();
    }
    return step.apply(new JobMap(asyncMap, System.currentTimeMillis()))
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private static <T> Future<T> notStarted() {
    return Future.failedFuture(new IllegalStateException("the job store was not started"));
  }
}
