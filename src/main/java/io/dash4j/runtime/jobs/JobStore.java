package io.dash4j.runtime.jobs;

import io.vertx.core.Future;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where background jobs live: their records, the queue workers claim from, their pending updates
 * and the cached results. Every method is one atomic step of the store, completes on the caller's
 * context and fails after the store's timeout; a run's writes carry its fencing token and are
 * refused once the run no longer holds the job, so a late or zombie run can compute but never
 * publish.
 *
 * <p>States: {@code queued → running → done | error}; {@code queued | running → cancelled}; {@code
 * running → queued} when its lease expired; {@code queued → error} after {@code maxAttempts}
 * claims.
 */
public interface JobStore {
  /** Connects (Redis) or prepares; the store may start unavailable and become available later. */
  Future<Void> start();

  /** Releases the store's connections and timers. */
  Future<Void> close();

  /** Last known reachability, for fail-fast answers while the store is away. */
  boolean available();

  /** Stores a new job as {@code queued}, enqueues it and wakes idle workers; false if it exists. */
  Future<Boolean> create(NewJob job);

  /**
   * The cached result (outcome JSON) under {@code cacheKey}, or null; a hit refreshes its expiry to
   * {@code touchTtlMillis} when positive.
   */
  Future<String> cached(String cacheKey, long touchTtlMillis);

  /**
   * A poll: reads and clears the job's undelivered progress and updates, and reads its outcome when
   * final, in one step. {@link Taken#gone()} when the record expired; {@link Taken#foreign()} when
   * it belongs to another page or callback (nothing is touched then).
   */
  Future<Taken> take(String jobId, String pageId, String callback);

  /**
   * Cancels a queued or running job of {@code pageId} run by one of {@code callbacks}; with {@code
   * outHash} (a superseding run's outputs) only a job with the same outputs. A running job's holder
   * hears of it through {@link #onCancel} and its later writes are refused.
   */
  Future<CancelResult> cancel(String jobId, String pageId, Set<String> callbacks, String outHash);

  /** Claims the oldest queued job for {@code workerId} with a fresh lease, or null when none. */
  Future<Claim> claim(String workerId);

  /**
   * Extends the lease of a running job; false tells the holder to stop (cancelled, requeued, gone).
   */
  Future<Boolean> renew(String jobId, String token);

  /**
   * Records a run's latest progress (JSON, or null for none) and its {@code setProps} updates (each
   * {@code {"<stringified id>": {prop: value}}}), in order; the job's update count, or -1 when the
   * token no longer holds the job.
   */
  Future<Long> emit(String jobId, String token, String progressJson, List<String> setProps);

  /**
   * Ends a run with its outcome; a {@code done} outcome is also cached under {@code cacheKey} when
   * given ({@code cacheTtlMillis} 0: no expiry). False when the token no longer holds the job.
   */
  Future<Boolean> complete(
      String jobId, String token, Outcome outcome, String cacheKey, long cacheTtlMillis);

  /** Requeues up to {@code max} running jobs whose lease expired; how many were. */
  Future<Integer> requeueExpired(int max);

  /** Called (on any thread) when jobs may be waiting: created or requeued, here or elsewhere. */
  void onWake(Runnable wake);

  /** Called with a job id when that job was cancelled, so its holder stops the run at once. */
  void onCancel(Consumer<String> cancelled);

  /**
   * Takes what a job's page has not seen yet for a push through its socket (design §3.10): the
   * latest undelivered progress, the pending updates and, once the job is done with a value not yet
   * pushed, that value. Null when the job has no push target, a push is already in flight, or
   * nothing is new. Polls deliver nothing of the job while the push awaits its acknowledgement
   * ({@link Taken.Kind#PUSHING}), for at most {@code ackTimeoutMillis}; after that the job becomes
   * poll-only and the poll delivers everything.
   */
  Future<Push> markPush(String jobId, long ackTimeoutMillis);

  /**
   * The page acknowledged the push marked up to {@code upTo}: what it carried counts as delivered.
   * False when the push had timed out meanwhile (a poll may then have delivered it too).
   */
  Future<Boolean> commitPush(String jobId, long upTo);

