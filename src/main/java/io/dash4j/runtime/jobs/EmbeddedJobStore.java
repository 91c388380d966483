package io.dash4j.runtime.jobs;

import io.dash4j.JobsConfig;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The job store in Vert.x shared data: one {@link AsyncMap} {@code dash4j.jobs.<ns>} and one lock
 * of that name (a local map and lock in a plain Vert.x, Hazelcast's under a cluster, where the lock
 * is released when its holder dies). Each operation takes the lock for its whole read-modify-write
 * and does the steps of the Redis script of the same name (design §3.5) in Java; notifications are
 * event-bus publishes on {@code dash4j.jobs.<ns>.wake}, {@code .cancel} and {@code .notify}.
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
  private final String notifyAddress;
  private final long leaseMillis;
  private final int maxAttempts;
  private final long resultTtlMillis;
  private final long maxJobAgeMillis;
  private final long timeoutMillis;
  private final String diedOutcome;
  private final List<MessageConsumer<String>> consumers = new CopyOnWriteArrayList<>();
  private volatile AsyncMap<String, String> map;

  /** A store for the jobs of {@code namespace}; {@link #start()} before use. */
  public EmbeddedJobStore(Vertx vertx, String namespace, JobsConfig config) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.name = "dash4j.jobs." + Objects.requireNonNull(namespace, "namespace");
    this.wakeAddress = name + ".wake";
    this.cancelAddress = name + ".cancel";
    this.notifyAddress = name + ".notify";
    this.leaseMillis = config.lease().toMillis();
    this.maxAttempts = config.maxAttempts();
    this.resultTtlMillis = config.resultTtl().toMillis();
    this.maxJobAgeMillis = config.maxJobAge().toMillis();
    this.timeoutMillis = config.storeTimeout().toMillis();
    this.diedOutcome = JobOutcomes.workerStopped(maxAttempts).json();
  }

  @Override
  public Future<Void> start() {
    return vertx
        .sharedData()
        .<String, String>getAsyncMap(name)
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .onSuccess(asyncMap -> map = asyncMap)
        .mapEmpty();
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
    return locked(
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
      return unlocked(m -> m.cached(cacheKey));
    }
    return locked(
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
    return locked(
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
                      if (job.containsKey("infl")) {
                        if (job.getLong("inflx") > m.now) {
                          return Future.succeededFuture(Taken.pushing(state));
                        }
                        // the push's acknowledgement never came: this poll delivers, and polls
                        // alone from now on
                        endPush(job).put("push", "");
                      }
                      String progress =
                          job.getLong("pseq") > job.getLong("ack") ? job.getString("prog") : null;
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
                                                  strings(events),
                                                  outcome,
                                                  job.getBoolean("rd", false),
                                                  Taken.Kind.FOUND)));
                    }));
  }

  @Override
  public Future<CancelResult> cancel(
      String jobId, String pageId, Set<String> callbacks, String outHash) {
    return locked(
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
    return locked(m -> m.ready().compose(ready -> claimNext(m, ready, workerId)));
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
    return locked(
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
    return locked(
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
                                notifyPage(jobId, job);
                                return count;
                              });
                    }));
  }

  @Override
  public Future<Boolean> complete(
      String jobId, String token, Outcome outcome, String cacheKey, long cacheTtlMillis) {
    return locked(
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
                                  notifyPage(jobId, job);
                                }
                                return true;
                              });
                    }));
  }

  @Override
  public Future<Integer> requeueExpired(int max) {
    return locked(
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
    return locked(
        m ->
            m.job(jobId)
                .compose(
                    job -> {
                      if (job == null || job.getString("push").isEmpty()) {
                        return Future.succeededFuture(null);
                      }
                      if (job.containsKey("infl")) {
                        if (job.getLong("inflx") > m.now) {
                          return Future.succeededFuture(null); // one push at a time
                        }
                        endPush(job).put("push", ""); // its ack never came: poll-only from now
                        return m.putJob(jobId, job).map(v -> null);
                      }
                      String progress =
                          job.getLong("pseq") > job.getLong("ack") ? job.getString("prog") : null;
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
                                                strings(events),
                                                outcome,
                                                request));
                              });
                    }));
  }

  @Override
  public Future<Boolean> commitPush(String jobId, long upTo) {
    return locked(
        m ->
            m.job(jobId)
                .compose(
                    job -> {
                      if (job == null || job.getLong("infl", -1L) != upTo) {
                        return Future.succeededFuture(false);
                      }
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
                                var rest =
                                    new JsonArray(
                                        events.getList().subList(delivered, events.size()));
                                return m.putEvents(jobId, job, rest);
                              })
                          .compose(v -> m.putJob(jobId, job))
                          .map(true);
                    }));
  }

  @Override
  public Future<Void> abortPush(String jobId, long upTo) {
    return locked(
        m ->
            m.job(jobId)
                .compose(
                    job -> {
                      if (job == null || job.getLong("infl", -1L) != upTo) {
                        return Future.succeededFuture();
                      }
                      endPush(job).put("push", "");
                      return m.putJob(jobId, job);
                    }));
  }

  @Override
  public void onNotify(BiConsumer<String, String> notified) {
    consumers.add(
        vertx
            .eventBus()
            .<String>consumer(
                notifyAddress,
                message -> {
                  String body = message.body();
                  int space = body.indexOf(' ');
                  notified.accept(body.substring(0, space), body.substring(space + 1));
                }));
  }

  /** Tells the door holding the job's page that it has something new, when it has a target. */
  private void notifyPage(String jobId, JsonObject job) {
    String target = job.getString("push");
    if (!target.isEmpty()) {
      vertx.eventBus().publish(notifyAddress, jobId + " " + target);
    }
  }

  /** Forgets the push in flight. */
  private static JsonObject endPush(JsonObject job) {
    job.remove("infl");
    job.remove("inflx");
    job.remove("infn");
    job.remove("inflr");
    return job;
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

  /**
   * Runs one step under the store's lock, on the caller's context, failing after the store's
   * timeout whether the lock or the map was slow.
   */
  private <T> Future<T> locked(Function<JobMap, Future<T>> step) {
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
  private <T> Future<T> unlocked(Function<JobMap, Future<T>> step) {
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

  private static boolean holds(JsonObject job, String token) {
    return job != null && RUNNING.equals(job.getString("st")) && token.equals(job.getString("tok"));
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  private static List<String> strings(JsonArray array) {
    List<String> strings = new ArrayList<>(array.size());
    array.forEach(value -> strings.add((String) value));
    return strings;
  }
}
