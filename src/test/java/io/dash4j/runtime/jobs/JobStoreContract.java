package io.dash4j.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.DashConfig;
import io.dash4j.JobsConfig;
import io.dash4j.runtime.jobs.JobStore.CancelResult;
import io.dash4j.runtime.jobs.JobStore.Claim;
import io.dash4j.runtime.jobs.JobStore.NewJob;
import io.dash4j.runtime.jobs.JobStore.Outcome;
import io.dash4j.runtime.jobs.JobStore.Push;
import io.dash4j.runtime.jobs.JobStore.Taken;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobStore} does, whatever holds the jobs: a subclass supplies the store (a fresh
 * namespace per call, so tests share nothing). Times are short (leases and TTLs of a few hundred
 * milliseconds) so the class stays fast; calls block the test thread.
 */
abstract class JobStoreContract {
  static final String PAGE = "page-1";
  static final String CB = "..out.children..";
  static final Set<String> CBS = Set.of(CB);
  static final Outcome VALUE = new Outcome(false, "{\"v\":42}");

  private static Vertx vertx;
  private final List<JobStore> stores = new ArrayList<>();

  /** A started-or-not store over a namespace no other test uses. */
  protected abstract JobStore newStore(Vertx vertx, JobsConfig config);

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    await(vertx.close());
  }

  @AfterEach
  void closeStores() throws Exception {
    for (JobStore store : stores) {
      await(store.close());
    }
  }

  @Test
  void claimsAreFifoAndAnEmptyQueueGivesNull() throws Exception {
    JobStore store = store(config());
    for (String id : List.of("a", "b", "c")) {
      assertThat(await(store.create(job(id)))).isTrue();
    }
    assertThat(await(store.create(job("a")))).isFalse();

    Claim first = await(store.claim("w1"));
    assertThat(first)
        .isEqualTo(new Claim("a", "1:w1", CB, "{\"req\":\"a\"}", null, 1))
        .extracting(Claim::attempt)
        .isEqualTo(1);
    assertThat(await(store.claim("w1")).jobId()).isEqualTo("b");
    assertThat(await(store.claim("w2")).jobId()).isEqualTo("c");
    assertThat(await(store.claim("w1"))).isNull();
  }

  @Test
  void aClaimCarriesTheCacheKey() throws Exception {
    JobStore store = store(config());
    await(store.create(new NewJob("a", CB, PAGE, "key-1", "{}", null, "h")));

    assertThat(await(store.claim("w")).cacheKey()).isEqualTo("key-1");
  }

  @Test
  void eightConcurrentClaimersTakeEachJobOnce() throws Exception {
    JobStore store = store(config());
    List<Future<Boolean>> created = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      created.add(store.create(job("j" + i)));
    }
    await(Future.all(created));

    ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
    ExecutorService claimers = Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        String worker = "w" + w;
        done.add(
            claimers.submit(
                () -> {
                  for (Claim c = await(store.claim(worker)); c != null; ) {
                    claimed.add(c.jobId());
                    c = await(store.claim(worker));
                  }
                  return null;
                }));
      }
      for (var f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      claimers.shutdownNow();
    }

    assertThat(claimed).hasSize(100).doesNotHaveDuplicates();
  }

  @Test
  void twoThousandCallsInFlightAllComplete() throws Exception {
    // A queue of lock waiters once ran as one recursion and overflowed the stack.
    JobStore store = store(config().storeTimeout(Duration.ofSeconds(30)));
    List<Future<Boolean>> created = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      created.add(store.create(job("j" + i)));
    }
    Future.all(created).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(created).allMatch(Future::result);
    assertThat(await(store.claim("w")).jobId()).isEqualTo("j0");
  }

  @Test
  void aCancelledRunsWritesAreRefused() throws Exception {
    JobStore store = store(config());
    await(store.create(job("a")));
    Claim run = await(store.claim("w"));
    assertThat(await(store.cancel("a", PAGE, CBS, null))).isEqualTo(CancelResult.CANCELLED);

    assertThat(await(store.renew("a", run.token()))).isFalse();
    assertThat(await(store.emit("a", run.token(), "{\"p\":1}", List.of("{\"u\":1}"))))
        .isEqualTo(-1L);
    assertThat(await(store.complete("a", run.token(), VALUE, "k", 0))).isFalse();

    Taken taken = await(store.take("a", PAGE, CB));
    assertThat(taken.state()).isEqualTo("cancelled");
    assertThat(taken.isFinal()).isTrue();
    assertThat(taken.progress()).isNull();
    assertThat(taken.updates()).isEmpty();
    assertThat(taken.outcome()).isNull();
    assertThat(await(store.cached("k", 0))).isNull();
  }

  @Test
  void aRunWhoseLeaseExpiredIsFencedAndTheSecondHolderWins() throws Exception {
    JobStore store = store(config().lease(Duration.ofMillis(200)));
    await(store.create(job("a")));
    await(store.create(job("b")));
    Claim first = await(store.claim("w1"));
    assertThat(await(store.requeueExpired(10))).isZero();
    Thread.sleep(300);

    assertThat(await(store.requeueExpired(10))).isEqualTo(1);
    Claim second = await(store.claim("w2"));
    assertThat(second.jobId()).isEqualTo("a"); // before b: a requeued job goes next
    assertThat(second.attempt()).isEqualTo(2);
    assertThat(second.token()).isEqualTo("2:w2").isNotEqualTo(first.token());

    assertThat(await(store.renew("a", first.token()))).isFalse();
    assertThat(await(store.emit("a", first.token(), "{\"p\":1}", List.of()))).isEqualTo(-1L);
    assertThat(await(store.complete("a", first.token(), new Outcome(false, "{\"v\":1}"), null, 0)))
        .isFalse();
    assertThat(await(store.renew("a", second.token()))).isTrue();
    assertThat(await(store.complete("a", second.token(), VALUE, null, 0))).isTrue();
    assertThat(await(store.complete("a", first.token(), new Outcome(false, "{\"v\":1}"), null, 0)))
        .isFalse();

    Taken taken = await(store.take("a", PAGE, CB));
    assertThat(taken.state()).isEqualTo("done");
    assertThat(taken.progress()).isNull();
    assertThat(taken.outcome()).isEqualTo(VALUE.json());
  }

  @Test
  void aJobClaimedMoreThanMaxAttemptsFails() throws Exception {
    JobStore store = store(config().lease(Duration.ofMillis(150)).maxAttempts(2));
    await(store.create(job("a")));
    for (int attempt = 1; attempt <= 2; attempt++) {
      assertThat(await(store.claim("w")).attempt()).isEqualTo(attempt);
      Thread.sleep(250);
      assertThat(await(store.requeueExpired(10))).isEqualTo(1);
    }

    assertThat(await(store.claim("w"))).isNull();
    Taken taken = await(store.take("a", PAGE, CB));
    assertThat(taken.state()).isEqualTo("error");
    assertThat(taken.isFinal()).isTrue();
    assertThat(taken.outcome()).contains("the job's worker stopped 2 times");
  }

  @Test
  void updatesComeInOrderOnceAndProgressOnlyItsLatest() throws Exception {
    JobStore store = store(config());
    await(store.create(job("a")));
    String token = await(store.claim("w")).token();

    assertThat(await(store.emit("a", token, "{\"p\":1}", List.of("u1", "u2")))).isEqualTo(3L);
    assertThat(await(store.emit("a", token, "{\"p\":2}", List.of("u3")))).isEqualTo(5L);
    Taken first = await(store.take("a", PAGE, CB));
    assertThat(first.state()).isEqualTo("running");
    assertThat(first.isFinal()).isFalse();
    assertThat(first.updates()).containsExactly("u1", "u2", "u3");
    assertThat(first.progress()).isEqualTo("{\"p\":2}");
    assertThat(first.outcome()).isNull();

    Taken second = await(store.take("a", PAGE, CB));
    assertThat(second.updates()).isEmpty();
    assertThat(second.progress()).isNull();

    assertThat(await(store.emit("a", token, null, List.of("u4")))).isEqualTo(6L);
    Taken third = await(store.take("a", PAGE, CB));
    assertThat(third.updates()).containsExactly("u4");
    assertThat(third.progress()).isNull();
  }

  @Test
  void theLastProgressAndTheOutcomeComeInOneTake() throws Exception {
    JobStore store = store(config());
    await(store.create(job("a")));
    String token = await(store.claim("w")).token();
    await(store.emit("a", token, "{\"p\":9}", List.of("u1")));
    assertThat(await(store.complete("a", token, VALUE, null, 0))).isTrue();

    Taken taken = await(store.take("a", PAGE, CB));
    assertThat(taken.state()).isEqualTo("done");
    assertThat(taken.isFinal()).isTrue();
    assertThat(taken.progress()).isEqualTo("{\"p\":9}");
    assertThat(taken.updates()).containsExactly("u1");
    assertThat(taken.outcome()).isEqualTo(VALUE.json());
  }

  @Test
  void anErrorOutcomeEndsInError() throws Exception {
    JobStore store = store(config());
    await(store.create(job("a")));
    String token = await(store.claim("w")).token();
    Outcome error = new Outcome(true, "{\"err\":{\"msg\":\"boom\",\"tb\":\"\"}}");
    assertThat(await(store.complete("a", token, error, "k", 0))).isTrue();

    Taken taken = await(store.take("a", PAGE, CB));
    assertThat(taken.state()).isEqualTo("error");
    assertThat(taken.outcome()).isEqualTo(error.json());
    assertThat(await(store.cached("k", 0))).isNull();
  }

  @Test
  void aCancelledQueuedJobIsNeverClaimed() throws Exception {
    JobStore store = store(config());
    await(store.create(job("a")));
    await(store.create(job("b")));

    assertThat(await(store.cancel("a", PAGE, CBS, null))).isEqualTo(CancelResult.CANCELLED);
    assertThat(await(store.claim("w")).jobId()).isEqualTo("b");
    assertThat(await(store.claim("w"))).isNull();
    assertThat(await(store.take("a", PAGE, CB)).state()).isEqualTo("cancelled");
  }

  @Test
  void cancellingARunningJobTellsItsHolder() throws Exception {
    JobStore store = store(config());
    BlockingQueue<String> cancelled = new LinkedBlockingQueue<>();
    store.onCancel(cancelled::add);
    await(store.create(job("a")));
    Claim run = await(store.claim("w"));

    assertThat(await(store.cancel("a", PAGE, CBS, "hash-a"))).isEqualTo(CancelResult.CANCELLED);
    assertThat(cancelled.poll(2, TimeUnit.SECONDS)).isEqualTo("a");
    assertThat(await(store.renew("a", run.token()))).isFalse();
    assertThat(await(store.requeueExpired(10))).isZero();
  }

  @Test
  void aForeignCancelTouchesNothing() throws Exception {
    JobStore store = store(config());
    await(store.create(job("a")));

    assertThat(await(store.cancel("a", "page-2", CBS, null))).isEqualTo(CancelResult.FOREIGN);
    assertThat(await(store.cancel("a", PAGE, Set.of("..other.children.."), null)))
        .isEqualTo(CancelResult.FOREIGN);
    Claim run = await(store.claim("w"));
    assertThat(run.jobId()).isEqualTo("a");
    assertThat(await(store.cancel("a", "page-2", CBS, null))).isEqualTo(CancelResult.FOREIGN);
    assertThat(await(store.cancel("a", PAGE, CBS, "hash-b"))).isEqualTo(CancelResult.OTHER_OUTPUTS);
    assertThat(await(store.renew("a", run.token()))).isTrue();
    assertThat(await(store.take("a", PAGE, CB)).state()).isEqualTo("running");
  }

  @Test
  void cancellingAFinishedOrUnknownJobDoesNothing() throws Exception {
    JobStore store = store(config());
    await(store.create(job("a")));
    String token = await(store.claim("w")).token();
    await(store.complete("a", token, VALUE, null, 0));

    assertThat(await(store.cancel("a", PAGE, CBS, null))).isEqualTo(CancelResult.NOTHING);
    assertThat(await(store.cancel("nope", PAGE, CBS, null))).isEqualTo(CancelResult.NOTHING);
    assertThat(await(store.take("a", PAGE, CB)).outcome()).isEqualTo(VALUE.json());
  }

  @Test
  void aForeignTakeTouchesNothing() throws Exception {
    JobStore store = store(config());
    await(store.create(job("a")));
    String token = await(store.claim("w")).token();
    await(store.emit("a", token, "{\"p\":1}", List.of("u1")));

    assertThat(await(store.take("a", "page-2", CB)).kind()).isEqualTo(Taken.Kind.FOREIGN);
    assertThat(await(store.take("a", PAGE, "..other.children..")).kind())
        .isEqualTo(Taken.Kind.FOREIGN);
    Taken taken = await(store.take("a", PAGE, CB));
    assertThat(taken.kind()).isEqualTo(Taken.Kind.FOUND);
    assertThat(taken.updates()).containsExactly("u1");
    assertThat(taken.progress()).isEqualTo("{\"p\":1}");
  }

  @Test
  void anUnknownOrExpiredJobIsGone() throws Exception {
    JobStore store = store(config().resultTtl(Duration.ofMillis(200)));
    assertThat(await(store.take("nope", PAGE, CB))).isEqualTo(Taken.gone());
    await(store.create(job("a")));
    String token = await(store.claim("w")).token();
    await(store.complete("a", token, VALUE, null, 0));
    assertThat(await(store.take("a", PAGE, CB)).kind()).isEqualTo(Taken.Kind.FOUND);

    Thread.sleep(350);
    assertThat(await(store.take("a", PAGE, CB))).isEqualTo(Taken.gone());
    assertThat(await(store.cancel("a", PAGE, CBS, null))).isEqualTo(CancelResult.NOTHING);
  }

  @Test
  void anExpiredQueuedJobIsSkippedByClaims() throws Exception {
    JobStore store = store(config().maxJobAge(Duration.ofMillis(200)));
    await(store.create(job("a")));
    Thread.sleep(300);
    await(store.create(job("b")));

    assertThat(await(store.claim("w")).jobId()).isEqualTo("b");
    assertThat(await(store.claim("w"))).isNull();
  }

  @Test
  void aDoneOutcomeIsCachedWithItsTtl() throws Exception {
    JobStore store = store(config());
    for (String id : List.of("a", "b", "c")) {
      await(store.create(job(id)));
    }
    await(store.complete("a", await(store.claim("w")).token(), VALUE, "forever", 0));
    await(store.complete("b", await(store.claim("w")).token(), VALUE, "short", 500));
    assertThat(await(store.cached("short", 0))).isEqualTo(VALUE.json());
    await(store.complete("c", await(store.claim("w")).token(), VALUE, "never", -1));

    assertThat(await(store.cached("forever", 0))).isEqualTo(VALUE.json());
    assertThat(await(store.cached("never", 0))).isNull();
    Thread.sleep(700);
    assertThat(await(store.cached("short", 0))).isNull();
    assertThat(await(store.cached("forever", 0))).isEqualTo(VALUE.json());
  }

  @Test
  void aCacheHitRefreshesItsTtl() throws Exception {
    JobStore store = store(config());
    await(store.create(job("a")));
    await(store.complete("a", await(store.claim("w")).token(), VALUE, "k", 400));

    Thread.sleep(100);
    assertThat(await(store.cached("k", 2000))).isEqualTo(VALUE.json());
    Thread.sleep(500);
    assertThat(await(store.cached("k", 0))).isEqualTo(VALUE.json());
  }

  @Test
  void creatingAJobWakesWorkers() throws Exception {
    JobStore store = store(config());
    CountDownLatch woken = new CountDownLatch(1);
    store.onWake(woken::countDown);
    await(store.create(job("a")));

    assertThat(woken.await(2, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aJobWithoutPushTargetIsNeverPushed() throws Exception {
    JobStore store = store(config());
    await(store.create(job("a")));
    String token = await(store.claim("w")).token();
    await(store.emit("a", token, "{\"p\":1}", List.of("u1")));

    assertThat(await(store.markPush("a", 2000))).isNull();
    assertThat(await(store.take("a", PAGE, CB)).updates()).containsExactly("u1");
  }

  @Test
  void aPushCarriesWhatIsNewAndPollsWaitForItsAck() throws Exception {
    JobStore store = store(config());
    BlockingQueue<String> notified = new LinkedBlockingQueue<>();
    store.onNotify((jobId, target) -> notified.add(jobId + " " + target));
    await(store.create(pushed("a")));
    String token = await(store.claim("w")).token();
    await(store.emit("a", token, "{\"p\":1}", List.of("u1", "u2")));
    assertThat(notified.poll(2, TimeUnit.SECONDS)).isEqualTo("a renderer-1");

    Push push = await(store.markPush("a", 5000));
    assertThat(push)
        .isEqualTo(
            new Push(PAGE, CB, "renderer-1", 3, "{\"p\":1}", List.of("u1", "u2"), null, null));
    assertThat(await(store.markPush("a", 5000))).as("one push at a time").isNull();
    // updates made while the push is on its way wait for the next one
    await(store.emit("a", token, null, List.of("u3")));
    Taken meanwhile = await(store.take("a", PAGE, CB));
    assertThat(meanwhile.kind()).isEqualTo(Taken.Kind.PUSHING);
    assertThat(meanwhile.updates()).isEmpty();
    assertThat(meanwhile.isFinal()).isFalse();

    assertThat(await(store.commitPush("a", 3))).isTrue();
    assertThat(await(store.commitPush("a", 3))).as("committed once").isFalse();
    Push next = await(store.markPush("a", 5000));
    assertThat(next.updates()).containsExactly("u3");
    assertThat(next.progress()).as("progress already delivered").isNull();
    assertThat(await(store.commitPush("a", next.upTo()))).isTrue();
    assertThat(await(store.markPush("a", 5000))).as("nothing new").isNull();
    Taken after = await(store.take("a", PAGE, CB));
    assertThat(after.updates()).isEmpty();
    assertThat(after.progress()).isNull();
  }

  @Test
  void aPushedValueIsNotDeliveredAgainByThePoll() throws Exception {
    JobStore store = store(config());
    await(store.create(pushed("a")));
    String token = await(store.claim("w")).token();
    await(store.emit("a", token, "{\"p\":9}", List.of()));
    assertThat(await(store.complete("a", token, VALUE, null, 0))).isTrue();

    Push push = await(store.markPush("a", 5000));
    assertThat(push.outcome()).isEqualTo(VALUE.json());
    assertThat(push.request()).isEqualTo("{\"req\":\"a\"}");
    assertThat(push.progress()).isEqualTo("{\"p\":9}");
    assertThat(await(store.commitPush("a", push.upTo()))).isTrue();
    assertThat(await(store.markPush("a", 5000))).isNull();

    Taken taken = await(store.take("a", PAGE, CB));
    assertThat(taken.isFinal()).isTrue();
    assertThat(taken.resultPushed()).isTrue();
    assertThat(taken.progress()).isNull();
  }

  @Test
  void anErrorIsNeverPushed() throws Exception {
    JobStore store = store(config());
    await(store.create(pushed("a")));
    String token = await(store.claim("w")).token();
    await(store.complete("a", token, new Outcome(true, "{\"err\":{\"msg\":\"x\"}}"), null, 0));

    assertThat(await(store.markPush("a", 5000))).isNull();
    Taken taken = await(store.take("a", PAGE, CB));
    assertThat(taken.state()).isEqualTo("error");
    assertThat(taken.resultPushed()).isFalse();
  }

  @Test
  void anAbortedOrUnacknowledgedPushLeavesEverythingToPolls() throws Exception {
    JobStore store = store(config());
    await(store.create(pushed("a")));
    await(store.create(pushed("b")));
    String tokenA = await(store.claim("w")).token();
    String tokenB = await(store.claim("w")).token();
    await(store.emit("a", tokenA, "{\"p\":1}", List.of("u1")));
    await(store.emit("b", tokenB, "{\"p\":1}", List.of("u1")));

    // a: the page said no
    Push aborted = await(store.markPush("a", 5000));
    await(store.abortPush("a", aborted.upTo()));
    await(store.emit("a", tokenA, null, List.of("u2")));
    assertThat(await(store.markPush("a", 5000))).as("poll-only now").isNull();
    Taken a = await(store.take("a", PAGE, CB));
    assertThat(a.updates()).containsExactly("u1", "u2");
    assertThat(a.progress()).isEqualTo("{\"p\":1}");

    // b: no answer before the ack deadline
    Push late = await(store.markPush("b", 150));
    Thread.sleep(300);
    Taken b = await(store.take("b", PAGE, CB));
    assertThat(b.kind()).isEqualTo(Taken.Kind.FOUND);
    assertThat(b.updates()).containsExactly("u1");
    assertThat(await(store.commitPush("b", late.upTo()))).as("a poll took over").isFalse();
    await(store.emit("b", tokenB, null, List.of("u2")));
    assertThat(await(store.markPush("b", 5000))).isNull();
  }

  /** The Vert.x the stores run on, for subclasses' own clients. */
  static Vertx vertx() {
    return vertx;
  }

  /** Default settings, long store timeout so a loaded build machine does not fail a test. */
  static JobsConfig config() {
    return new DashConfig().jobs().storeTimeout(Duration.ofSeconds(5));
  }

  static NewJob job(String id) {
    return new NewJob(id, CB, PAGE, null, "{\"req\":\"" + id + "\"}", null, "hash-" + id);
  }

  /** A job whose page is connected through the socket as renderer {@code renderer-1}. */
  static NewJob pushed(String id) {
    return new NewJob(id, CB, PAGE, null, "{\"req\":\"" + id + "\"}", "renderer-1", "hash-" + id);
  }

  JobStore store(JobsConfig config) throws Exception {
    JobStore store = newStore(vertx, config);
    stores.add(store);
    await(store.start());
    return store;
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
