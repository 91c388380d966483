package io.dash4j;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * App and server settings, with Dash's names where Dash has one. Fluent: {@code
 * config.title("Sales").debug(true)}; each setting's no-argument form reads it. The launcher's JSON
 * config ({@code conf/config.json}) overrides the server settings (host, port, prefix, debug,
 * limits).
 */
public final class DashConfig {
  private String title = "Dash";
  private boolean debug;
  private String host = "localhost";
  private int port = 8050;
  private String prefix = "/";
  private String requestsPathnamePrefix;
  private String assetsFolder = "assets";
  private String updateTitle = "Updating...";
  private boolean suppressCallbackExceptions;
  private boolean preventInitialCallbacks;
  private Duration callbackTimeout = Duration.ofSeconds(30);
  private int maxRequestBytes = 1024 * 1024;
  private int workerPoolSize = 20;
  private boolean loopVirtualThreads = true;
  private boolean websocketCallbacks;
  private final List<String> websocketAllowedOrigins = new ArrayList<>();
  private Duration websocketInactivityTimeout = Duration.ofMinutes(5);
  private Duration websocketHeartbeatInterval = Duration.ofSeconds(30);
  private int websocketMaxCallsPerSocket = 32;
  private int websocketMaxCallsPerPage = 16;
  private long websocketMaxQueuedBytes = 1024 * 1024;
  private final List<String> externalStylesheets = new ArrayList<>();
  private final List<String> externalScripts = new ArrayList<>();
  private final JobsConfig jobs = new JobsConfig();

  /** The page title (Dash's {@code title}). */
  public DashConfig title(String title) {
    this.title = Objects.requireNonNull(title, "title");
    return this;
  }

  /** The page title. */
  public String title() {
    return title;
  }

  /**
   * Debug mode (Dash's {@code debug=True}): dev bundles, the dev-tools UI with callback errors and
   * their stack traces, and hot reload. Never in production: error pages then show internals.
   */
  public DashConfig debug(boolean debug) {
    this.debug = debug;
    return this;
  }

  /** Whether debug mode is on. */
  public boolean debug() {
    return debug;
  }

  /**
   * The interface the server listens on (default {@code localhost}; {@code 0.0.0.0} for every
   * interface).
   */
  public DashConfig host(String host) {
    this.host = Objects.requireNonNull(host, "host");
    return this;
  }

  /** The interface the server listens on. */
  public String host() {
    return host;
  }

