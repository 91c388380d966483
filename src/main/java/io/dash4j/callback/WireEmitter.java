package io.dash4j.callback;

import java.util.Map;

/**
 * The emitter a stream's function gets: it unwraps what the function emits as {@link Wire} does for
 * a callback's return value, so the runtime sees plain values, {@link NoUpdate#NO_UPDATE} and
 * patches only.
 */
final class WireEmitter implements Emitter<Object> {
  private final Emitter<Object> runtime;
  private final boolean multiOutput;

  WireEmitter(Emitter<Object> runtime, boolean multiOutput) {
    this.runtime = runtime;
    this.multiOutput = multiOutput;
  }

  @Override
  public void emit(Object value) {
    runtime.emit(multiOutput ? Wire.multi(value) : Wire.single(value));
  }

  @Override
  public void setProps(Object componentId, Map<String, ?> props) {
    runtime.setProps(componentId, props);
  }

  @Override
  public Object getProp(Object componentId, String prop) {
    return runtime.getProp(componentId, prop);
  }

  @Override
  public boolean isStopped() {
    return runtime.isStopped();
  }
}
