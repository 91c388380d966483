package io.dash4j.websocket;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;

/**
 * The page end of a callback that runs over the socket (Dash's {@code ctx.websocket}): reach it
 * with {@code CallbackContext.current().websocket()}, which is null over HTTP.
 *
 * <p>Pushes leave at once, in the order they were made, and always before the callback's own
 * answer; a burst made while the event loop is busy travels as one batch. Every method may be
 * called from any thread the callback starts.
 */
public interface Websocket {
  /** The page's renderer id: random per page load, chosen by the browser. */
  String rendererId();

  /**
   * Sets props of a component in the page now, not when the callback ends (Dash's {@code set_props}
   * over a socket).
   *
   * @param componentId a string id, or a map for a pattern-matching id
   * @param props prop name to new value (component JSON and {@code Patch} values allowed)
   * @throws PageGone when the page is gone
   */
  void setProps(Object componentId, Map<String, ?> props);

  /** One prop: {@code setProps(componentId, Map.of(prop, value))}. */
  default void setProp(Object componentId, String prop, Object value) {
    setProps(componentId, Collections.singletonMap(prop, value));
  }

  /**
   * Asks the page for the current values of some props of a component (Dash's {@code get_prop}).
   * Blocks the calling thread until the page answers.
   *
   * @return prop name to value; props the component lacks are absent, and an unknown component
   *     gives an empty map
   * @throws java.util.concurrent.CompletionException wrapping a {@link
   *     java.util.concurrent.TimeoutException} when the page does not answer within {@code timeout}
   * @throws PageGone when the page goes away first
   */
  Map<String, Object> getProps(Object componentId, Duration timeout, String... props);

  /**
   * {@link #getProps(Object, Duration, String...)} of one prop with a 30 s timeout; null when
   * absent.
   */
  default Object getProp(Object componentId, String prop) {
    return getProps(componentId, Duration.ofSeconds(30), prop).get(prop);
  }

  /**
   * Whether the page went away (its tab closed, its socket dropped). A long loop should check this
   * and stop; the callback's thread is also interrupted when it happens.
   */
  boolean isShutdown();
}
