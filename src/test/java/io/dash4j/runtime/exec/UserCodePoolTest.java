package io.dash4j.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDK 17 user-code pool. Bounds on waits are generous, for a loaded machine: they catch a task
 * that never runs, not a slow one.
 */
class UserCodePoolTest {
  private static final long WAIT_SECONDS = 20;

  private final List<UserCodePool> pools = new ArrayList<>();

  private UserCodePool pool(int size, String prefix) {
    var pool = new UserCodePool(size, prefix);
    pools.add(pool);
    return pool;
  }

  @AfterEach
  void shutDownPools() {
    pools.forEach(UserCodePool::shutdownNow);
  }

  @Test
  void oneThreadRunsTasksInTheOrderSubmitted() throws Exception {
    var pool = pool(1, "fifo-");
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    Future<?> last = null;
    for (int i = 0; i < 1000; i++) {
      int n = i;
      last = pool.submit(() -> order.add(n));
    }
    last.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(order).hasSize(1000).isSorted();
  }

  @Test
  void tasksQueuedInATurnWaitForItsEndThenOneThreadRunsThemAll() throws Exception {
    var pool = pool(4, "turn-");
    var turnEnd = new ConcurrentLinkedQueue<Runnable>(); // the event loop's own task queue
    List<String> ranOn = Collections.synchronizedList(new ArrayList<>());
    var tasks = new ArrayList<FutureTask<Void>>();
    for (int i = 0; i < 3; i++) {
      var task = new FutureTask<Void>(() -> ranOn.add(Thread.currentThread().getName()), null);
      tasks.add(task);
      pool.executeAtTurnEnd(task, turnEnd::add);
    }

    // Nothing but the turn's end wakes a runner: woken at the first task, one would have run it.
    Thread.sleep(200);
    assertThat(ranOn).isEmpty();
    assertThat(turnEnd).as("one wake for the turn's three tasks").hasSize(1);

    turnEnd.forEach(Runnable::run);
    for (var task : tasks) {
      task.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }
    assertThat(ranOn).hasSize(3).allMatch(name -> name.equals(ranOn.get(0)));
  }

  @Test
  void aBlockedTaskDoesNotStopTheOnesAfterIt() throws Exception {
    var pool = pool(2, "blocked-");
    var started = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    pool.submit(blockUntil(release, started));
    assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    // No submit follows this one: the watchdog must notice it waits behind a blocked thread.
    Future<String> next = pool.submit(() -> Thread.currentThread().getName());
    assertThat(next.get(WAIT_SECONDS, TimeUnit.SECONDS)).startsWith("blocked-");
    release.countDown();
  }

