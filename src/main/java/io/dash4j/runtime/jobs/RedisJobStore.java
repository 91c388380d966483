package io.dash4j.runtime.jobs;

import io.dash4j.JobsConfig;
import io.dash4j.runtime.jobs.RedisScripts.Script;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.net.NetClientOptions;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The job store in Redis (design §3.5, §3.11): every key under {@code dash4j:{<namespace>}:}, one
 * hash tag so an app's keys share a slot; each operation one Lua script ({@link RedisScripts})
 * timed by Redis's clock; notifications on the channels {@code <prefix>wake}, {@code
 * <prefix>cancel} and {@code <prefix>notify}, heard through a {@link RedisSubscriber}. It behaves
 * as the {@link EmbeddedJobStore}, step for step.
 *
 * <p>Commands go through the client's pool, which replaces a broken connection by itself; a failed
 * command or a lost subscriber makes the store unavailable until a {@code PING}, tried every
 * second, answers. Starting never fails for want of Redis: the app comes up, and calls fail until
 * Redis does.
 */
public final class RedisJobStore implements JobStore {
  private static final Logger LOG = Logger.getLogger(RedisJobStore.class.getName());

  private final Vertx vertx;
  private final String prefix;
  private final String wakeChannel;
  private final String cancelChannel;
  private final String notifyChannel;
  private final long leaseMillis;
  private final int maxAttempts;
  private final long resultTtlMillis;
  private final long maxJobAgeMillis;
  private final long timeoutMillis;
  private final String diedOutcome;
  private final Redis redis;
  private final RedisAPI api;
  private final RedisScripts scripts;
  private final RedisCallGate gate;
  private final RedisSubscriber subscriber;
  private final List<Runnable> wakes = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> cancels = new CopyOnWriteArrayList<>();
  private final List<BiConsumer<String, String>> notifies = new CopyOnWriteArrayList<>();
  private final RedisHealth health;

