package io.dash4j.runtime.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The JDK 17 pool for user code: up to {@code poolSize} threads, but as few of them awake as keep
 * the work moving. Tasks run in the order submitted.
 *
 * <p>Why not a {@link java.util.concurrent.ThreadPoolExecutor}: its queue wakes a parked worker for
 * every task, and a worker taking a task wakes another while more wait, so a burst of short
 * callbacks is spread over many threads that hand the one core to each other. Here a submit wakes a
 * thread only when none is awake, a thread that finishes a task takes the next one without parking,
 * and only an idle thread parks.
 *
 * <p>A submit from an event loop can leave the wake to the end of the loop's turn ({@link
 * #executeAtTurnEnd}), so the requests read in one turn are one wake-up for a runner, not one each.
 *
 * <p>User code may still block: once the oldest waiting task has waited longer than {@link
 * #STALL_NANOS} (its runners are blocked, or too few for the load), another thread is woken, up to
 * {@code poolSize}. A submit checks this, and so does one watchdog thread that ticks only while
 * tasks wait, for when no submit follows. With an <em>overflow</em> executor (virtual threads on
 * JDK 21+), tasks that wait that long while all {@code poolSize} threads are busy run there instead
 * of waiting longer: the pool is the fast path, the overflow what keeps blocked callbacks from
 * holding up the rest.
 *
 * <p>{@link java.util.concurrent.Future#cancel cancel(true)} interrupts the running task; a
 * thread's interrupt flag is cleared between tasks. Threads are daemons, and end after {@link
 * #KEEP_ALIVE_NANOS} idle.
 */
public final class UserCodePool extends AbstractExecutorService {
  /**
   * How long the oldest waiting task may wait before another thread is woken. Short enough that a
   * blocking callback delays the next one by about a millisecond; long enough that a busy core
   * (where a runnable thread can wait a scheduler slice for its turn) is not mistaken for a blocked
   * thread every time, which would bring back the thread-to-thread hand-offs this pool avoids.
   */
  static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /** How long an idle thread lives, as the pool this replaces let its threads live. */
  private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final int poolSize;
  private final long keepAliveNanos;
  private final String threadPrefix;
  private final ExecutorService overflow; // null: tasks wait for a pool thread
  private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();

  /** Parked runners, the most recently parked first (its cache is the warmest). */
  private final ConcurrentLinkedDeque<Runner> idle = new ConcurrentLinkedDeque<>();

  /** Runners not parked: running a task, looking for one, or woken and about to. */
  private final AtomicInteger awake = new AtomicInteger();

  /** A wake is queued at the end of a loop's turn: the submits before it need none of their own. */
  private final AtomicBoolean wakeAtTurnEnd = new AtomicBoolean();

  private final AtomicInteger threads = new AtomicInteger();
  private final Set<Runner> runners = ConcurrentHashMap.newKeySet(); // for shutdownNow
  private final AtomicInteger threadNumber = new AtomicInteger();
  private final Watchdog watchdog = new Watchdog();
  private final Object termination = new Object();
  private volatile boolean shutdown;

  /** A pool of at most {@code poolSize} daemon threads named {@code threadPrefix} and a number. */
  public UserCodePool(int poolSize, String threadPrefix) {
    this(poolSize, threadPrefix, null);
  }

  /**
   * A pool whose stalled tasks run on {@code overflow} once all {@code poolSize} threads are busy;
   * shutting the pool down shuts {@code overflow} down too.
   */
  public UserCodePool(int poolSize, String threadPrefix, ExecutorService overflow) {
    this(poolSize, threadPrefix, overflow, KEEP_ALIVE_NANOS);
  }

  /** With idle threads ending sooner, for tests. */
  UserCodePool(int poolSize, String threadPrefix, ExecutorService overflow, long keepAliveNanos) {
    if (poolSize < 1) {
      throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
    }
    this.poolSize = poolSize;
    this.threadPrefix = threadPrefix;
    this.overflow = overflow;
    this.keepAliveNanos = keepAliveNanos;
  }

  /**
   * A task and when it was queued: how long the head has waited tells whether work is moving. Not a
   * record: a shutdown race takes it back out of the queue by identity.
   */
  private static final class Queued {
    final Runnable task;
    final long queuedAt = System.nanoTime();

    Queued(Runnable task) {
      this.task = task;
    }
  }

  @Override
  public void execute(Runnable task) {
    enqueue(task);
    wakeIfWaiting();
  }

  /**
   * Queues {@code task} like {@link #execute}, but when a runner must be woken for it, leaves the
   * wake to a task given to {@code turnEnd}: an event loop's own queue, which it runs once it has
   * read every request that arrived with this one. Woken at once, the runner would take the one
   * core from the loop before the loop queues the rest, and each request would cost a hand-over
   * each way; woken at the end of the turn, it runs them all for one. One wake is queued for all
   * the tasks of a turn (and of any loop's turn that ends before it runs).
   *
   * @throws RejectedExecutionException when the pool is shut down
   */
  public void executeAtTurnEnd(Runnable task, Executor turnEnd) {
    enqueue(task);
    if (awake.get() == 0 || stalled()) {
      if (wakeAtTurnEnd.compareAndSet(false, true)) {
        turnEnd.execute(
            () -> {
              wakeAtTurnEnd.set(false);
              wakeIfWaiting();
            });
      }
    } else {
      watchdog.arm();
    }
  }

  private void enqueue(Runnable task) {
    if (shutdown) {
      throw new RejectedExecutionException("pool shut down");
    }
    var queued = new Queued(task);
    queue.offer(queued);
    // A shutdown that raced this offer may have seen no task left to run: take it back.
    if (shutdown && queue.remove(queued)) {
      throw new RejectedExecutionException("pool shut down");
    }
  }

  /**
   * A runner for the queued tasks, unless one is awake and keeping up (then the watchdog looks
   * again, in case it stops keeping up).
   */
  private void wakeIfWaiting() {
    if (queue.isEmpty()) {
      return;
    }
    if (awake.get() == 0 || stalled()) {
      wakeOne();
    } else {
      watchdog.arm();
    }
  }

  /** Whether the oldest waiting task has waited too long for the threads awake. */
  private boolean stalled() {
    return late(queue.peek());
  }

  private static boolean late(Queued queued) {
    return queued != null && System.nanoTime() - queued.queuedAt > STALL_NANOS;
  }

  /**
   * Wakes an idle runner, or starts one when none is idle and the pool is not full, or else sends
   * the late tasks to the overflow. A task is never left without a runner: a runner going idle
   * rechecks the queue after counting itself out, and this counts awake runners after the task is
   * queued, so one of the two sees the other.
   */
  private void wakeOne() {
    Runner parked = idle.pollFirst();
    if (parked != null) {
      awake.incrementAndGet();
      parked.woken = true;
      LockSupport.unpark(parked.thread);
      return;
    }
    if ((!shutdown || !queue.isEmpty()) && reserveThread()) {
      awake.incrementAndGet();
      new Runner().thread.start();
    } else if (overflow != null && !shutdown) {
      overflowLateTasks();
    }
  }

  /**
   * Every thread is busy: the tasks that have waited too long run on the overflow, oldest first.
   * Those queued more recently stay for the pool, which may free a thread in time.
   */
  private void overflowLateTasks() {
    for (Queued head = queue.peek(); late(head); head = queue.peek()) {
      if (queue.remove(head)) { // else a runner took it meanwhile
        overflow.execute(head.task);
      }
    }
  }

  private boolean reserveThread() {
    for (int n = threads.get(); n < poolSize; n = threads.get()) {
      if (threads.compareAndSet(n, n + 1)) {
        return true;
      }
    }
    return false;
  }

  /** One pool thread: runs queued tasks back to back, parks when there are none. */
  private final class Runner implements Runnable {
    final Thread thread = new Thread(this, threadPrefix + threadNumber.incrementAndGet());
    volatile boolean woken;

    Runner() {
      thread.setDaemon(true);
      runners.add(this);
    }

    @Override
    public void run() {
      try {
        do {
          for (Queued next = queue.poll(); next != null; next = queue.poll()) {
            runTask(next.task);
          }
        } while (parkUntilWoken());
      } finally {
        runners.remove(this);
        threads.decrementAndGet();
        // A submit that found the pool full while this runner was leaving must still be served.
        if (!queue.isEmpty()) {
          wakeOne();
        }
        synchronized (termination) {
          termination.notifyAll();
        }
      }
    }

    private void runTask(Runnable task) {
      try {
        task.run();
      } catch (RuntimeException | Error thrown) { // only a plain execute(Runnable) can throw
        thread.getUncaughtExceptionHandler().uncaughtException(thread, thrown);
      }
      // A cancel(true) that arrived as the task ended must not interrupt the next one.
      Thread.interrupted();
    }

    /** Parks until a submit wakes this runner (true), or it should end (false). */
    private boolean parkUntilWoken() {
      woken = false;
      idle.addFirst(this);
      awake.decrementAndGet();
      if (!queue.isEmpty() && (awake.get() == 0 || stalled())) {
        wakeOne(); // a task queued while this runner was counting itself out; may wake itself
      }
      long parkedAt = System.nanoTime();
      while (!woken) {
        boolean tooLong = System.nanoTime() - parkedAt > keepAliveNanos;
        // Leave only if no waker has taken this runner off the idle list: its wake is then for us.
        if ((shutdown || tooLong) && idle.remove(this)) {
          return false;
        }
        LockSupport.parkNanos(this, keepAliveNanos);
        Thread.interrupted(); // a stale cancel or shutdownNow; the shutdown flag says which
      }
      return true;
    }
  }

  /**
   * Notices waiting tasks that no awake runner is taking, when no submit comes to notice it. It
   * exists once the pool has queued a task behind a busy runner, wakes when the oldest waiting task
   * would be late, and parks while no task waits.
   */
  private final class Watchdog implements Runnable {
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile Thread thread;

    void arm() {
      if (!armed.get() && armed.compareAndSet(false, true)) {
        Thread current = thread;
        if (current == null) {
          current = start();
        }
        LockSupport.unpark(current);
      }
    }

    private synchronized Thread start() {
      if (thread == null) {
        var started = new Thread(this, threadPrefix + "watchdog");
        started.setDaemon(true);
        started.start();
        thread = started;
      }
      return thread;
    }

    /** Ticks until the tasks queued before shutdown have run, then ends. */
    void wakeForShutdown() {
      armed.set(true);
      Thread current = thread;
      if (current != null) {
        LockSupport.unpark(current);
      }
    }

    @Override
    public void run() {
      while (!(shutdown && queue.isEmpty())) {
        if (!armed.get()) {
          LockSupport.park(this);
          continue;
        }
        Queued head = queue.peek();
        if (head == null) {
          armed.set(false);
          // A submit that saw the flag still set did not unpark us: look once more.
          if (!queue.isEmpty()) {
            armed.set(true);
          }
          continue;
        }
        long waited = System.nanoTime() - head.queuedAt;
        if (waited > STALL_NANOS) {
          wakeOne();
          waited = 0; // give the woken runner a full period before judging again
        }
        // Sleep until the oldest task would be late, not a fixed tick: most arms find the queue
        // already drained when the watchdog wakes, and cost it one wake-up, not two. At least half
        // a period, so a steady backlog of not-quite-late heads wakes it at most twice a period.
        LockSupport.parkNanos(this, Math.max(STALL_NANOS - waited, STALL_NANOS / 2));
      }
    }
  }

  @Override
  public void shutdown() {
    shutdown = true;
    if (overflow != null) {
      overflow.shutdown();
    }
    for (Runner parked = idle.pollFirst(); parked != null; parked = idle.pollFirst()) {
      awake.incrementAndGet();
      parked.woken = true;
      LockSupport.unpark(parked.thread);
    }
    watchdog.wakeForShutdown();
    synchronized (termination) {
      termination.notifyAll();
    }
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown();
    List<Runnable> neverRun = new ArrayList<>();
    for (Queued next = queue.poll(); next != null; next = queue.poll()) {
      neverRun.add(next.task);
    }
    for (Runner runner : runners) {
      runner.thread.interrupt();
    }
    if (overflow != null) {
      overflow.shutdownNow();
    }
    return neverRun;
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown && threads.get() == 0 && (overflow == null || overflow.isTerminated());
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    synchronized (termination) {
      while (threads.get() > 0 || !shutdown) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(termination, left);
      }
    }
    return overflow == null
        || overflow.awaitTermination(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
  }
}
