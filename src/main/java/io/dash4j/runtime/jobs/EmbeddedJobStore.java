package io.dash4j.runtime.jobs;

import io.dash4j.JobsConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The job store in Vert.x shared data: one {@link AsyncMap} {@code dash4j.jobs.<ns>} and one lock
 * of that name (a local map and lock in a plain Vert.x, Hazelcast's under a cluster, where the lock
 * is released when its holder dies). Each operation takes the lock for its whole read-modify-write
 * ({@link JobMapSteps}) and does the steps of the Redis script of the same name (design §3.5) in
 * Java, the pushes' in {@link EmbeddedPushes}; notifications are event-bus publishes on {@code
 * dash4j.jobs.<ns>.wake}, {@code .cancel} and {@code .notify}.
 *
 * <p>Time is this node's clock: cluster members' clocks are assumed within {@code lease/6}. One
 * lock for every job is slower than Redis's scripts under load; a lock per job for {@code
 * emit/take/renew} is the next step if the bench asks for it.
 */
public final class EmbeddedJobStore implements JobStore {
  private static final String RUNNING = "running";
  private static final String QUEUED = "queued";

  private final Vertx vertx;
  private final String name;
  private final String wakeAddress;
  private final String cancelAddress;
  private final long leaseMillis;
  private final int maxAttempts;
  private final long resultTtlMillis;
  private final long maxJobAgeMillis;
  private final long timeoutMillis;
  private final String diedOutcome;
  private final List<MessageConsumer<String>> consumers = new CopyOnWriteArrayList<>();
  private final JobMapSteps steps;
  private final EmbeddedPushes pushes;

