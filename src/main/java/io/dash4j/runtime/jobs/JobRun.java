package io.dash4j.runtime.jobs;

import io.dash4j.callback.PreventUpdate;
import io.dash4j.model.AppModel;
import io.dash4j.model.ServerCallbackSpec;
import io.dash4j.protocol.MalformedRequest;
import io.dash4j.runtime.exec.CallbackInvoker;
import io.dash4j.runtime.jobs.JobStore.Outcome;
import io.dash4j.runtime.wire.UpdateRequests;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * One run of a job on a user-code thread, never an event loop: restores the start request, decodes
 * it, calls the function with a {@link JobContext} current, handles PreventUpdate and errors (the
 * callback's or the app's error handler, in the job), checks the value against the outputs, and
 * encodes the outcome. Null when the run was stopped: a stopped run publishes nothing.
 */
final class JobRun implements Callable<Outcome> {
  private final ServerCallbackSpec callback;
  private final AppModel model;
  private final boolean debug;
  private final String storedRequest;
  private final JobEmitter emitter;
  private volatile JobContext context;
  // guarded by this: the thread running the job, so stop() interrupts it and never a thread that
  // has moved on to another job
  private Thread thread;
  private boolean stopped;

  JobRun(
      ServerCallbackSpec callback,
      AppModel model,
      boolean debug,
      String storedRequest,
      JobEmitter emitter) {
    this.callback = callback;
    this.model = model;
    this.debug = debug;
    this.storedRequest = storedRequest;
    this.emitter = emitter;
  }

  /**
   * Stops the run: {@code isShutdown()} turns true and its thread is interrupted; a run not started
   * yet will not start.
   */
  synchronized void stop() {
    stopped = true;
    var current = context;
    if (current != null) {
      current.stop();
    }
    if (thread != null) {
      thread.interrupt();
    }
  }

  private synchronized boolean enter() {
    if (stopped) {
      return false;
    }
    thread = Thread.currentThread();
    return true;
  }

  private synchronized void leave() {
    thread = null;
    Thread.interrupted(); // a stop that came as the run ended must not reach the thread's next job
  }

  @Override
  public Outcome call() {
    if (!enter()) {
      return null;
    }
    try {
      return run();
    } finally {
      leave();
    }
  }

  private Outcome run() {
    var invoker = new CallbackInvoker(callback, model, debug);
    var request = UpdateRequests.fromStoredJson(storedRequest);
    CallbackInvoker.Decoded decoded;
    try {
      decoded = invoker.decode(request);
    } catch (MalformedRequest e) {
      return failed(e);
    }
    var job = new JobContext(request, emitter, callback.options().progress().size());
    synchronized (this) {
      context = job;
      if (stopped) {
        return null;
      }
    }
    Object result;
    try {
      result = job.run(() -> callback.apply(decoded.arguments()));
    } catch (PreventUpdate prevent) {
      return JobOutcomes.preventUpdate();
    } catch (Exception | StackOverflowError | LinkageError | AssertionError error) {
      if (job.isShutdown()) {
        return null;
      }
      try {
        result = invoker.handleError(job, error);
      } catch (PreventUpdate prevent) {
        return JobOutcomes.preventUpdate();
      } catch (Exception | StackOverflowError | LinkageError | AssertionError unhandled) {
        return job.isShutdown() ? null : failed(unhandled);
      }
    }
    if (job.isShutdown()) {
      return null;
    }
    try {
      // the value must fit the outputs: a bad one is this job's error, not the page's poll's
      invoker.body(decoded.outputs(), result, Map.of());
    } catch (RuntimeException invalidReturn) {
      return failed(invalidReturn);
    }
    return JobOutcomes.value(result);
  }

  private static Outcome failed(Throwable error) {
    return JobOutcomes.failure(error);
  }
}
