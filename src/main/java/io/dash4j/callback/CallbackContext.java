package io.dash4j.callback;

import io.dash4j.layout.Prop;
import io.dash4j.layout.PropId;
import io.dash4j.websocket.Websocket;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What a running callback knows about its call: Dash's {@code dash.callback_context}. Reach it from
 * inside a callback with {@link #current()}.
 *
 * <pre>{@code
 * app.callback(Output.of("log", Html.CHILDREN), Input.of("a", Html.N_CLICKS), Input.of("b", Html.N_CLICKS),
 *     (a, b) -> "last click: " + CallbackContext.current().triggeredId());
 * }</pre>
 */
public abstract class CallbackContext {
  private static final ThreadLocal<CallbackContext> CURRENT = new ThreadLocal<>();

  /** One prop whose change triggered this call. */
  public record Triggered(String propId, Object value) {}

  /**
   * The context of the callback running on this thread.
   *
   * @throws IllegalStateException outside a callback
   */
  public static CallbackContext current() {
    var context = CURRENT.get();
    if (context == null) {
      throw new IllegalStateException(
          "CallbackContext.current() is only available inside a callback");
    }
    return context;
  }

  /**
   * Runs {@code body} with this context as {@link #current()} on the calling thread. For the
   * runtime.
   */
  protected final <T> T runWithin(Callable<T> body) throws Exception {
    var previous = CURRENT.get();
    CURRENT.set(this);
    try {
      return body.call();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }

  /**
   * The props whose change triggered this call. On the initial call of a page it holds Dash's
   * placeholder {@code {prop_id: ".", value: null}}, as Python's {@code callback_context.triggered}
   * does; test {@code triggeredId() == null} for an initial call.
   */
  public abstract List<Triggered> triggered();

  /** The id of the first triggering component (a string or a map), or null on an initial call. */
  public abstract Object triggeredId();

  /**
   * The triggering prop ids mapped to their component ids (Dash's {@code triggered_prop_ids}): a
   * string, or the map of a pattern-matching id.
   */
  public abstract Map<String, Object> triggeredPropIds();

  /** Input values by prop id ({@code "id.prop"}). */
  public abstract Map<String, Object> inputs();

  /** State values by prop id ({@code "id.prop"}). */
  public abstract Map<String, Object> states();

  /**
   * The inputs as the browser sent them: one {@code {id, property, value}} map each, lists for ALL
   * patterns.
   */
  public abstract List<Object> inputsList();

  /** The states as the browser sent them. */
  public abstract List<Object> statesList();

  /**
   * The outputs as the browser sent them ({@code {id, property}}, lists for ALL); empty without
   * outputs.
   */
  public abstract List<Object> outputsList();

  /** The request's headers (HTTP header names in lower case). */
  public abstract Map<String, List<String>> headers();

  /** One request header, or null. */
  public String header(String name) {
    List<String> values = headers().get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The request's cookies by name. */
  public abstract Map<String, String> cookies();

  /** The path of the request, with its query string. */
  public abstract String path();

  /** The client's address. */
  public abstract String remote();

  /** The request's {@code Origin} header, or null. */
  public String origin() {
    return header("origin");
  }

  /** Headers and cookies to add to the response. */
  public abstract CallbackResponse response();

  /**
   * Dash's {@code set_props}: sets props of any component in the page, whether or not it is an
   * output of this callback. Over HTTP the props travel with the answer ({@code sideUpdate}), later
   * calls for the same component merging into earlier ones; over the socket each call is pushed to
   * the page at once.
   *
   * @param componentId a string id, or a map for a pattern-matching id
   * @param props prop name to new value
   */
  public abstract void setProps(Object componentId, Map<String, ?> props);

  /**
   * Dash's {@code set_props} for one prop, typed: {@code setProp(Html.Div.CHILDREN.of("clock"),
   * "12:00")}, the value checked by javac against the prop. Behaves as {@link #setProps} with one
   * entry.
   *
   * @param prop the prop of a component in the page, from {@link Prop#of(Object)}
   * @param value its new value; null sets it to null
   */
  public final <T> void setProp(PropId<T> prop, T value) {
    setProps(prop.componentId(), Collections.singletonMap(prop.prop().name(), value));
  }

  /**
   * Reports a background job's progress (Dash's {@code set_progress}): one value per output of the
   * callback's {@code progress(...)} option, shown on the page while the job runs. Only the latest
   * report counts: one made before the page looked replaces the one before it.
   *
   * @throws IllegalStateException outside a background callback with progress outputs
   * @throws IllegalArgumentException when the count of values differs from the progress outputs
   */
  public void setProgress(Object... values) {
    throw new IllegalStateException(
        "setProgress needs a background callback with progress outputs: "
            + "options.background(true).progress(...)");
  }

  /**
   * The socket this call came through (Dash's {@code ctx.websocket}), or null when it came over
   * HTTP. Over the socket {@link #setProps} pushes at once and {@link #getProps} can ask the page.
   */
  public Websocket websocket() {
    return null;
  }

  /**
   * Whether the page that made this call went away (Dash's {@code ctx.websocket.is_shutdown}): a
   * long loop over the socket checks it and stops. Always false over HTTP.
   */
  public boolean isShutdown() {
    Websocket socket = websocket();
    return socket != null && socket.isShutdown();
  }

  /**
   * Reads props of a component from the page while the callback runs (Dash's {@code get_prop}),
   * waiting up to 30 s. Only over the socket: an HTTP request carries what the page knew in its
   * {@code State}s.
   *
   * @throws IllegalStateException when this call came over HTTP
   */
  public Map<String, Object> getProps(Object componentId, String... props) {
    Websocket socket = websocket();
    if (socket == null) {
      throw new IllegalStateException(
          "getProps needs a websocket callback: mark the callback websocket(true), or "
              + "read the value with a State over HTTP");
    }
    return socket.getProps(componentId, Duration.ofSeconds(30), props);
  }

  /** One prop of {@link #getProps}: its value, or null when the component lacks it. */
  public Object getProp(Object componentId, String prop) {
    return getProps(componentId, prop).get(prop);
  }
}