  /** A store for the jobs of {@code namespace}; {@link #start()} before use. */
  public EmbeddedJobStore(Vertx vertx, String namespace, JobsConfig config) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.name = "dash4j.jobs." + Objects.requireNonNull(namespace, "namespace");
    this.wakeAddress = name + ".wake";
    this.cancelAddress = name + ".cancel";
    this.leaseMillis = config.lease().toMillis();
    this.maxAttempts = config.maxAttempts();
    this.resultTtlMillis = config.resultTtl().toMillis();
    this.maxJobAgeMillis = config.maxJobAge().toMillis();
    this.timeoutMillis = config.storeTimeout().toMillis();
    this.diedOutcome = JobOutcomes.workerStopped(maxAttempts).json();
    this.steps = new JobMapSteps(vertx, name, timeoutMillis);
    this.pushes = new EmbeddedPushes(vertx, steps, name + ".notify");
  }

  @Override
  public Future<Void> start() {
    return steps.start();
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> unregistered = new ArrayList<>();
    consumers.forEach(consumer -> unregistered.add(consumer.unregister()));
    consumers.clear();
    return Future.all(unregistered).mapEmpty();
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Future<Boolean> create(NewJob job) {
    return steps.locked(
        m ->
            m.job(job.id())
                .compose(
                    existing -> {
                      if (existing != null) {
                        return Future.succeededFuture(false);
                      }
                      JsonObject record =
                          new JsonObject()
                              .put("cb", job.callback())
                              .put("page", job.pageId())
                              .put("ck", orEmpty(job.cacheKey()))
                              .put("push", orEmpty(job.pushTarget()))
                              .put("out", orEmpty(job.outHash()))
                              .put("st", QUEUED)
                              .put("att", 0)
                              .put("seq", 0L)
                              .put("ack", 0L)
                              .put("pseq", 0L)
                              .put("created", m.now)
                              .put("polled", m.now)
                              .put("exp", m.now + maxJobAgeMillis);
                      return m.putJob(job.id(), record)
                          .compose(v -> m.putRequest(job.id(), record, job.request()))
                          .compose(v -> m.ready())
                          .compose(ready -> m.ready(ready.add(job.id())))
                          .map(
                              v -> {
                                vertx.eventBus().publish(wakeAddress, "");
                                return true;
                              });
                    }));
  }

  @Override
  public Future<String> cached(String cacheKey, long touchTtlMillis) {
    if (touchTtlMillis <= 0) {
      return steps.unlocked(m -> m.cached(cacheKey));
    }
    return steps.locked(
        m ->
            m.cached(cacheKey)
                .compose(
                    value ->
                        value == null
                            ? Future.succeededFuture(null)
                            : m.cache(cacheKey, value, touchTtlMillis).map(value)));
  }

  @Override
  public Future<Taken> take(String jobId, String pageId, String callback) {
    return steps.locked(
        m ->
            m.job(jobId)
                .compose(
                    job -> {
                      if (job == null) {
                        return Future.succeededFuture(Taken.gone());
                      }
                      if (!job.getString("page").equals(pageId)
                          || !job.getString("cb").equals(callback)) {
                        return Future.succeededFuture(Taken.foreign());
                      }
                      String state = job.getString("st");
                      if (EmbeddedPushes.awaitingAck(job, m.now)) {
                        return Future.succeededFuture(Taken.pushing(state));
                      }
                      String progress = EmbeddedPushes.undeliveredProgress(job);
                      String outcome =
                          QUEUED.equals(state) || RUNNING.equals(state)
                              ? null
                              : job.getString("res");
                      job.put("polled", m.now).put("ack", job.getLong("seq"));
                      return m.events(jobId)
                          .compose(
                              events ->
                                  m.clearEvents(jobId)
                                      .compose(v -> m.putJob(jobId, job))
                                      .map(
                                          v ->
                                              new Taken(
                                                  state,
                                                  progress,
                                                  JobMap.strings(events),
                                                  outcome,
                                                  job.getBoolean("rd", false),
                                                  Taken.Kind.FOUND)));
                    }));
  }

  @Override
  public Future<CancelResult> cancel(
      String jobId, String pageId, Set<String> callbacks, String outHash) {
    return steps.locked(
        m ->
            m.job(jobId)
                .compose(
                    job -> {
                      if (job == null) {
                        return Future.succeededFuture(CancelResult.NOTHING);
                      }
                      if (!job.getString("page").equals(pageId)
                          || !callbacks.contains(job.getString("cb"))) {
                        return Future.succeededFuture(CancelResult.FOREIGN);
                      }
                      if (outHash != null
                          && !outHash.isEmpty()
                          && !outHash.equals(job.getString("out"))) {
                        return Future.succeededFuture(CancelResult.OTHER_OUTPUTS);
                      }
                      String state = job.getString("st");
                      Future<Void> dequeued;
                      if (QUEUED.equals(state)) {
                        dequeued =
                            m.ready()
                                .compose(
                                    ready -> {
                                      ready.getList().removeIf(jobId::equals);
                                      return m.ready(ready);
                                    });
                      } else if (RUNNING.equals(state)) {
                        dequeued =
                            m.leases()
                                .compose(
                                    leases -> {
                                      leases.remove(jobId);
                                      return m.leases(leases);
                                    });
                      } else {
                        return Future.succeededFuture(CancelResult.NOTHING);
                      }
                      job.put("st", "cancelled").remove("tok"); // fences the run at once
                      return dequeued
                          .compose(v -> m.expireJob(jobId, job, resultTtlMillis))
                          .map(
                              v -> {
                                if (RUNNING.equals(state)) {
                                  vertx.eventBus().publish(cancelAddress, jobId);
                                }
                                return CancelResult.CANCELLED;
                              });
                    }));
  }

  @Override
  public Future<Claim> claim(String workerId) {
    return steps.locked(m -> m.ready().compose(ready -> claimNext(m, ready, workerId)));
  }

  /** Pops ids until one is claimable; cancelled, expired and exhausted ones are dropped. */
  private Future<Claim> claimNext(JobMap m, JsonArray ready, String workerId) {
    if (ready.isEmpty()) {
      return m.ready(ready).map(v -> null);
    }
    String id = (String) ready.remove(0);
    return m.job(id)
        .compose(
            job -> {
              if (job == null || !QUEUED.equals(job.getString("st"))) {
                return claimNext(m, ready, workerId);
              }
              int attempt = job.getInteger("att") + 1;
              job.put("att", attempt);
              if (attempt > maxAttempts) {
                job.put("st", "error").put("res", diedOutcome);
                return m.putJob(id, job).compose(v -> claimNext(m, ready, workerId));
              }
              String token = attempt + ":" + workerId;
              job.put("st", RUNNING).put("tok", token);
              String cacheKey = job.getString("ck");
              return m.request(id)
                  .compose(
                      request -> {
                        Claim claim =
                            new Claim(
                                id,
                                token,
                                job.getString("cb"),
                                request,
                                cacheKey.isEmpty() ? null : cacheKey,
                                attempt);
                        return m.putJob(id, job)
                            .compose(v -> m.ready(ready))
                            .compose(v -> m.leases())
                            .compose(leases -> m.leases(leases.put(id, m.now + leaseMillis)))
                            .map(claim);
                      });
            });
  }

  @Override
  public Future<Boolean> renew(String jobId, String token) {
    return steps.locked(
        m ->
            m.job(jobId)
                .compose(
                    job -> {
                      if (!holds(job, token)) {
                        return Future.succeededFuture(false);
                      }
                      return m.leases()
                          .compose(leases -> m.leases(leases.put(jobId, m.now + leaseMillis)))
                          .map(true);
                    }));
  }

  @Override
  public Future<Long> emit(String jobId, String token, String progressJson, List<String> setProps) {
    return steps.locked(
        m ->
            m.job(jobId)
                .compose(
                    job -> {
                      if (!holds(job, token)) {
                        return Future.succeededFuture(-1L);
                      }
                      long seq = job.getLong("seq");
                      if (progressJson != null && !progressJson.isEmpty()) {
                        seq++;
                        job.put("prog", progressJson).put("pseq", seq);
                      }
                      seq += setProps.size();
                      job.put("seq", seq);
                      long count = seq;
                      return m.putJob(jobId, job)
                          .compose(v -> m.appendEvents(jobId, job, setProps))
                          .map(
                              v -> {
                                pushes.notifyPage(jobId, job);
                                return count;
                              });
                    }));
  }

  @Override
  public Future<Boolean> complete(
      String jobId, String token, Outcome outcome, String cacheKey, long cacheTtlMillis) {
    return steps.locked(
        m ->
            m.job(jobId)
                .compose(
                    job -> {
                      if (!holds(job, token)) {
                        return Future.succeededFuture(false);
                      }
                      job.put("st", outcome.error() ? "error" : "done").put("res", outcome.json());
                      boolean caches = !outcome.error() && cacheKey != null && cacheTtlMillis >= 0;
                      return m.leases()
                          .compose(
                              leases -> {
                                leases.remove(jobId);
                                return m.leases(leases);
                              })
                          .compose(v -> m.expireJob(jobId, job, resultTtlMillis))
                          .compose(
                              v ->
                                  caches
                                      ? m.cache(cacheKey, outcome.json(), cacheTtlMillis)
                                      : Future.<Void>succeededFuture())
                          .map(
                              v -> {
                                if (!outcome.error()) {
                                  pushes.notifyPage(jobId, job);
                                }
                                return true;
                              });
                    }));
  }

  @Override
  public Future<Integer> requeueExpired(int max) {
    return steps.locked(
        m ->
            m.leases()
                .compose(
                    leases -> {
                      List<String> expired =
                          leases.getMap().entrySet().stream()
                              .filter(e -> ((Number) e.getValue()).longValue() <= m.now)
                              .sorted(
                                  Comparator.comparingLong(
                                      (Map.Entry<String, Object> e) ->
                                          ((Number) e.getValue()).longValue()))
                              .limit(Math.max(0, max))
                              .map(Map.Entry::getKey)
                              .toList();
                      if (expired.isEmpty()) {
                        return Future.succeededFuture(0);
                      }
                      expired.forEach(leases::remove);
                      List<Future<JsonObject>> jobs = new ArrayList<>();
                      expired.forEach(id -> jobs.add(m.job(id)));
                      return Future.all(jobs)
                          .compose(v -> m.ready())
                          .compose(
                              ready -> {
                                List<Future<Void>> writes = new ArrayList<>();
                                for (int i = 0; i < expired.size(); i++) {
                                  JsonObject job = jobs.get(i).result();
                                  if (job != null && RUNNING.equals(job.getString("st"))) {
                                    job.put("st", QUEUED).remove("tok");
                                    writes.add(m.putJob(expired.get(i), job));
                                    // The front of the queue: claimed next, as Redis's RPUSH.
                                    ready.add(0, expired.get(i));
                                  }
                                }
                                writes.add(m.ready(ready));
                                writes.add(m.leases(leases));
                                return Future.all(writes);
                              })
                          .map(
                              v -> {
                                vertx.eventBus().publish(wakeAddress, "");
                                return expired.size();
                              });
                    }));
  }

  @Override
  public Future<Push> markPush(String jobId, long ackTimeoutMillis) {
    return pushes.mark(jobId, ackTimeoutMillis);
  }

  @Override
  public Future<Boolean> commitPush(String jobId, long upTo) {
    return pushes.commit(jobId, upTo);
  }

  @Override
  public Future<Void> abortPush(String jobId, long upTo) {
    return pushes.abort(jobId, upTo);
  }

  @Override
  public void onNotify(BiConsumer<String, String> notified) {
    consumers.add(pushes.onNotify(notified));
  }

  @Override
  public void onWake(Runnable wake) {
    consumers.add(vertx.eventBus().consumer(wakeAddress, message -> wake.run()));
  }

  @Override
  public void onCancel(Consumer<String> cancelled) {
    consumers.add(
        vertx
            .eventBus()
            .<String>consumer(cancelAddress, message -> cancelled.accept(message.body())));
  }

  private static boolean holds(JsonObject job, String token) {
    return job != null && RUNNING.equals(job.getString("st")) && token.equals(job.getString("tok"));
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }
}
