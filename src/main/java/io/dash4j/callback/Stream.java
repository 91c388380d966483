package io.dash4j.callback;

import io.dash4j.layout.PropId;
import java.util.Collections;
import java.util.Map;

/**
 * A running stream callback's way to the page (Flash's event callbacks with {@code stream_props}):
 * each {@link #setProps} reaches the page at once over the socket. A stream runs until its function
 * returns, a cancel input changes, the same callback is triggered again on the same page (the new
 * run replaces it), or the page goes away; the thread is then interrupted and {@link #isStopped()}
 * turns true, and the stream's {@code resetProps} are pushed.
 *
 * <pre>{@code
 * app.streamCallback(Input.of("go", Html.Button.N_CLICKS), (clicks, stream) -> {
 *   for (int i = 1; i <= 10; i++) {
 *     stream.setProp("progress", "children", "step " + i);
 *     Thread.sleep(500);
 *   }
 * }, options -> options.cancelUnless(Input.of("stop", Html.Button.N_CLICKS), 0)
 *     .resetProps("progress", Map.of("children", "idle")));
 * }</pre>
 */
public interface Stream {
  /**
   * Sets props of a component in the page now (Dash's {@code set_props}).
   *
   * @param componentId a string id, or a map for a pattern-matching id
   * @throws StreamStopped once the stream was stopped (cancelled, replaced, its page gone)
   */
  void setProps(Object componentId, Map<String, ?> props);

  /** One prop: {@code setProps(componentId, Map.of(prop, value))}. */
  default void setProp(Object componentId, String prop, Object value) {
    setProps(componentId, Collections.singletonMap(prop, value));
  }

  /** One prop, typed: {@code setProp(Html.Div.CHILDREN.of("clock"), "12:00")}. */
  default <T> void setProp(PropId<T> prop, T value) {
    setProps(prop.componentId(), Collections.singletonMap(prop.prop().name(), value));
  }

  /**
   * Reads one prop from the page (Dash's {@code get_prop}), waiting up to 30 s; null when the
   * component lacks it. Over the socket only.
   */
  Object getProp(Object componentId, String prop);

  /** Whether the stream was stopped: a long loop checks it (its thread is also interrupted). */
  boolean isStopped();
}