  /** The HTTP port (default 8050, as Dash; 0 picks a free one). */
  public DashConfig port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.port = port;
    return this;
  }

  /** The HTTP port. */
  public int port() {
    return port;
  }

  /**
   * Where the app is mounted, e.g. {@code /app/} (Dash's {@code url_base_pathname}): routes are
   * served under it and the browser builds its URLs from it. Must start and end with {@code /}.
   */
  public DashConfig prefix(String prefix) {
    this.prefix = requireSlashes("prefix", prefix);
    return this;
  }

  /** Where routes are mounted. */
  public String prefix() {
    return prefix;
  }

  /**
   * The prefix the browser uses when it differs from {@link #prefix()}: behind a proxy that strips
   * a path (Dash's {@code requests_pathname_prefix}).
   */
  public DashConfig requestsPathnamePrefix(String prefix) {
    this.requestsPathnamePrefix = requireSlashes("requestsPathnamePrefix", prefix);
    return this;
  }

  /** The prefix the browser builds its URLs from. */
  public String requestsPathnamePrefix() {
    return requestsPathnamePrefix == null ? prefix : requestsPathnamePrefix;
  }

  /** The assets folder (default {@code assets}, relative to the working directory). */
  public DashConfig assetsFolder(String folder) {
    this.assetsFolder = Objects.requireNonNull(folder, "folder");
    return this;
  }

  /** The assets folder. */
  public String assetsFolder() {
    return assetsFolder;
  }

  /**
   * The document title while callbacks run (default {@code Updating...}; empty to keep the title).
   */
  public DashConfig updateTitle(String updateTitle) {
    this.updateTitle = Objects.requireNonNull(updateTitle, "updateTitle");
    return this;
  }

  /** The document title while callbacks run. */
  public String updateTitle() {
    return updateTitle;
  }

  /**
   * Lets callbacks name components that are not in the initial layout (Dash's
   * suppress_callback_exceptions).
   */
  public DashConfig suppressCallbackExceptions(boolean suppress) {
    this.suppressCallbackExceptions = suppress;
    return this;
  }

  /** Whether callback exceptions about missing components are suppressed. */
  public boolean suppressCallbackExceptions() {
    return suppressCallbackExceptions;
  }

  /**
   * The default of every callback's {@code preventInitialCall} that does not set its own (Dash's
   * {@code prevent_initial_callbacks}).
   */
  public DashConfig preventInitialCallbacks(boolean prevent) {
    this.preventInitialCallbacks = prevent;
    return this;
  }

  /** Whether callbacks skip their initial call unless they say otherwise. */
  public boolean preventInitialCallbacks() {
    return preventInitialCallbacks;
  }

  /**
   * How long a callback called over HTTP may run before its caller gets a timeout error (default 30
   * s). A callback over the socket has no deadline: it runs until it returns or its page goes away.
   */
  public DashConfig callbackTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("callbackTimeout must be positive");
    }
    this.callbackTimeout = timeout;
    return this;
  }

  /** How long a callback may run. */
  public Duration callbackTimeout() {
    return callbackTimeout;
  }

  /** The largest callback request body accepted, in bytes (default 1 MiB); larger ones get 413. */
  public DashConfig maxRequestBytes(int bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("maxRequestBytes must be positive");
    }
    this.maxRequestBytes = bytes;
    return this;
  }

  /** The largest callback request body accepted, in bytes. */
  public int maxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * Runs every server callback over the socket door where the browser can (Dash's {@code
   * websocket_callbacks}); HTTP stays the fallback. A single callback can ask for it with {@code
   * options -> options.websocket(true)}.
   */
  public DashConfig websocketCallbacks(boolean all) {
    this.websocketCallbacks = all;
    return this;
  }

  /** Whether every server callback runs over the socket. */
  public boolean websocketCallbacks() {
    return websocketCallbacks;
  }

  /**
   * Origins allowed to open a socket besides the app's own (Dash's {@code
   * websocket_allowed_origins}), e.g. {@code https://intranet.example.com}; exact matches, or
   * {@code *} for any origin. By default only a page served by this app may connect.
   */
  public DashConfig websocketAllowedOrigins(String... origins) {
    websocketAllowedOrigins.addAll(List.of(origins));
    return this;
  }

  /** The extra origins allowed to open a socket. */
  public List<String> websocketAllowedOrigins() {
    return List.copyOf(websocketAllowedOrigins);
  }

  /**
   * How long a page's socket may stay idle before the browser closes it (default 5 minutes; zero
   * never closes). It reopens by itself on the page's next callback. A running callback counts as
   * activity.
   */
  public DashConfig websocketInactivityTimeout(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("websocketInactivityTimeout must not be negative");
    }
    this.websocketInactivityTimeout = timeout;
    return this;
  }

  /** How long a page's socket may stay idle. */
  public Duration websocketInactivityTimeout() {
    return websocketInactivityTimeout;
  }

  /**
   * How often the browser pings its socket (default 30 s). The server closes a socket that stayed
   * silent for twice this long, which frees what a vanished page held.
   */
  public DashConfig websocketHeartbeatInterval(Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("websocketHeartbeatInterval must be positive");
    }
    this.websocketHeartbeatInterval = interval;
    return this;
  }

  /** How often the browser pings its socket. */
  public Duration websocketHeartbeatInterval() {
    return websocketHeartbeatInterval;
  }

  /**
   * How many socket calls one socket may have running at once (default 32). A socket carries every
   * open tab of the app in one browser; a request beyond this is answered at once with an error
   * (429) and its callback does not run, so one socket cannot take the server's threads. Persistent
   * callbacks count while they run.
   */
  public DashConfig websocketMaxCallsPerSocket(int calls) {
    if (calls <= 0) {
      throw new IllegalArgumentException("websocketMaxCallsPerSocket must be positive");
    }
    this.websocketMaxCallsPerSocket = calls;
    return this;
  }

  /** How many socket calls one socket may have running at once. */
  public int websocketMaxCallsPerSocket() {
    return websocketMaxCallsPerSocket;
  }

  /**
   * How many socket calls one page (one renderer) may have running at once (default 16); beyond it,
   * as for {@link #websocketMaxCallsPerSocket(int)}, the request is answered with an error (429)
   * and does not run.
   */
  public DashConfig websocketMaxCallsPerPage(int calls) {
    if (calls <= 0) {
      throw new IllegalArgumentException("websocketMaxCallsPerPage must be positive");
    }
    this.websocketMaxCallsPerPage = calls;
    return this;
  }

  /**
   * What one socket may hold for a page that does not read (default 1 MiB): past this many unread
   * bytes, pushes are coalesced (the latest value of each component and prop; appends merged), and
   * past it again in coalesced values the oldest props are dropped. However fast an app pushes, a
   * slow page costs the server about twice this, plus what its calls have pending (at most 1,000
   * pushes each): 2–4 MB measured at the default.
   */
  public DashConfig websocketMaxQueuedBytes(long bytes) {
    if (bytes < 1024) {
      throw new IllegalArgumentException("websocketMaxQueuedBytes must be at least 1024");
    }
    this.websocketMaxQueuedBytes = bytes;
    return this;
  }

  /** What one socket may hold for a page that does not read, in bytes. */
  public long websocketMaxQueuedBytes() {
    return websocketMaxQueuedBytes;
  }

  /** How many socket calls one page may have running at once. */
  public int websocketMaxCallsPerPage() {
    return websocketMaxCallsPerPage;
  }

  /**
   * Platform threads for HTTP callbacks (default 20, Vert.x's worker pool size). On JDK 21+ a call
   * that waits behind this many busy threads runs on a virtual thread instead; on JDK 17 it waits
   * for one. Socket calls, which may live as long as their page, never wait for this pool.
   */
  public DashConfig workerPoolSize(int threads) {
    if (threads <= 0) {
      throw new IllegalArgumentException("workerPoolSize must be positive");
    }
    this.workerPoolSize = threads;
    return this;
  }

  /** Platform threads for HTTP callbacks. */
  public int workerPoolSize() {
    return workerPoolSize;
  }

  /**
   * Whether an HTTP callback runs on a virtual thread carried by the event loop that received the
   * call, where the JVM allows it (default true): JDK 24 or later, with {@code java.base/java.lang}
   * opened to dash4j ({@code java -jar} with dash4j's jar does; on a class path, {@code --add-opens
   * java.base/java.lang=ALL-UNNAMED}). The call then costs no thread hand-over, and leaves the loop
   * whenever it blocks; a callback that holds the loop computing (over a millisecond at a time,
   * three calls in a row or often enough) moves to the {@link #workerPoolSize worker pool} by
   * itself. File I/O holds the loop without computing and is not caught: false keeps every HTTP
   * callback on the worker pool, for apps whose callbacks read large files.
   */
  public DashConfig loopVirtualThreads(boolean enabled) {
    this.loopVirtualThreads = enabled;
    return this;
  }

  /** Whether HTTP callbacks may run on virtual threads carried by the event loop. */
  public boolean loopVirtualThreads() {
    return loopVirtualThreads;
  }

  /** Adds stylesheet URLs linked before the component CSS (Dash's {@code external_stylesheets}). */
  public DashConfig externalStylesheets(String... urls) {
    externalStylesheets.addAll(List.of(urls));
    return this;
  }

  /** The external stylesheet URLs. */
  public List<String> externalStylesheets() {
    return List.copyOf(externalStylesheets);
  }

  /**
   * Adds script URLs loaded after React and before the component bundles (Dash's {@code
   * external_scripts}).
   */
  public DashConfig externalScripts(String... urls) {
    externalScripts.addAll(List.of(urls));
    return this;
  }

  /** The external script URLs. */
  public List<String> externalScripts() {
    return List.copyOf(externalScripts);
  }

  /** The settings of background callbacks, changed in place: {@code config.jobs().poolSize(8)}. */
  public JobsConfig jobs() {
    return jobs;
  }

  private static String requireSlashes(String name, String prefix) {
    if (prefix == null || !prefix.startsWith("/") || !prefix.endsWith("/")) {
      throw new IllegalArgumentException(name + " must start and end with '/': " + prefix);
    }
    return prefix;
  }
}