  /** A store for the jobs of {@code namespace} at {@code config.redisUrl()}; start before use. */
  public RedisJobStore(Vertx vertx, String namespace, JobsConfig config) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.prefix = "dash4j:{" + Objects.requireNonNull(namespace, "namespace") + "}:";
    this.wakeChannel = prefix + "wake";
    this.cancelChannel = prefix + "cancel";
    this.notifyChannel = prefix + "notify";
    this.leaseMillis = config.lease().toMillis();
    this.maxAttempts = config.maxAttempts();
    this.resultTtlMillis = config.resultTtl().toMillis();
    this.maxJobAgeMillis = config.maxJobAge().toMillis();
    this.timeoutMillis = config.storeTimeout().toMillis();
    this.diedOutcome = JobOutcomes.workerStopped(maxAttempts).json();
    RedisOptions options =
        new RedisOptions()
            .setConnectionString(config.redisUrl())
            .setMaxPoolSize(config.redisPoolSize())
            .setMaxPoolWaiting(config.redisMaxPoolWaiting())
            .setNetClientOptions(
                new NetClientOptions()
                    .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis))
                    .setTcpKeepAlive(true));
    this.redis = Redis.createClient(vertx, options);
    this.api = RedisAPI.api(redis);
    this.scripts = new RedisScripts(api);
    this.health = new RedisHealth(vertx, api, timeoutMillis);
    this.gate = new RedisCallGate(vertx, config.redisPoolSize() + config.redisMaxPoolWaiting());
    this.subscriber =
        new RedisSubscriber(
            vertx,
            options,
            List.of(wakeChannel, cancelChannel, notifyChannel),
            timeoutMillis,
            new Heard());
  }

  @Override
  public Future<Void> start() {
    Context caller = vertx.getOrCreateContext();
    Future<Void> ready =
        Future.all(
                scripts.loadAll().timeout(timeoutMillis, TimeUnit.MILLISECONDS), subscriber.start())
            .<Void>mapEmpty()
            .onSuccess(v -> health.up())
            .recover(
                failure -> {
                  LOG.log(
                      Level.WARNING,
                      "Redis job store: "
                          + failure.getMessage()
                          + "; background calls fail until Redis answers",
                      failure);
                  health.down();
                  return Future.succeededFuture();
                });
    return onContext(caller, ready);
  }

  @Override
  public Future<Void> close() {
    health.close();
    Context caller = vertx.getOrCreateContext();
    return onContext(caller, subscriber.close().eventually(redis::close).mapEmpty());
  }

  @Override
  public boolean available() {
    return health.available();
  }

  @Override
  public Future<Boolean> create(NewJob job) {
    return call(
        () ->
            scripts.run(
                Script.CREATE,
                List.of(jobKey(job.id()), prefix + "ready"),
                List.of(
                    job.id(),
                    job.callback(),
                    job.pageId(),
                    orEmpty(job.cacheKey()),
                    job.request(),
                    orEmpty(job.pushTarget()),
                    Long.toString(maxJobAgeMillis),
                    wakeChannel,
                    orEmpty(job.outHash()))),
        r -> r.toLong() == 1);
  }

  @Override
  public Future<String> cached(String cacheKey, long touchTtlMillis) {
    String key = prefix + "cache:" + cacheKey;
    return call(
        () ->
            touchTtlMillis > 0
                ? api.getex(List.of(key, "PX", Long.toString(touchTtlMillis)))
                : api.get(key),
        r -> r == null ? null : r.toString());
  }

  @Override
  public Future<Taken> take(String jobId, String pageId, String callback) {
    return call(
        () ->
            scripts.run(
                Script.TAKE, List.of(jobKey(jobId), eventsKey(jobId)), List.of(pageId, callback)),
        r -> {
          if (r == null) {
            return Taken.gone();
          }
          if (r.size() == 1) {
            return Taken.foreign();
          }
          if (r.size() == 2) {
            return Taken.pushing(r.get(1).toString());
          }
          List<String> updates = strings(r.get(2));
          return new Taken(
              r.get(0).toString(),
              text(r.get(1)),
              updates,
              text(r.get(3)),
              "1".equals(r.get(4).toString()),
              Taken.Kind.FOUND);
        });
  }

  @Override
  public Future<CancelResult> cancel(
      String jobId, String pageId, Set<String> callbacks, String outHash) {
    return call(
        () ->
            scripts.run(
                Script.CANCEL,
                List.of(jobKey(jobId), prefix + "ready", prefix + "leases", eventsKey(jobId)),
                List.of(
                    jobId,
                    pageId,
                    new JsonArray(new ArrayList<>(callbacks)).encode(),
                    orEmpty(outHash),
                    cancelChannel,
                    Long.toString(resultTtlMillis))),
        r ->
            switch (r.toInteger()) {
              case 1 -> CancelResult.CANCELLED;
              case -1 -> CancelResult.FOREIGN;
              case -2 -> CancelResult.OTHER_OUTPUTS;
              default -> CancelResult.NOTHING;
            });
  }

  @Override
  public Future<Claim> claim(String workerId) {
    return call(
        () ->
            scripts.run(
                Script.CLAIM,
                List.of(prefix + "ready", prefix + "leases"),
                List.of(
                    prefix,
                    workerId,
                    Long.toString(leaseMillis),
                    Integer.toString(maxAttempts),
                    diedOutcome)),
        r -> {
          if (r == null) {
            return null;
          }
          String cacheKey = text(r.get(4));
          return new Claim(
              r.get(0).toString(),
              r.get(1).toString(),
              r.get(2).toString(),
              r.get(3).toString(),
              cacheKey == null || cacheKey.isEmpty() ? null : cacheKey,
              r.get(5).toInteger());
        });
  }

  @Override
  public Future<Boolean> renew(String jobId, String token) {
    return call(
        () ->
            scripts.run(
                Script.RENEW,
                List.of(jobKey(jobId), prefix + "leases"),
                List.of(jobId, token, Long.toString(leaseMillis))),
        r -> r.toLong() == 1);
  }

  @Override
  public Future<Long> emit(String jobId, String token, String progressJson, List<String> setProps) {
    List<String> args = new ArrayList<>(4 + setProps.size());
    args.add(jobId);
    args.add(token);
    args.add(orEmpty(progressJson)); // "" is no progress, as in the embedded store
    args.add(Integer.toString(setProps.size()));
    args.add(notifyChannel);
    args.addAll(setProps);
    return call(
        () -> scripts.run(Script.EMIT, List.of(jobKey(jobId), eventsKey(jobId)), args),
        Response::toLong);
  }

  @Override
  public Future<Boolean> complete(
      String jobId, String token, Outcome outcome, String cacheKey, long cacheTtlMillis) {
    boolean caches = !outcome.error() && cacheKey != null && cacheTtlMillis >= 0;
    return call(
        () ->
            scripts.run(
                Script.COMPLETE,
                List.of(
                    jobKey(jobId),
                    prefix + "leases",
                    eventsKey(jobId),
                    prefix + "cache:" + orEmpty(cacheKey)),
                List.of(
                    jobId,
                    token,
                    outcome.error() ? "error" : "done",
                    outcome.json(),
                    Long.toString(resultTtlMillis),
                    Long.toString(caches ? cacheTtlMillis : -1),
                    notifyChannel)),
        r -> r.toLong() == 1);
  }

  @Override
  public Future<Integer> requeueExpired(int max) {
    return call(
        () ->
            scripts.run(
                Script.REQUEUE,
                List.of(prefix + "leases", prefix + "ready"),
                List.of(prefix, Integer.toString(Math.max(0, max)), wakeChannel)),
        Response::toInteger);
  }

  @Override
  public Future<Push> markPush(String jobId, long ackTimeoutMillis) {
    return call(
        () ->
            scripts.run(
                Script.MARK_PUSH,
                List.of(jobKey(jobId), eventsKey(jobId)),
                List.of(Long.toString(ackTimeoutMillis))),
        r ->
            r == null
                ? null
                : new Push(
                    r.get(0).toString(),
                    r.get(1).toString(),
                    r.get(2).toString(),
                    r.get(3).toLong(),
                    text(r.get(4)),
                    strings(r.get(5)),
                    text(r.get(6)),
                    text(r.get(7))));
  }

  @Override
  public Future<Boolean> commitPush(String jobId, long upTo) {
    return call(
        () ->
            scripts.run(
                Script.COMMIT_PUSH,
                List.of(jobKey(jobId), eventsKey(jobId)),
                List.of(Long.toString(upTo))),
        r -> r.toLong() == 1);
  }

  @Override
  public Future<Void> abortPush(String jobId, long upTo) {
    return call(
        () -> scripts.run(Script.ABORT_PUSH, List.of(jobKey(jobId)), List.of(Long.toString(upTo))),
        r -> null);
  }

  @Override
  public void onNotify(BiConsumer<String, String> notified) {
    notifies.add(notified);
  }

  @Override
  public void onWake(Runnable wake) {
    wakes.add(wake);
  }

  @Override
  public void onCancel(Consumer<String> cancelled) {
    cancels.add(cancelled);
  }

  /**
   * One Redis call, through the gate, bounded by the store's timeout, answered on the caller's
   * context; a failure marks the store unavailable until Redis answers a probe.
   */
  private <T> Future<T> call(Supplier<Future<Response>> command, Function<Response, T> answer) {
    Context caller = vertx.getOrCreateContext();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    Future<T> result =
        gate.submit(command, deadline)
            .map(answer)
            .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .onFailure(failure -> health.down());
    return onContext(caller, result);
  }

  /** Completes on {@code caller}, whatever thread the client answered on. */
  private static <T> Future<T> onContext(Context caller, Future<T> future) {
    Promise<T> answer = Promise.promise();
    future.onComplete(
        done -> {
          if (Vertx.currentContext() == caller) {
            answer.handle(done);
          } else {
            caller.runOnContext(v -> answer.handle(done));
          }
        });
    return answer.future();
  }

  private String jobKey(String id) {
    return prefix + "job:" + id;
  }

  private String eventsKey(String id) {
    return prefix + "ev:" + id;
  }

  private static List<String> strings(Response array) {
    List<String> strings = new ArrayList<>(array.size());
    array.forEach(item -> strings.add(item.toString()));
    return strings;
  }

  private static String text(Response response) {
    return response == null ? null : response.toString();
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  /** What the subscriber hears, handed to the store's listeners. */
  private final class Heard implements RedisSubscriber.Listener {
    @Override
    public void message(String channel, String payload) {
      if (channel.equals(wakeChannel)) {
        wakes.forEach(Runnable::run);
      } else if (channel.equals(cancelChannel)) {
        cancels.forEach(cancelled -> cancelled.accept(payload));
      } else if (channel.equals(notifyChannel)) {
        notifies.forEach(notified -> JobStore.heard(payload, notified));
      }
    }

    @Override
    public void subscribed(boolean again) {
      if (again) {
        // Wakes published while the subscriber was away are lost: workers look for jobs now.
        wakes.forEach(Runnable::run);
      }
    }

    @Override
    public void lost() {
      health.down();
    }
  }
}
