package io.dash4j.callback;

import io.dash4j.callback.Fn.ErrorHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

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
  private boolean nonBlocking;
  private boolean background;
  private final List<Output<?>> progress = new ArrayList<>();
  private List<Object> progressDefault = List.of();
  private final List<Input<?>> cancel = new ArrayList<>();
  private final List<Supplier<?>> cacheBy = new ArrayList<>();
  private int[] cacheArgsToIgnore = new int[0];
  private boolean cacheIgnoreTriggered = true;
  private Duration cacheExpire;
  private Duration interval;
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
   * Promises that the callback never blocks (no I/O, no locks, no sleeps: it only computes its
   * outputs from its arguments), so an HTTP call runs it on the event loop that received the
   * request, with no hop to a user-code thread and back: the fastest path dash4j has. A dash4j
   * extension, as Vert.x's event-loop handlers are.
   *
   * <p>Only for callbacks that keep that promise: while one runs, every other request on its event
   * loop waits, and the callback timeout cannot stop it (Vert.x logs a blocked-thread warning after
   * two seconds). Over the socket door such a callback still runs on a socket-call thread, where it
   * may wait for its page. Cannot be combined with {@code background} or {@code websocket}.
   */
  public CallbackOptions nonBlocking() {
    checkOpen();
    this.nonBlocking = true;
    return this;
  }

  /**
   * Runs the callback as a background job (Dash's {@code background=True}): off the request, on the
   * app's pool of job workers, polled by the page, cancellable, with progress. Its job survives a
   * worker that dies when the job store is Redis or the app runs as a cluster.
   */
  public CallbackOptions background(boolean background) {
    checkOpen();
    this.background = background;
    return this;
  }

  /**
   * Outputs the job reports progress to (Dash's {@code progress=}), with {@link
   * CallbackContext#setProgress} one value per output; no wildcards.
   */
  public CallbackOptions progress(Output<?>... outputs) {
    checkOpen();
    progress.addAll(List.of(outputs));
    return this;
  }

  /**
   * What the progress outputs show when the job ends or is cancelled (Dash's {@code
   * progress_default}), one value per progress output.
   */
  public CallbackOptions progressDefault(Object... values) {
    checkOpen();
    this.progressDefault = Arrays.asList(values.clone());
    return this;
  }

  /**
   * Inputs whose change cancels a running job of this callback (Dash's {@code cancel=}): a Cancel
   * button's {@code n_clicks}, or a {@code dcc.Location}'s pathname; no wildcards.
   */
  public CallbackOptions cancel(Input<?>... inputs) {
    checkOpen();
    cancel.addAll(List.of(inputs));
    return this;
  }

  /**
   * Caches results (Dash's manager {@code cache_by=}): a job's result is kept under a key made of
   * the callback, its argument values and what these suppliers return, and a later call with the
   * same key answers at once. The suppliers run off the event loop when a job starts.
   */
  public CallbackOptions cacheBy(Supplier<?>... keys) {
    checkOpen();
    cacheBy.addAll(List.of(keys));
    return this;
  }

  /**
   * Arguments left out of the cache key (Dash's {@code cache_args_to_ignore}), by position in the
   * function's argument order.
   */
  public CallbackOptions cacheArgsToIgnore(int... positions) {
    checkOpen();
    this.cacheArgsToIgnore = positions.clone();
    return this;
  }

  /**
   * Whether which input triggered the call stays out of the cache key (Dash's {@code
   * cache_ignore_triggered}, default true).
   */
  public CallbackOptions cacheIgnoreTriggered(boolean ignore) {
    checkOpen();
    this.cacheIgnoreTriggered = ignore;
    return this;
  }

  /**
   * How long a cached result lives, refreshed on each hit (Dash's manager {@code expire=}); unset:
   * the app's {@code jobs.cacheTtl}.
   */
  public CallbackOptions cacheExpire(Duration expire) {
    checkOpen();
    if (expire == null || expire.isNegative() || expire.isZero()) {
      throw new IllegalArgumentException("cacheExpire must be positive");
    }
    this.cacheExpire = expire;
    return this;
  }

  /** How often the page polls for the job (Dash's {@code interval=}, default 1 s; zero allowed). */
  public CallbackOptions interval(Duration interval) {
    checkOpen();
    if (interval == null || interval.isNegative()) {
      throw new IllegalArgumentException("interval must be zero or positive");
    }
    this.interval = interval;
    return this;
  }

  /** Whether the callback runs as a background job. */
  public boolean isBackground() {
    return background;
  }

  /** The progress outputs. */
  public List<Output<?>> progress() {
    return List.copyOf(progress);
  }

  /** The progress defaults, one per progress output; empty when unset. */
  public List<Object> progressDefault() {
    return progressDefault;
  }

  /** The inputs that cancel a running job. */
  public List<Input<?>> cancel() {
    return List.copyOf(cancel);
  }

  /** The cache-key suppliers; empty when the callback does not cache. */
  public List<Supplier<?>> cacheBy() {
    return List.copyOf(cacheBy);
  }

  /** Argument positions left out of the cache key. */
  public int[] cacheArgsToIgnore() {
    return cacheArgsToIgnore.clone();
  }

  /** Whether the triggering input stays out of the cache key. */
  public boolean isCacheIgnoreTriggered() {
    return cacheIgnoreTriggered;
  }

  /** The cached result's lifetime, or null for the app's default. */
  public Duration cacheExpire() {
    return cacheExpire;
  }

  /** The poll interval: the one set, else Dash's default of one second. */
  public Duration interval() {
    return interval == null ? Duration.ofSeconds(1) : interval;
  }

  /** Whether any option that only a background callback may have was set. */
  private boolean usesBackgroundOnlyOptions() {
    return !progress.isEmpty()
        || !progressDefault.isEmpty()
        || !cancel.isEmpty()
        || !cacheBy.isEmpty()
        || cacheArgsToIgnore.length > 0
        || !cacheIgnoreTriggered
        || cacheExpire != null
        || interval != null;
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

  /** Whether the app promised the callback never blocks: HTTP calls run it on the event loop. */
  public boolean isNonBlocking() {
    return nonBlocking;
  }

  /**
   * Ends the registration call: checks the options against each other, as Dash does when a callback
   * is declared, and from now on every setter throws.
   *
   * @throws IllegalArgumentException when the options contradict each other
   */
  public CallbackOptions freeze() {
    if (!frozen) {
      check();
    }
    frozen = true;
    return this;
  }

  private void check() {
    if (nonBlocking && (background || websocket)) {
      throw new IllegalArgumentException(
          "a nonBlocking callback runs on the event loop: it cannot also be background, which runs"
              + " on a job worker, or websocket, which may wait for its page");
    }
    if (!background) {
      if (usesBackgroundOnlyOptions()) {
        throw new IllegalArgumentException(
            "progress, progressDefault, cancel, cacheBy, cacheArgsToIgnore, "
                + "cacheIgnoreTriggered, cacheExpire and interval need background(true)");
      }
      return;
    }
    if (!progressDefault.isEmpty() && progressDefault.size() != progress.size()) {
      throw new IllegalArgumentException(
          "give one progressDefault per progress output ("
              + progress.size()
              + "), not "
              + progressDefault.size());
    }
    for (Dependency<?> dependency : concat(progress, cancel)) {
      if (dependency.isPattern()) {
        throw new IllegalArgumentException(
            "progress and cancel take components without wildcards: " + dependency);
      }
    }
    if (websocket || apiEndpoint != null || allowDynamicCallbacks) {
      throw new IllegalArgumentException(
          "a background callback cannot also be websocket, an api endpoint or a dynamic creator");
    }
  }

  private static List<Dependency<?>> concat(List<Output<?>> outputs, List<Input<?>> inputs) {
    var all = new ArrayList<Dependency<?>>(outputs);
    all.addAll(inputs);
    return all;
  }

  private void checkOpen() {
    if (frozen) {
      throw new IllegalStateException(
          "callback options are set in the registration call and cannot change later");
    }
  }
}
