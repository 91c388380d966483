package io.dash4j.runtime.exec;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where user code runs: never on an event loop. On JDK 21+ each call gets a virtual thread, so a
 * blocking callback costs no platform thread; on JDK 17 a bounded pool of worker threads. Tasks are
 * interruptible, which is how a callback past its timeout is stopped.
 */
public final class UserCodeExecutor {
  private UserCodeExecutor() {}

  /** Virtual threads where the JVM has them, else {@code poolSize} platform threads. */
  public static ExecutorService create(int poolSize) {
    return create(poolSize, "dash4j-callback-");
  }

  /** Virtual threads where the JVM has them, else {@code poolSize} platform threads so named. */
  public static ExecutorService create(int poolSize, String threadPrefix) {
    try {
      // Compiled for Java 17: reach the JDK 21 factory reflectively.
      var factory = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return (ExecutorService) factory.invoke(null);
    } catch (ReflectiveOperationException notJdk21) {
      var pool =
          new ThreadPoolExecutor(
              poolSize,
              poolSize,
              60,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(),
              daemonThreads(threadPrefix));
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }

  /**
   * Where socket calls run: virtual threads where the JVM has them, else a thread per running call,
   * pooled. A socket call may live as long as its page (a stream), so a bounded pool would let a
   * few open pages starve every other call; their number is bounded by the pages connected instead.
   */
  public static ExecutorService createForSockets(ExecutorService userCode) {
    if (virtualThreads()) {
      return userCode;
    }
    return new ThreadPoolExecutor(
        0,
        Integer.MAX_VALUE,
        60,
        TimeUnit.SECONDS,
        new SynchronousQueue<>(),
        daemonThreads("dash4j-socket-call-"));
  }

  /** Whether user code runs on virtual threads in this JVM. */
  public static boolean virtualThreads() {
    try {
      Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    var count = new AtomicInteger();
    return task -> {
      var thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
