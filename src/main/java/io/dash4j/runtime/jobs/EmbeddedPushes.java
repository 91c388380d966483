package io.dash4j.runtime.jobs;

import io.dash4j.runtime.jobs.JobStore.Push;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The embedded store's side of pushes (design §3.10): marking what a push carries, settling it by
 * the page's answer, and the news that a job with a push target has something new. A push in flight
 * is the record's {@code infl} (the update count it covers), {@code inflx} (until when a poll waits
 * for its ack), {@code infn} (how many pending updates it carries) and {@code inflr} (whether it
 * carries the outcome); {@code rd} marks an outcome the page has.
 */
final class EmbeddedPushes {
  private final Vertx vertx;
  private final JobMapSteps steps;
  private final String notifyAddress;

  EmbeddedPushes(Vertx vertx, JobMapSteps steps, String notifyAddress) {
    this.vertx = vertx;
    this.steps = steps;
    this.notifyAddress = notifyAddress;
  }

  /** See {@link JobStore#markPush}. */
  Future<Push> mark(String jobId, long ackTimeoutMillis) {
    return steps.locked(
        m ->
            m.job(jobId)
                .compose(
                    job -> {
                      if (job == null || job.getString("push").isEmpty()) {
                        return Future.succeededFuture(null);
                      }
                      boolean hadPush = job.containsKey("infl");
                      if (awaitingAck(job, m.now)) {
                        return Future.succeededFuture(null); // one push at a time
                      }
                      if (hadPush) {
                        return m.putJob(jobId, job).map(v -> null); // now poll-only
                      }
                      String progress = undeliveredProgress(job);
                      String outcome =
                          "done".equals(job.getString("st")) && !job.getBoolean("rd", false)
                              ? job.getString("res")
                              : null;
                      return m.events(jobId)
                          .compose(
                              events -> {
                                if (progress == null && events.isEmpty() && outcome == null) {
                                  return Future.succeededFuture(null);
                                }
                                long upTo = job.getLong("seq");
                                job.put("infl", upTo)
                                    .put("inflx", m.now + ackTimeoutMillis)
                                    .put("infn", events.size())
                                    .put("inflr", outcome != null);
                                return m.putJob(jobId, job)
                                    .compose(
                                        v ->
                                            outcome == null
                                                ? Future.<String>succeededFuture()
                                                : m.request(jobId))
                                    .map(
                                        request ->
                                            new Push(
                                                job.getString("page"),
                                                job.getString("cb"),
                                                job.getString("push"),
                                                upTo,
                                                progress,
                                                JobMap.strings(events),
                                                outcome,
                                                request));
                              });
                    }));
  }

  /** See {@link JobStore#commitPush}. */
  Future<Boolean> commit(String jobId, long upTo) {
    return settling(
        jobId,
        upTo,
        false,
        (m, job) -> {
          int delivered = job.getInteger("infn");
          job.put("ack", Math.max(job.getLong("ack"), upTo));
          if (job.getBoolean("inflr")) {
            job.put("rd", true);
          }
          endPush(job);
          return m.events(jobId)
              .compose(
                  events -> {
                    // updates emitted during the push stay, after the ones it carried
                    var rest = new JsonArray(events.getList().subList(delivered, events.size()));
                    return m.putEvents(jobId, job, rest);
                  })
              .compose(v -> m.putJob(jobId, job))
              .map(true);
        });
  }

  /** See {@link JobStore#abortPush}. */
  Future<Void> abort(String jobId, long upTo) {
    return settling(jobId, upTo, null, (m, job) -> m.putJob(jobId, endPush(job).put("push", "")));
  }

  /**
   * Settles the push marked up to {@code upTo} with {@code step}, under the lock; {@code otherwise}
   * when that push is no longer in flight (its ack came too late: a poll took over).
   */
  private <T> Future<T> settling(
      String jobId, long upTo, T otherwise, BiFunction<JobMap, JsonObject, Future<T>> step) {
    return steps.locked(
        m ->
            m.job(jobId)
                .compose(
                    job ->
                        job == null || job.getLong("infl", -1L) != upTo
                            ? Future.succeededFuture(otherwise)
                            : step.apply(m, job)));
  }

  /** Listens for the news of jobs with a push target; the consumer, for the store to close. */
  MessageConsumer<String> onNotify(BiConsumer<String, String> notified) {
    return vertx
        .eventBus()
        .<String>consumer(notifyAddress, message -> JobStore.heard(message.body(), notified));
  }

  /** Tells the door holding the job's page that it has something new, when it has a target. */
  void notifyPage(String jobId, JsonObject job) {
    String target = job.getString("push");
    if (!target.isEmpty()) {
      vertx.eventBus().publish(notifyAddress, JobStore.notice(jobId, target));
    }
  }

  /**
   * Whether a push of {@code job} awaits its acknowledgement at {@code now}. A push whose ack did
   * not come in time is forgotten and the job made poll-only (the caller writes the record back),
   * so the next poll delivers everything.
   */
  static boolean awaitingAck(JsonObject job, long now) {
    if (!job.containsKey("infl")) {
      return false;
    }
    if (job.getLong("inflx") > now) {
      return true;
    }
    endPush(job).put("push", "");
    return false;
  }

  /** The latest progress the page has not had, or null. */
  static String undeliveredProgress(JsonObject job) {
    return job.getLong("pseq") > job.getLong("ack") ? job.getString("prog") : null;
  }

  /** Forgets the push in flight. */
  static JsonObject endPush(JsonObject job) {
    job.remove("infl");
    job.remove("inflx");
    job.remove("infn");
    job.remove("inflr");
    return job;
  }
}
