package io.dash4j.runtime.exec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Virtual threads carried by an event loop: where the JVM allows it, one callback's HTTP calls run
 * on the loop that received them, each as a virtual thread that leaves the loop whenever it blocks
 * (sleep, socket I/O, locks, {@code Future.get}) and comes back to it when it may go on. A call
 * that does not block costs no thread hand-over at all, and one that blocks holds no thread while
 * it waits.
 *
 * <p>Why: on one core every hand-over to a pool thread and back is two context switches, and those
 * are most of what the default path costs over a bare Vert.x route at 1–4 connections. Measured
 * with {@code BenchServer} on Temurin 25 pinned to one core, wrk on the other, servers warmed and
 * measured in alternating 2 s slices (7 rounds; medians and ranges, × the bare route): the pool
 * 0.76 (0.56–0.84), 0.70 (0.62–0.76), 0.95 and 0.94× at 1, 4, 16 and 64 connections; carried by the
 * loop 0.93 (0.70–1.07), 0.84 (0.73–0.87), 0.94 and 0.97×.
 *
 * <p>The JDK has no public API for a virtual thread's scheduler, so this reaches {@code
 * java.lang.ThreadBuilders.VirtualThreadBuilder(Executor)} by reflection. It is used only on JDK 24
 * and later, where a virtual thread blocking in {@code synchronized} or {@code Object.wait} leaves
 * its carrier too (JEP 491; on 21–23 it would hold the loop), and only when {@code java.base/
 * java.lang} is opened to dash4j (the jar's manifest opens it for {@code java -jar}; on a class
 * path {@code --add-opens java.base/java.lang=ALL-UNNAMED}). Elsewhere, or when the reflection
 * fails, the calls run on the {@link UserCodePool} as before.
 *
 * <p>What still holds the loop is code that runs without blocking in a way the JDK can unmount:
 * computing, file I/O and native calls. So each hold's CPU time is measured, and a callback whose
 * holds compute over {@link #HOLD_LIMIT_NANOS} moves to the pool for good: at once after {@link
 * #STRIKES} such holds in a row, later when they are rarer, never when they are rare. A hold over
 * the limit adds {@link #STRIKE} to the callback's debt and every other hold pays one back, so a
 * cold first call (class loading) does not move a trivial callback. CPU time, not the wall clock:
 * on a busy core the loop thread is preempted mid-call (by the JIT's compilers while a server warms
 * up, for one), and wall-clock holds moved a trivial callback to the pool within seconds in the
 * benchmark's warm-up. Reading a thread's CPU time is a system call (0.6 µs on a 2-core VM on
 * Temurin 25), two a call. File I/O holds the loop without computing and is not caught: a callback
 * that reads large files belongs on the pool ({@code loopVirtualThreads} off).
 */
public final class LoopCarrier {
  private static final Logger LOG = Logger.getLogger(LoopCarrier.class.getName());
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** How long a call may compute on its loop between two blocking points: a loop's whole budget. */
  static final long HOLD_LIMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /** How many holds over the limit in a row move a callback to the pool. */
  static final int STRIKES = 3;

  /** What a hold over the limit adds to the debt; each hold within it pays back one. */
  private static final int STRIKE = 64;

  /** {@code VirtualThreadBuilder(Executor)}, or null where the JVM does not allow it. */
  private static final Constructor<?> BUILDER;

  /** {@code Thread.Builder.factory()}. */
  private static final Method FACTORY;

  /** Why there is no builder, for the start-up line; null when there is one. */
  private static final String UNAVAILABLE;

  static {
    Constructor<?> builder = null;
    Method factory = null;
    String unavailable = null;
    if (Runtime.version().feature() < 24) {
      unavailable = "JDK " + Runtime.version().feature() + " (24 or later runs them on the loop)";
    } else {
      try {
        builder =
            Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder")
                .getDeclaredConstructor(Executor.class);
        builder.setAccessible(true);
        factory = Class.forName("java.lang.Thread$Builder").getMethod("factory");
      } catch (ReflectiveOperationException | RuntimeException closed) {
        builder = null;
        unavailable =
            "java.base/java.lang is not opened to dash4j"
                + " (--add-opens java.base/java.lang=ALL-UNNAMED runs them on the loop)";
      }
    }
    BUILDER = builder;
    FACTORY = factory;
    UNAVAILABLE = unavailable;
  }

  private final ThreadFactory threads;
  private final String callback;
  // Read and written on the loop only: every hold runs there, and so does every dispatch.
  private int debt;
  private boolean moved;

  private LoopCarrier(Executor loop, String callback) throws ReflectiveOperationException {
    this.callback = callback;
    Executor timed = continuation -> loop.execute(() -> hold(continuation));
    this.threads = (ThreadFactory) FACTORY.invoke(BUILDER.newInstance(timed));
  }

  /**
   * Virtual threads carried by {@code loop} (an event loop's own queue) for the calls of {@code
   * callback} (its name in the log), or null where the JVM does not allow them.
   */
  public static LoopCarrier on(Executor loop, String callback) {
    if (BUILDER == null) {
      return null;
    }
    try {
      return new LoopCarrier(loop, callback);
    } catch (ReflectiveOperationException | RuntimeException changedJdk) {
      LOG.log(Level.FINE, "no virtual threads on the loop for " + callback, changedJdk);
      return null;
    }
  }

  /** Whether HTTP callbacks can run on virtual threads carried by their event loop here. */
  public static boolean available() {
    return BUILDER != null;
  }

  /** Why they cannot, or null when they can. */
  public static String unavailableBecause() {
    return UNAVAILABLE;
  }

  /**
   * Starts {@code task} on a virtual thread carried by the loop, or answers false when this
   * callback has moved to the pool. Called on the loop.
   */
  public boolean start(Runnable task) {
    if (moved) {
      return false;
    }
    threads.newThread(task).start();
    return true;
  }

  /** Runs a virtual thread until it blocks or ends, and judges how long it computed on the loop. */
  private void hold(Runnable continuation) {
    long started = CPU.getCurrentThreadCpuTime();
    continuation.run();
    long held = CPU.getCurrentThreadCpuTime() - started;
    if (held <= HOLD_LIMIT_NANOS) {
      debt = Math.max(0, debt - 1);
    } else if (!moved && (debt += STRIKE) >= STRIKES * STRIKE) {
      moved = true;
      LOG.info(
          () ->
              "callback "
                  + callback
                  + " held the event loop for "
                  + TimeUnit.NANOSECONDS.toMicros(held)
                  + " µs of CPU without blocking, too often; its calls run on the callback pool from"
                  + " now on");
    }
  }
}