  /** The push marked up to {@code upTo} did not reach the page: the job becomes poll-only. */
  Future<Void> abortPush(String jobId, long upTo);

  /**
   * Called with a job id and its push target (a renderer id) when a job with a push target has
   * something new for its page: progress, updates or its outcome.
   */
  void onNotify(BiConsumer<String, String> notified);

  /**
   * The message that tells door processes a job has news for its page: {@code "<jobId>
   * <pushTarget>"} (the Redis scripts publish the same text).
   */
  static String notice(String jobId, String pushTarget) {
    return jobId + " " + pushTarget;
  }

  /** Hands a {@link #notice} to {@code notified}; anything else is ignored. */
  static void heard(String notice, BiConsumer<String, String> notified) {
    int space = notice.indexOf(' ');
    if (space > 0) {
      notified.accept(notice.substring(0, space), notice.substring(space + 1));
    }
  }

  /** A job to store. */
  record NewJob(
      String id,
      String callback,
      String pageId,
      String cacheKey,
      String request,
      String pushTarget,
      String outHash) {}

  /**
   * A claimed job: its fencing token is presented on every write of this run.
   *
   * @param request the start request as stored (JSON)
   * @param cacheKey the cache key, or null when the callback does not cache
   */
  record Claim(
      String jobId, String token, String callback, String request, String cacheKey, int attempt) {}

  /**
   * What a push is to carry to the job's page.
   *
   * @param pageId the page load that started the job: the socket must be bound to it
   * @param target the renderer id the page registered on its socket
   * @param upTo the update count the push covers, to commit or abort it by
   * @param progress the latest undelivered progress (JSON), or null
   * @param updates the pending {@code setProps} updates, in order
   * @param outcome the job's value outcome when it is done and not yet pushed, else null (errors
   *     are never pushed: they reach the dev tools through the poll)
   * @param request the start request as stored, with an outcome (its outputs name the ids to set)
   */
  record Push(
      String pageId,
      String callback,
      String target,
      long upTo,
      String progress,
      List<String> updates,
      String outcome,
      String request) {}

  /** What a run ended with: a value, a PreventUpdate, or an error, as JSON (see JobOutcomes). */
  record Outcome(boolean error, String json) {}

  /**
   * What a poll took.
   *
   * @param state {@code queued, running, done, error, cancelled}; null when gone or foreign
   * @param progress the latest progress not yet delivered (JSON), or null
   * @param updates the {@code setProps} updates not yet delivered, in order
   * @param outcome the outcome JSON when final, else null
   * @param resultPushed whether the outcome already reached the page by a push: the poll then only
   *     ends the job on the page
   */
  record Taken(
      String state,
      String progress,
      List<String> updates,
      String outcome,
      boolean resultPushed,
      Kind kind) {
    /**
     * Whether the poll found the job, found it foreign, found nothing, or found a push awaiting its
     * acknowledgement (it delivers nothing then, so nothing reaches the page twice).
     */
    public enum Kind {
      FOUND,
      FOREIGN,
      GONE,
      PUSHING
    }

    public static Taken gone() {
      return new Taken(null, null, List.of(), null, false, Kind.GONE);
    }

    public static Taken foreign() {
      return new Taken(null, null, List.of(), null, false, Kind.FOREIGN);
    }

    /** A poll while a push awaits its acknowledgement. */
    public static Taken pushing(String state) {
      return new Taken(state, null, List.of(), null, false, Kind.PUSHING);
    }

    /** Whether the job ended: done, error or cancelled. */
    public boolean isFinal() {
      return kind == Kind.FOUND && !"queued".equals(state) && !"running".equals(state);
    }
  }

  /** What a cancel did. */
  enum CancelResult {
    CANCELLED,
    /** finished, expired or already cancelled: left alone */
    NOTHING,
    /** another page's job, or a callback the request may not cancel: nothing touched */
    FOREIGN,
    /** an {@code oldJob} of the same callback but other outputs (another MATCH id): left alone */
    OTHER_OUTPUTS
  }
}
