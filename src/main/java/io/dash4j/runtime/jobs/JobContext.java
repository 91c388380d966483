package io.dash4j.runtime.jobs;

import io.dash4j.callback.CallbackResponse;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.UpdateRequest;
import io.dash4j.runtime.exec.RequestContext;
import java.util.Map;

/**
 * The callback context inside a background job: the start request restored from the store, with
 * {@code setProps} and {@code setProgress} going to the job's emitter, and {@code isShutdown()}
 * true once the job was cancelled, superseded or lost its lease.
 */
final class JobContext extends RequestContext {
  private final JobEmitter emitter;
  private final int progressOutputs;
  private volatile boolean stopped;

  JobContext(UpdateRequest request, JobEmitter emitter, int progressOutputs) {
    super(request);
    this.emitter = emitter;
    this.progressOutputs = progressOutputs;
  }

  @Override
  public void setProps(Object componentId, Map<String, ?> props) {
    emitter.setProps(CallbackKeys.stringifyId(componentId), props);
  }

  @Override
  public void setProgress(Object... values) {
    if (progressOutputs == 0) {
      super.setProgress(values);
    }
    if (values.length != progressOutputs) {
      throw new IllegalArgumentException(
          "setProgress takes one value per progress output ("
              + progressOutputs
              + "), not "
              + values.length);
    }
    emitter.setProgress(values);
  }

  /** Dash drops the response object from a job's context: nothing would carry its headers. */
  @Override
  public CallbackResponse response() {
    throw new IllegalStateException(
        "a background callback has no response to set headers or cookies on");
  }

  @Override
  public Map<String, Object> getProps(Object componentId, String... props) {
    throw new IllegalStateException(
        "a background callback cannot ask the page for props: read them with a State");
  }

  @Override
  public boolean isShutdown() {
    return stopped;
  }

  void stop() {
    stopped = true;
  }
}
