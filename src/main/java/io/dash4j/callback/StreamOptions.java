package io.dash4j.callback;

import io.dash4j.callback.StreamFn.StreamErrorHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options of a stream callback, with Flash's names where Dash has none; frozen when the
 * registration call returns. A stream is always persistent (the page shows no "Updating..." while
 * it runs) and runs over the socket; background jobs, {@code running} props and api endpoints are
 * not stream options (Dash 4.5 refuses {@code background=True} on its streams too).
 */
public final class StreamOptions {
  /**
   * A cancel input (Flash's {@code cancel=[(Input, value)]}): when it changes to anything but
   * {@code value}, the page's run of the stream stops.
   */
  public record Cancel(Input<?> input, Object value) {}

  /** Props pushed when a run ends, however it ends (Flash's {@code reset_props}). */
  public record Reset(Object componentId, Map<String, Object> props) {}

  private boolean preventInitialCall = true;
  private boolean hidden;
  private final List<Cancel> cancels = new ArrayList<>();
  private final List<Reset> resets = new ArrayList<>();
  private StreamErrorHandler onError;
  private boolean frozen;

  /** Options as the registration call fills them. */
  public StreamOptions() {}

  /**
   * Whether the stream skips the call Dash makes when the page loads; true unless set, since a
   * stream usually starts on a click.
   */
  public StreamOptions preventInitialCall(boolean prevent) {
    checkOpen();
    this.preventInitialCall = prevent;
    return this;
  }

  /** Hides the stream from the dev tools' callback graph. */
  public StreamOptions hidden(boolean hidden) {
    checkOpen();
    this.hidden = hidden;
    return this;
  }

  /**
   * Stops the page's run when {@code input} changes to anything but {@code value}: {@code
   * cancelUnless(Input.of("cancel", Html.Button.N_CLICKS), 0)} stops on a click, {@code
   * cancelUnless(Input.of("url", Dcc.Location.PATHNAME), "/live")} when the page navigates away.
   */
  public <T> StreamOptions cancelUnless(Input<T> input, T value) {
    checkOpen();
    cancels.add(new Cancel(Objects.requireNonNull(input, "input"), value));
    return this;
  }

  /** Pushes {@code props} to {@code componentId} when a run ends: returned, failed or stopped. */
  public StreamOptions resetProps(Object componentId, Map<String, ?> props) {
    checkOpen();
    resets.add(
        new Reset(Objects.requireNonNull(componentId, "componentId"), new LinkedHashMap<>(props)));
    return this;
  }

  /**
   * Handles an exception the stream threw, before its reset: e.g. pushes a notification. Without
   * one, the error is logged and answered as a callback error.
   */
  public StreamOptions onError(StreamErrorHandler handler) {
    checkOpen();
    this.onError = handler;
    return this;
  }

  /** Whether the stream skips the page-load call. */
  public boolean preventsInitialCall() {
    return preventInitialCall;
  }

  /** Whether the stream is hidden from the dev tools. */
  public boolean isHidden() {
    return hidden;
  }

  /** The cancel inputs, with the value each keeps the stream running at. */
  public List<Cancel> cancels() {
    return cancels;
  }

  /** The props pushed when a run ends. */
  public List<Reset> resets() {
    return resets;
  }

  /** The error handler, or null. */
  public StreamErrorHandler onError() {
    return onError;
  }

  /** Freezes these options: any later change throws. */
  public StreamOptions freeze() {
    frozen = true;
    return this;
  }

  private void checkOpen() {
    if (frozen) {
      throw new IllegalStateException("stream options are frozen once the stream is registered");
    }
  }
}