  @Test
  void atMostPoolSizeTasksRunAtOnce() throws Exception {
    var pool = pool(3, "bounded-");
    var allStarted = new CountDownLatch(3);
    var release = new CountDownLatch(1);
    for (int i = 0; i < 3; i++) {
      pool.submit(blockUntil(release, allStarted));
    }
    assertThat(allStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    var fourthRan = new AtomicBoolean();
    Future<?> fourth = pool.submit(() -> fourthRan.set(true));
    // Several watchdog ticks: time enough to start a fourth thread, were the pool to.
    assertThatThrownBy(() -> fourth.get(50, TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);
    assertThat(fourthRan).isFalse();
    release.countDown();
    fourth.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(fourthRan).isTrue();
  }

  @Test
  void withAnOverflowATaskWaitingBehindBusyThreadsRunsThereInstead() throws Exception {
    var overflowThreads = new AtomicInteger();
    var daemons = UserCodeExecutor.daemonThreads("overflow-");
    var overflow =
        Executors.newCachedThreadPool(
            task -> {
              overflowThreads.incrementAndGet();
              return daemons.newThread(task);
            });
    var pool = new UserCodePool(2, "full-", overflow);
    pools.add(pool);
    var allStarted = new CountDownLatch(2);
    var release = new CountDownLatch(1);
    for (int i = 0; i < 2; i++) {
      pool.submit(blockUntil(release, allStarted));
    }
    assertThat(allStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    // Two tasks hold the pool's two threads (or, on a slow machine, a thread that started late
    // lost its task to the overflow and is free) and no submit follows: the watchdog moves it on.
    Future<?> third = pool.submit(() -> {});
    third.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(release.getCount()).isEqualTo(1); // ran while both blockers still hold
    assertThat(overflowThreads).hasPositiveValue();
    release.countDown();
  }

  @Test
  void aTaskSentToTheOverflowCanBeCancelledAndShutdownNowStopsIt() throws Exception {
    var overflow = Executors.newCachedThreadPool(UserCodeExecutor.daemonThreads("overflow-"));
    var pool = new UserCodePool(1, "full-", overflow);
    pools.add(pool);
    var blockerStarted = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    pool.submit(blockUntil(release, blockerStarted));
    assertThat(blockerStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    var started = new CountDownLatch(2);
    var interrupted = new CountDownLatch(2);
    Future<?> cancelled = pool.submit(sleepUntilInterrupted(started, interrupted));
    pool.execute(sleepUntilInterrupted(started, interrupted));
    assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(cancelled.cancel(true)).isTrue();
    pool.shutdownNow();
    assertThat(interrupted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(overflow.isTerminated()).isTrue();
  }

  @Test
  void cancelWithInterruptStopsTheRunningTaskAndNotTheNextOne() throws Exception {
    var pool = pool(1, "cancel-");
    var started = new CountDownLatch(1);
    var interrupted = new CountDownLatch(1);
    Future<?> sleeper = pool.submit(sleepUntilInterrupted(started, interrupted));
    assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(sleeper.cancel(true)).isTrue();
    assertThat(interrupted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Future<Boolean> next = pool.submit(() -> Thread.currentThread().isInterrupted());
    assertThat(next.get(WAIT_SECONDS, TimeUnit.SECONDS)).isFalse();
  }

  @Test
  void shutdownRunsWhatWasQueuedThenRefusesAndTerminates() throws Exception {
    var pool = pool(1, "shutdown-");
    var release = new CountDownLatch(1);
    var ran = new AtomicInteger();
    pool.submit(
        () -> {
          release.await();
          return ran.incrementAndGet();
        });
    Future<?> queued = pool.submit(ran::incrementAndGet);
    pool.shutdown();
    assertThat(pool.isShutdown()).isTrue();
    assertThatThrownBy(() -> pool.submit(ran::incrementAndGet))
        .isInstanceOf(RejectedExecutionException.class);
    release.countDown();
    queued.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(pool.isTerminated()).isTrue();
    assertThat(ran).hasValue(2);
  }

  @Test
  void shutdownNowInterruptsTheRunningAndReturnsTheQueued() throws Exception {
    var pool = pool(1, "shutdown-now-");
    var started = new CountDownLatch(1);
    var interrupted = new CountDownLatch(1);
    pool.execute(sleepUntilInterrupted(started, interrupted));
    assertThat(started.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    Runnable neverRun = () -> {};
    pool.execute(neverRun);
    assertThat(pool.shutdownNow()).containsExactly(neverRun);
    assertThat(interrupted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(pool.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void manySubmittersLoseNoTask() throws Exception {
    var pool = pool(4, "many-");
    int submitters = 8;
    int each = 12_500;
    var done = new CountDownLatch(submitters * each);
    var failed = new AtomicReference<Throwable>();
    List<Thread> threads = new ArrayList<>();
    for (int s = 0; s < submitters; s++) {
      var thread =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < each; i++) {
                    pool.execute(done::countDown);
                    if (i % 64 == 0) {
                      // Pauses let the pool run dry, so runners park and are woken again and
                      // again: the race a lost wake-up would hide in.
                      LockSupport.parkNanos(20_000);
                    }
                  }
                } catch (RuntimeException | Error e) {
                  failed.set(e);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(failed.get()).isNull();
    assertThat(done.await(WAIT_SECONDS * 3, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void threadsAreDaemonsNamedWithThePrefix() throws Exception {
    var pool = pool(2, "named-");
    Thread thread = pool.submit(Thread::currentThread).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(thread.getName()).startsWith("named-");
    assertThat(thread.isDaemon()).isTrue();
  }

  @Test
  void idleThreadsEndAndNewOnesStartForLaterTasks() throws Exception {
    var pool = new UserCodePool(1, "keep-alive-", null, TimeUnit.MILLISECONDS.toNanos(5));
    pools.add(pool);
    Thread first = pool.submit(Thread::currentThread).get(WAIT_SECONDS, TimeUnit.SECONDS);
    first.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertThat(first.isAlive()).isFalse();
    Thread second = pool.submit(Thread::currentThread).get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(second).isNotSameAs(first);
  }

  @Test
  void aFailingPlainTaskDoesNotEndItsThread() throws Exception {
    var pool = pool(1, "failing-");
    var reported = new CountDownLatch(1);
    pool.execute(
        () -> {
          Thread.currentThread().setUncaughtExceptionHandler((t, e) -> reported.countDown());
          throw new IllegalStateException("user code failed");
        });
    assertThat(reported.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(pool.submit(() -> "still running").get(WAIT_SECONDS, TimeUnit.SECONDS))
        .isEqualTo("still running");
  }

  /** A task that says it started, then waits for {@code release}. */
  private static Callable<Void> blockUntil(CountDownLatch release, CountDownLatch started) {
    return () -> {
      started.countDown();
      release.await();
      return null;
    };
  }

  /** A task that says it started, sleeps far past any wait here, and says it was interrupted. */
  private static Runnable sleepUntilInterrupted(
      CountDownLatch started, CountDownLatch interrupted) {
    return () -> {
      started.countDown();
      try {
        Thread.sleep(TimeUnit.SECONDS.toMillis(WAIT_SECONDS * 2));
      } catch (InterruptedException e) {
        interrupted.countDown();
      }
    };
  }
}
