package io.dash4j.runtime.jobs;

import io.dash4j.DashConfig;
import io.dash4j.model.AppModel;
import io.dash4j.model.ServerCallbackSpec;
import io.dash4j.runtime.jobs.JobStore.Claim;
import io.dash4j.runtime.jobs.JobStore.Outcome;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One member of the pool of job workers: runs at most one job at a time. When idle it claims from
 * the store on start, when told jobs are waiting, after each job and every {@code claimPoll}; a
 * busy worker claims nothing, so a saturated pool leaves jobs queued in the store and starts no
 * thread. While it runs a job it renews the job's lease every third of the lease; it stops the run
 * (flag, interrupt, nothing more written) when the job is cancelled, a renewal is refused, or its
 * own view of the lease runs out, which ends before the store's, so no second run starts while this
 * one may still write.
 */
public final class JobWorkerVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(JobWorkerVerticle.class.getName());

  private final JobStore store;
  private final JobWorkers pool;
  private final AppModel model;
  private final ExecutorService jobThreads;
  private final String workerId;
  private final boolean debug;
  private final long leaseMillis;
  private final long claimPollMillis;
  private final long defaultCacheTtlMillis;
  private final long cancelGraceMillis;

  // on this verticle's context only
  private boolean claiming;
  private Current current;
  private long pollTimer = -1;
  private boolean stopped;

  /** The job this worker runs, and what it needs to stop it. */
  private final class Current {
    final Claim claim;
    final JobRun run;
    final JobEmitter emitter;
    final ServerCallbackSpec callback;
    long leaseGoodUntil; // nanoTime: this run's own, earlier end of the lease
    long renewTimer = -1;
    boolean stopping;

    Current(Claim claim, ServerCallbackSpec callback, JobRun run, JobEmitter emitter) {
      this.claim = claim;
      this.callback = callback;
      this.run = run;
      this.emitter = emitter;
    }
  }

  JobWorkerVerticle(
      JobStore store,
      JobWorkers pool,
      AppModel model,
      DashConfig config,
      ExecutorService jobThreads,
      String workerId) {
    this.store = store;
    this.pool = pool;
    this.model = model;
    this.jobThreads = jobThreads;
    this.workerId = workerId;
    this.debug = config.debug();
    var jobs = config.jobs();
    this.leaseMillis = jobs.lease().toMillis();
    this.claimPollMillis = jobs.claimPoll().toMillis();
    this.defaultCacheTtlMillis = jobs.cacheTtl().toMillis();
    this.cancelGraceMillis = jobs.cancelGrace().toMillis();
  }

  @Override
  public Future<?> start() {
    pool.add(this);
    pollTimer = vertx.setPeriodic(claimPollMillis, t -> claimIfIdle());
    claimIfIdle();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    pool.remove(this);
    vertx.cancelTimer(pollTimer);
    if (current != null) {
      stopRun(current, "the server is stopping");
    }
    return Future.succeededFuture();
  }

  /** Jobs may be waiting (any thread). */
  void wake() {
    context.runOnContext(v -> claimIfIdle());
  }

  /** A job was cancelled (any thread): stop it if it is this worker's. */
  void cancelled(String jobId) {
    context.runOnContext(
        v -> {
          if (current != null && current.claim.jobId().equals(jobId)) {
            stopRun(current, "cancelled");
          }
        });
  }

  private void claimIfIdle() {
    if (current != null || claiming || stopped) {
      return;
    }
    claiming = true;
    store
        .claim(workerId)
        .onComplete(
            claimed -> {
              claiming = false;
              if (claimed.failed()) {
                LOG.log(Level.FINE, "claim failed; the store may be away", claimed.cause());
              } else if (claimed.result() != null) {
                begin(claimed.result());
              }
            });
  }

  private void begin(Claim claim) {
    if (stopped) {
      return; // the lease runs out and another worker takes the job
    }
    var callback =
        model.callbacks().stream()
            .filter(c -> c.isBackground() && c.outputKey().equals(claim.callback()))
            .findFirst()
            .orElse(null);
    long claimedAt = System.nanoTime();
    if (callback == null) {
      // a job of an app this process does not serve (another version of the app on this store)
      finish(
          claim,
          null,
          JobOutcomes.failure(
              new IllegalStateException(
                  "this worker has no background callback "
                      + claim.callback()
                      + ": the app's processes must all run the same callbacks")));
      return;
    }
    var holder = new Current[1];
    var emitter =
        new JobEmitter(
            store, context, claim.jobId(), claim.token(), () -> stopRun(holder[0], "fenced"));
    var run = new JobRun(callback, model, debug, claim.request(), emitter);
    var job = new Current(claim, callback, run, emitter);
    holder[0] = job;
    current = job;
    job.leaseGoodUntil = claimedAt + ownLeaseNanos();
    job.renewTimer = vertx.setPeriodic(Math.max(1, leaseMillis / 3), t -> renew(job));
    try {
      jobThreads.execute(
          () -> {
            Outcome outcome;
            try {
              outcome = run.call();
            } catch (RuntimeException | Error unexpected) {
              LOG.log(Level.SEVERE, "job of " + callback.describe() + " failed", unexpected);
              outcome = JobOutcomes.failure(unexpected);
            }
            Outcome result = outcome;
            context.runOnContext(v -> ended(job, result));
          });
    } catch (RejectedExecutionException shuttingDown) {
      vertx.cancelTimer(job.renewTimer);
      current = null;
    }
  }

  /** The run's view of its lease ends a sixth before the store's: it stops first. */
  private long ownLeaseNanos() {
    return TimeUnit.MILLISECONDS.toNanos(leaseMillis - leaseMillis / 6);
  }

  private void renew(Current job) {
    if (job != current || job.stopping) {
      return;
    }
    if (System.nanoTime() - job.leaseGoodUntil > 0) {
      stopRun(job, "its lease ran out before a renewal got through");
      return;
    }
    long sentAt = System.nanoTime();
    store
        .renew(job.claim.jobId(), job.claim.token())
        .onComplete(
            renewed -> {
              if (renewed.succeeded() && renewed.result()) {
                job.leaseGoodUntil = sentAt + ownLeaseNanos();
              } else if (renewed.succeeded()) {
                stopRun(job, "the store no longer gives it the job");
              } // a failed renewal is retried at the next tick; the lease check above bounds it
            });
  }

  /**
   * Stops a run: it may write nothing more, its thread is interrupted, and this worker takes new
   * jobs once the thread returns.
   */
  private void stopRun(Current job, String why) {
    if (job == null || job.stopping) {
      return;
    }
    job.stopping = true;
    LOG.log(Level.FINE, "stopping job {0}: {1}", new Object[] {job.claim.jobId(), why});
    job.run.stop(); // interrupts its thread; a run that had not started returns at once
    vertx.cancelTimer(job.renewTimer);
    vertx.setTimer(
        cancelGraceMillis,
        t -> {
          if (current == job) {
            LOG.warning(
                "a stopped job of "
                    + job.callback.describe()
                    + " still runs after "
                    + cancelGraceMillis
                    + " ms: it ignores interrupts, and keeps this worker busy");
          }
        });
  }

  /** The run returned (on this context). */
  private void ended(Current job, Outcome outcome) {
    vertx.cancelTimer(job.renewTimer);
    if (job.stopping || outcome == null) {
      current = null;
      claimIfIdle();
      return;
    }
    job.emitter
        .drain()
        .onComplete(
            drained -> {
              if (drained.failed() || job.stopping) {
                current = null;
                claimIfIdle();
              } else {
                finish(job.claim, job.callback, outcome);
              }
            });
  }

  private void finish(Claim claim, ServerCallbackSpec callback, Outcome outcome) {
    long cacheTtl = -1;
    if (callback != null && claim.cacheKey() != null) {
      var expire = callback.options().cacheExpire();
      cacheTtl = expire != null ? expire.toMillis() : defaultCacheTtlMillis;
    }
    complete(claim, outcome, cacheTtl, 0);
  }

  /** Writes the outcome, retrying while the store is away; the lease bounds how long. */
  private void complete(Claim claim, Outcome outcome, long cacheTtl, int attempt) {
    store
        .complete(claim.jobId(), claim.token(), outcome, claim.cacheKey(), cacheTtl)
        .onComplete(
            written -> {
              if (written.failed() && attempt < 20 && !stopped) {
                vertx.setTimer(
                    Math.min(2_000, 100L << Math.min(attempt, 4)),
                    t -> complete(claim, outcome, cacheTtl, attempt + 1));
                return;
              }
              if (written.failed()) {
                LOG.log(
                    Level.WARNING,
                    "could not write the outcome of job " + claim.jobId() + "; it will run again",
                    written.cause());
              }
              current = null;
              claimIfIdle();
            });
  }
}
