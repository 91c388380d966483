package io.dash4j.runtime.exec;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP callback calls running on one Vert.x instance, and the one periodic sweep that ends
 * those past their deadline. A timer per call would cost a timer and a cross-thread cancel per
 * request; a sweep per callback verticle would wake the loop once per callback. Every app door on
 * the instance shares this one, counted by {@link #acquire} and {@link #release}. The calls a sweep
 * finds still running are the long ones, which alone send a cluster receipt ({@code
 * RemoteCalls.taken}).
 */
final class CallDeadlines implements Shareable {
  /**
   * A call with a deadline: ended (answered 504, its thread interrupted) by the sweep once the
   * deadline passed.
   */
  interface Expiring {
    long deadlineNanos();

    void expire();

    /**
     * The call outlived a sweep and is not due yet: a call that long may say where it runs (to a
     * door on another node, so that the door can tell if this node dies).
     */
    void outlivedASweep();
  }

  private static final String KEY = "dash4j.call-deadlines";
  private static final long MIN_SWEEP_MILLIS = 10;
  private static final long MAX_SWEEP_MILLIS = 1000;

  private final Vertx vertx;
  private final Set<Expiring> running = ConcurrentHashMap.newKeySet();
  private long sweepMillis; // guarded by CallDeadlines.class
  private long timer; // guarded by CallDeadlines.class
  private int users; // guarded by CallDeadlines.class

  private CallDeadlines(Vertx vertx) {
    this.vertx = vertx;
  }

  /**
   * This Vert.x instance's sweep, sweeping at least every tenth of {@code timeoutMillis} so a
   * timed-out call is answered within 10 % of its deadline.
   */
  static CallDeadlines acquire(Vertx vertx, long timeoutMillis) {
    long wanted = Math.max(MIN_SWEEP_MILLIS, Math.min(MAX_SWEEP_MILLIS, timeoutMillis / 10));
    var map = vertx.sharedData().<String, CallDeadlines>getLocalMap(KEY);
    synchronized (CallDeadlines.class) {
      CallDeadlines deadlines = map.computeIfAbsent(KEY, key -> new CallDeadlines(vertx));
      deadlines.users++;
      if (deadlines.sweepMillis == 0 || wanted < deadlines.sweepMillis) {
        vertx.cancelTimer(deadlines.timer);
        deadlines.sweepMillis = wanted;
        deadlines.timer = vertx.setPeriodic(wanted, id -> deadlines.sweep());
      }
      return deadlines;
    }
  }

  /** One user less; the last one stops the sweep. */
  void release() {
    synchronized (CallDeadlines.class) {
      if (--users == 0) {
        vertx.cancelTimer(timer);
        vertx.sharedData().getLocalMap(KEY).remove(KEY);
      }
    }
  }

  void add(Expiring call) {
    running.add(call);
  }

  void remove(Expiring call) {
    running.remove(call);
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Expiring call : running) {
      if (now - call.deadlineNanos() >= 0) {
        running.remove(call);
        call.expire();
      } else {
        call.outlivedASweep();
      }
    }
  }
}
