package io.dash4j.scenarios.background;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds a background job at one point while a test acts on it (cancels or supersedes it), so the
 * test does not race the job's sleeps on a busy machine. Open, it lets jobs through at once; {@link
 * #close()} makes jobs wait in {@link #pass()} until {@link #open()} or until their thread is
 * interrupted, which a cancelled job's is; {@link #arrived()} and {@link #interrupted()} count the
 * jobs held and those cancelled while held.
 *
 * <p>Registered as an extension ({@code @RegisterExtension static final Gate gate = new Gate();}),
 * it starts each test open with its counts at zero, and opens after each so no job stays held.
 */
final class Gate implements BeforeEachCallback, AfterEachCallback {
  private volatile CountDownLatch latch;
  private final AtomicInteger arrived = new AtomicInteger();
  private final AtomicInteger interrupted = new AtomicInteger();

  /** Jobs arriving from now on wait. */
  void close() {
    latch = new CountDownLatch(1);
  }

  /** Lets waiting and later jobs through. */
  void open() {
    CountDownLatch held = latch;
    latch = null;
    if (held != null) {
      held.countDown();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    open();
    arrived.set(0);
    interrupted.set(0);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    open();
  }

  /** Jobs that came to the gate while it was closed: they run and wait, or waited. */
  int arrived() {
    return arrived.get();
  }

  /** Jobs interrupted while they waited here. */
  int interrupted() {
    return interrupted.get();
  }

  /** Called by the job: waits while the gate is closed. */
  void pass() throws InterruptedException {
    CountDownLatch held = latch;
    if (held == null) {
      return;
    }
    arrived.incrementAndGet();
    try {
      held.await();
    } catch (InterruptedException e) {
      interrupted.incrementAndGet();
      throw e;
    }
  }
}
