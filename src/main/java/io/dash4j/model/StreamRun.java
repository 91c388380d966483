package io.dash4j.model;

import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Emitter;
import io.dash4j.callback.NoUpdate;
import io.dash4j.callback.Output;
import io.dash4j.callback.StreamDeclaration;
import io.dash4j.callback.StreamOptions.Reset;
import io.dash4j.callback.StreamStopped;
import io.dash4j.websocket.PageGone;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run of a stream on one page: the {@link Emitter} its function gets. It pushes through the
 * call's context until it is stopped; whoever stops it (a new run, a cancel input) interrupts its
 * thread and waits for it to end. The run resets the page itself as it ends, so the resets leave
 * before its call's answer and before anything of a next run; a run that does not end within
 * {@value #STOP_WAIT_MILLIS} ms of a stop is reset by its stopper instead, and can push no more.
 */
final class StreamRun implements Emitter<Object> {
  /** How long a stop waits for the run's thread to end before it resets the page anyway. */
  private static final long STOP_WAIT_MILLIS = 1_000;

  private final String id = UUID.randomUUID().toString();
  private final StreamDeclaration stream;
  private final CallbackContext context;
  private final CountDownLatch ended = new CountDownLatch(1);
  private Thread thread; // guarded by this: the run's thread while the function runs
  private volatile boolean stopped;
  private final AtomicBoolean reset = new AtomicBoolean();

  StreamRun(StreamDeclaration stream, CallbackContext context) {
    this.stream = stream;
    this.context = context;
    this.thread = Thread.currentThread();
  }

  /** This run among all runs of the app's streams, in every process. */
  String id() {
    return id;
  }

  /** The call that runs it. */
  CallbackContext context() {
    return context;
  }

  @Override
  public void setProps(Object componentId, Map<String, ?> props) {
    if (stopped) {
      throw new StreamStopped();
    }
    try {
      context.setProps(componentId, props);
    } catch (PageGone gone) {
      throw new StreamStopped();
    }
  }

  @Override
  public Object getProp(Object componentId, String prop) {
    if (stopped) {
      throw new StreamStopped();
    }
    return context.getProp(componentId, prop);
  }

  @Override
  public boolean isStopped() {
    return stopped || context.isShutdown();
  }

  @Override
  public void emit(Object value) {
    List<Output<?>> outputs = stream.outputs();
    if (outputs.isEmpty()) {
      throw new IllegalStateException("an event stream has no outputs: use setProps");
    }
    List<?> values = stream.multiOutput() ? (List<?>) value : Collections.singletonList(value);
    if (values.size() != outputs.size()) {
      throw new IllegalArgumentException(
          "emitted " + values.size() + " values for " + outputs.size() + " outputs");
    }
    for (int i = 0; i < outputs.size(); i++) {
      Object wire = values.get(i);
      if (wire != NoUpdate.NO_UPDATE) {
        Output<?> output = outputs.get(i);
        setProps(output.componentId(), Collections.singletonMap(output.property(), wire));
      }
    }
  }

  /**
   * Stops this run from another thread, then resets the page through {@code by} (the stopper's own
   * call to the same page).
   */
  void stop(CallbackContext by) {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
      if (thread != null) {
        thread.interrupt();
      }
    }
    try {
      if (ended.await(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    reset(by);
  }

  /** The function is over: resets the page (unless a stop gave up waiting and did). */
  void end() {
    synchronized (this) {
      thread = null;
      Thread.interrupted(); // a stop's interrupt must not reach the thread's next task
      stopped = true;
    }
    reset(context);
    ended.countDown();
  }

  private void reset(CallbackContext through) {
    if (!reset.compareAndSet(false, true)) {
      return;
    }
    try {
      for (Reset reset : stream.options().resets()) {
        through.setProps(reset.componentId(), reset.props());
      }
    } catch (PageGone gone) {
      // nobody left to reset
    }
  }
}
