package io.dash4j.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.JobsConfig;
import io.dash4j.runtime.jobs.JobStore.Claim;
import io.dash4j.runtime.jobs.JobStore.Taken;
import io.dash4j.testing.Eventually;
import io.dash4j.testing.Ports;
import io.dash4j.testing.RedisServer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job store contract on a real redis-server (one per class, on a free port), and what only
 * Redis does: scripts reloaded after a flush, an outage and a restart.
 */
class RedisJobStoreTest extends JobStoreContract {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() throws Exception {
    redis = RedisServer.start();
  }

  @AfterAll
  static void stopRedis() {
    if (redis != null) {
      redis.stop();
    }
  }

  @Override
  protected JobStore newStore(Vertx vertx, JobsConfig config) {
    config.redisUrl(redis.url());
    return new RedisJobStore(vertx, "test-" + NAMESPACES.incrementAndGet(), config);
  }

  @Test
  void callsStillWorkAfterTheScriptCacheIsFlushed() throws Exception {
    JobStore store = store(config());
    assertThat(await(store.create(job("a")))).isTrue();

    Redis client = Redis.createClient(vertx(), redis.url());
    try {
      await(RedisAPI.api(client).script(List.of("FLUSH")));
    } finally {
      await(client.close());
    }

    assertThat(await(store.create(job("b")))).isTrue();
    assertThat(await(store.claim("w")).jobId()).isEqualTo("a");
    assertThat(store.available()).isTrue();
  }

  @Test
  void aStoreStartsWithoutRedisAndItsCallsFail() throws Exception {
    JobsConfig config =
        config()
            .storeTimeout(Duration.ofMillis(500))
            .redisUrl("redis://127.0.0.1:" + Ports.free() + "/0");
    JobStore store = new RedisJobStore(vertx(), "nowhere", config);
    try {
      await(store.start());

      assertThat(store.available()).isFalse();
      assertThatThrownBy(() -> await(store.create(job("a")))).isNotNull();
    } finally {
      await(store.close());
    }
  }

  @Test
  void anOutageFailsCallsInTimeAndARestartBringsTheStoreBack() throws Exception {
    JobStore store = store(config().storeTimeout(Duration.ofSeconds(1)));
    BlockingQueue<String> wakes = new LinkedBlockingQueue<>();
    store.onWake(() -> wakes.add("wake"));
    assertThat(store.available()).isTrue();
    try {
      redis.kill();

      long start = System.nanoTime();
      assertThatThrownBy(() -> await(store.create(job("a")))).isNotNull();
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(store.available()).isFalse();
    } finally {
      redis.restart();
    }

    assertThat(Eventually.holds(store::available, Duration.ofSeconds(10))).isTrue();
    // The subscriber is back: it says so with a wake (messages may have been lost meanwhile),
    // then hears the wakes of new jobs again.
    assertThat(wakes.poll(10, TimeUnit.SECONDS)).isEqualTo("wake");
    wakes.clear();
    assertThat(await(store.create(job("b")))).isTrue();
    assertThat(wakes.poll(2, TimeUnit.SECONDS)).isEqualTo("wake");
    assertThat(await(store.claim("w")).jobId()).isEqualTo("b");
  }

  @Test
  void withAnAppendOnlyFileAJobOutlivesAKilledRedis() throws Exception {
    RedisServer persistent = RedisServer.persistent();
    try {
      JobStore store = store(config().redisUrl(persistent.url()));
      await(store.create(job("a")));
      Claim run = await(store.claim("w"));
      await(store.emit("a", run.token(), "{\"p\":1}", List.of("u1")));

      persistent.kill();
      persistent.restart();

      assertThat(Eventually.holds(store::available, Duration.ofSeconds(10))).isTrue();
      assertThat(await(store.renew("a", run.token()))).isTrue();
      Taken taken = await(store.take("a", PAGE, CB));
      assertThat(taken.state()).isEqualTo("running");
      assertThat(taken.updates()).containsExactly("u1");
    } finally {
      persistent.stop();
    }
  }

  @Test
  void callsAnswerOnTheCallersContext() throws Exception {
    JobStore store = store(config());
    Context caller = vertx().getOrCreateContext();
    CompletableFuture<Boolean> onCaller = new CompletableFuture<>();
    caller.runOnContext(
        v ->
            store
                .create(job("a"))
                .compose(created -> store.take("a", PAGE, CB))
                .onComplete(taken -> onCaller.complete(Vertx.currentContext() == caller)));

    assertThat(onCaller.get(10, TimeUnit.SECONDS)).isTrue();
  }

  /** Polls {@code condition} until it holds or {@code within} passed; its last value. */
}
