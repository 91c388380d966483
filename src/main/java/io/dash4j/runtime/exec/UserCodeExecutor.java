package io.dash4j.runtime.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where user code runs off the event loop (on JDK 24+ HTTP calls may run on virtual threads carried
 * by it instead: {@link LoopCarrier}). A call runs on a {@link UserCodePool}, at most {@code
 * poolSize} platform threads with as few awake as keep the work moving; on JDK 21+ a call that
 * waits there behind busy threads runs on a virtual thread instead, so blocking callbacks cost no
 * platform thread and never hold up the others. Tasks are interruptible, which is how a callback
 * past its timeout is stopped.
 *
 * <p>The pool is the fast path on every JDK because a virtual thread per call costs more where most
 * callbacks are short: with {@code BenchServer dash4j} on Temurin 25 pinned to one core and wrk on
 * the other, a virtual thread per call ran at 0.33, 0.49, 0.54 and 0.55× the bare route at 1, 4, 16
 * and 64 connections, the pool at 0.51, 0.73, 0.74 and 0.79× (the same run, alternating). Each wake
 * of a virtual thread goes through the carrier pool, and the call's thread is new.
 *
 * <p>The JDK 17 pool replaced a {@link ThreadPoolExecutor}, whose queue woke a cascade of workers
 * on the one core. Measured with {@code BenchServer dash4j} pinned to one core and wrk on the other
 * (4 alternating rounds on a shared, noisy machine; medians, per-round ranges): server CPU per
 * request at 16 connections 31 µs (28–36) instead of 35 µs (31–49), bare Vert.x 20.5 µs; 1.39
 * context switches per request instead of 1.60; requests per second 1.28× (0.91–1.64×) at 16
 * connections, 1.26× at 4, 1.10× at 64, and no change at 1 connection, where only one call is ever
 * waiting.
 */
public final class UserCodeExecutor {
  private UserCodeExecutor() {}

  /** {@code poolSize} platform threads, overflowing to virtual threads where the JVM has them. */
  public static UserCodePool create(int poolSize) {
    return create(poolSize, "dash4j-callback-");
  }

  /**
   * {@code poolSize} platform threads so named, overflowing to virtual threads where the JVM has
   * them.
   */
  public static UserCodePool create(int poolSize, String threadPrefix) {
    return new UserCodePool(poolSize, threadPrefix, virtualThreadPerTask());
  }

  /**
   * Where socket calls run: a virtual thread each where the JVM has them, else a thread per running
   * call, pooled. A socket call may live as long as its page (a stream), so a bounded pool would
   * let a few open pages starve every other call; their number is bounded by the pages connected
   * instead.
   */
  public static ExecutorService createForSockets() {
    ExecutorService virtual = virtualThreadPerTask();
    if (virtual != null) {
      return virtual;
    }
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        daemonThreads("dash4j-socket-call-"));
  }

  /** Whether this JVM has virtual threads (JDK 21+), for blocked calls and socket calls. */
  public static boolean virtualThreads() {
    try {
      Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** A virtual thread per task on JDK 21+, else null. */
  private static ExecutorService virtualThreadPerTask() {
    try {
      // Compiled for Java 17: reach the JDK 21 factory reflectively.
      var factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) factory.invoke(null);
    } catch (ReflectiveOperationException notJdk21) {
      return null;
    }
  }

  /** Daemon threads named {@code prefix} and a number. */
  static ThreadFactory daemonThreads(String prefix) {
    var count = new AtomicInteger();
    return task -> {
      var thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
