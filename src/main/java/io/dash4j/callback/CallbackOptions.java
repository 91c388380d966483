package io.dash4j.callback;

import io.dash4j.callback.Fn.ErrorHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The options of one server callback, with Dash's names: given to the last argument of a
 * registration call and frozen when that call returns, so nothing about a registered callback
 * changes later.
 *
 * <pre>{@code
 * app.callback(Output.of("out", Html.Div.CHILDREN), Input.of("go", Html.Button.N_CLICKS), n -> "clicked " + n,
 *     options -> options.preventInitialCall(true).running(Output.of("go", Html.Button.DISABLED), true, false));
 * }</pre>
 */
public final class CallbackOptions {
  /** A prop flipped while the callback runs (Dash's {@code running=[(Output, on, off)]}). */
  public record Running(Output<?> output, Object whileRunning, Object afterwards) {}

  /**
   * The api endpoint of a callback: its path and the JSON names of its arguments (empty: their prop
   * names).
   */
  public record ApiEndpoint(String path, List<String> names) {}

  private Boolean preventInitialCall; // null: the app's default
  private boolean initialDuplicate;
  private boolean hidden;
  private final List<Running> running = new ArrayList<>();
  private ErrorHandler onError;
  private ApiEndpoint apiEndpoint;
  private boolean allowDynamicCallbacks;
  private boolean websocket;
  private boolean persistent;
  private boolean frozen;

  /** Options as the registration call fills them; the app freezes them when the call returns. */
  public CallbackOptions() {}

  /** Skips the call Dash makes when the page loads (Dash's {@code prevent_initial_call}). */
  public CallbackOptions preventInitialCall(boolean prevent) {
    checkOpen();
    this.preventInitialCall = prevent;
    return this;
  }

  /**
   * Dash's {@code prevent_initial_call="initial_duplicate"}: the callback runs on page load
   * although one of its outputs allows duplicates.
   */
  public CallbackOptions initialDuplicate() {
    checkOpen();
    this.initialDuplicate = true;
    this.preventInitialCall = false;
    return this;
  }

  /** Hides the callback from the dev tools' callback graph (Dash's {@code hidden}). */
  public CallbackOptions hidden(boolean hidden) {
    checkOpen();
    this.hidden = hidden;
    return this;
  }

  /**
   * Sets {@code output} to {@code whileRunning} when the callback starts and to {@code afterwards}
   * when it ends; for an {@code Output.all(...)} each matched component gets the value, as in Dash.
   */
  public CallbackOptions running(Output<?> output, Object whileRunning, Object afterwards) {
    checkOpen();
    running.add(new Running(Objects.requireNonNull(output, "output"), whileRunning, afterwards));
    return this;
  }

  /** Handles this callback's exceptions; its return value replaces the callback's. */
  public CallbackOptions onError(ErrorHandler handler) {
    checkOpen();
    this.onError = handler;
    return this;
  }

  /**
   * Also serves this callback as a plain JSON API (Dash's {@code api_endpoint}): {@code POST
   * <prefix><path>} with a JSON object of argument values answers the JSON of what the callback
   * returns (a list for several outputs). The body's keys are the arguments' prop names ({@code
   * {"n_clicks": 3}}), or {@code names} in argument order.
   */
  public CallbackOptions apiEndpoint(String path, String... names) {
    checkOpen();
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("an api endpoint path starts with '/': " + path);
    }
    this.apiEndpoint = new ApiEndpoint(path, List.of(names));
    return this;
  }

  /**
   * Lets this callback register new callbacks while it runs (Dash's {@code
   * _allow_dynamic_callbacks}); the renderer fetches the callbacks again after it. Callbacks made
   * so exist on the node that ran it only.
   */
  public CallbackOptions allowDynamicCallbacks() {
    checkOpen();
    this.allowDynamicCallbacks = true;
    return this;
  }

  /**
   * Runs this callback over the socket door when the browser can (Dash's {@code websocket=True}):
   * its {@code setProps} reach the page at once and it can {@code getProps}. Browsers without a
   * SharedWorker still call it over HTTP, so it must work there too.
   */
  public CallbackOptions websocket(boolean websocket) {
    checkOpen();
    this.websocket = websocket;
    return this;
  }

  /**
   * Marks a long-lived callback (Dash's {@code persistent=True}): the page shows no "Updating..."
   * title and no loading state while it runs.
   */
  public CallbackOptions persistent(boolean persistent) {
    checkOpen();
    this.persistent = persistent;
    return this;
  }

  /**
   * Whether Dash's initial call is skipped, given the app's default for callbacks that say nothing.
   */
  public boolean preventsInitialCall(boolean appDefault) {
    return preventInitialCall == null ? appDefault : preventInitialCall;
  }

  /** Whether the callback runs on page load despite a duplicate-allowing output. */
  public boolean isInitialDuplicate() {
    return initialDuplicate;
  }

  /** Whether the callback is hidden from the dev tools. */
  public boolean isHidden() {
    return hidden;
  }

  /** The props flipped while the callback runs. */
  public List<Running> running() {
    return List.copyOf(running);
  }

  /** The callback's own error handler, or null. */
  public ErrorHandler onError() {
    return onError;
  }

  /** The api endpoint, or null. */
  public ApiEndpoint apiEndpoint() {
    return apiEndpoint;
  }

  /** Whether the callback may register callbacks while it runs. */
  public boolean allowsDynamicCallbacks() {
    return allowDynamicCallbacks;
  }

  /** Whether the callback itself asked for the socket. */
  public boolean isWebsocket() {
    return websocket;
  }

  /** Whether the callback is persistent. */
  public boolean isPersistent() {
    return persistent;
  }

  /** Ends the registration call: from now on every setter throws. */
  public CallbackOptions freeze() {
    frozen = true;
    return this;
  }

  private void checkOpen() {
    if (frozen) {
      throw new IllegalStateException(
          "callback options are set in the registration call and cannot change later");
    }
  }
}
