package io.dash4j.model;

import io.dash4j.callback.Fn.ErrorHandler;
import io.dash4j.callback.StreamDeclaration;
import io.dash4j.model.CallbackSpec.AppDefaults;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import io.dash4j.websocket.WebsocketHooks.ConnectHook;
import io.dash4j.websocket.WebsocketHooks.MessageHook;
import io.dash4j.websocket.WebsocketHooks.PageHook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * An app as the runtime reads it: frozen callback specs, the layout, the pages, the error handler,
 * the socket hooks and the broadcast topics. {@code DashApp} fills it; the runtime reaches it with
 * {@link ModelAccess#of(Object)}, so the app's public type carries no runtime getters. Callbacks
 * are only ever added (a dynamic creator adds some while the app runs), each checked by the same
 * rules whenever it comes.
 */
public final class AppModel {
  private final Supplier<AppDefaults> defaults;
  private final List<ServerCallbackSpec> callbacks = new CopyOnWriteArrayList<>();
  private final List<ClientsideCallbackSpec> clientsideCallbacks = new CopyOnWriteArrayList<>();
  private final List<CancelCallbackSpec> cancelCallbacks = new CopyOnWriteArrayList<>();
  private final Map<String, CallbackSpec> byOutputKey = new ConcurrentHashMap<>();
  private final List<ConnectHook> connectHooks = new CopyOnWriteArrayList<>();
  private final List<MessageHook> messageHooks = new CopyOnWriteArrayList<>();
  private final List<PageHook> joinHooks = new CopyOnWriteArrayList<>();
  private final List<PageHook> leaveHooks = new CopyOnWriteArrayList<>();
  private final Pages pages = new Pages();
  private final Streams streams = new Streams();
  private final Topics topics = new Topics();
  private volatile Supplier<?> layout;
  private volatile boolean layoutIsFunction;
  private volatile ErrorHandler errorHandler;
  private volatile boolean serving;

  /**
   * @param defaults the app's current defaults for callbacks that say nothing (read from its
   *     config)
   */
  public AppModel(Supplier<AppDefaults> defaults) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  /** The app-wide callback defaults, as the config says now. */
  public AppDefaults defaults() {
    return defaults.get();
  }

  /**
   * Adds a callback: the one path every callback takes, at start-up or from a dynamic creator.
   *
   * @throws IllegalArgumentException when another callback already sets the same outputs (Dash's
   *     duplicate-output check; outputs with {@code allowDuplicate()} get keys of their own)
   */
  public synchronized void add(CallbackSpec callback) {
    if (serving && callback instanceof ServerCallbackSpec server && server.isBackground()) {
      throw new IllegalArgumentException(
          "a background callback is registered before the app runs (its workers, maybe in other"
              + " processes, know only those): "
              + server.describe());
    }
    var previous = byOutputKey.putIfAbsent(callback.outputKey(), callback);
    if (previous != null) {
      throw new IllegalArgumentException(
          "two callbacks set the same output "
              + callback.outputKey()
              + ": "
              + previous.callSite()
              + " and "
              + callback.callSite());
    }
    if (callback instanceof ServerCallbackSpec server) {
      callbacks.add(server);
      addCancelCallbacks(server);
    } else if (callback instanceof ClientsideCallbackSpec clientside) {
      clientsideCallbacks.add(clientside);
    }
  }

  /**
   * Adds a stream callback: a persistent socket callback without outputs that runs the stream, and
   * the cancel callbacks of its cancel inputs ({@link Streams}).
   */
  public synchronized void addStream(StreamDeclaration stream, String callSite) {
    streams.add(stream, callSite, defaults(), this::add);
  }

  /**
   * How a stream's stop reaches the app's other processes (in a cluster, a page's run may be on
   * another node than the call that stops it); set by the runtime.
   */
  public void streamStops(StreamStops relay) {
    streams.relay(relay);
  }

  /**
   * A stop another process relayed: stops {@code page}'s run of {@code stream} here, unless it is
   * {@code keepRun}. Blocks up to a second (a run that ignores its interrupt): not on an event
   * loop.
   */
  public void stopStream(String stream, String page, String keepRun) {
    streams.stopFromElsewhere(stream, page, keepRun);
  }

  /**
   * Registers the cancel callback of each cancel input seen for the first time, as Dash's {@code
   * _setup_server} does for the background callbacks' {@code cancel} inputs.
   */
  private void addCancelCallbacks(ServerCallbackSpec server) {
    for (var input : server.options().cancel()) {
      String key = CallbackSpec.propId(input);
      if (cancelCallbacks.stream()
          .anyMatch(c -> CallbackSpec.propId(c.cancelInput()).equals(key))) {
        continue;
      }
      boolean sameComponent =
          cancelCallbacks.stream()
              .anyMatch(c -> c.cancelInput().componentId().equals(input.componentId()));
      var cancel = new CancelCallbackSpec(input, sameComponent);
      var previous = byOutputKey.putIfAbsent(cancel.outputKey(), cancel);
      if (previous != null) {
        throw new IllegalArgumentException(
            "the cancel input "
                + key
                + " needs the output "
                + cancel.outputKey()
                + ", which "
                + previous.callSite()
                + " sets");
      }
      cancelCallbacks.add(cancel);
    }
  }

  /** The cancel callbacks Dash registers for the background callbacks' cancel inputs. */
  public List<CancelCallbackSpec> cancelCallbacks() {
    return List.copyOf(cancelCallbacks);
  }

  /** The output keys of the background callbacks that a cancel callback's input cancels. */
  public List<String> callbacksCancelledBy(CancelCallbackSpec cancel) {
    String key = CallbackSpec.propId(cancel.cancelInput());
    return callbacks.stream()
        .filter(
            c -> c.options().cancel().stream().anyMatch(i -> CallbackSpec.propId(i).equals(key)))
        .map(CallbackSpec::outputKey)
        .toList();
  }

  /** Whether some callback runs as a background job. */
  public boolean hasBackgroundCallbacks() {
    return callbacks.stream().anyMatch(ServerCallbackSpec::isBackground);
  }

  /**
   * Marks the app as served: from now on only callbacks that run at the door may be added (a
   * dynamic creator's); a background callback is refused, since workers elsewhere could not run it.
   */
  public void serving() {
    this.serving = true;
  }

  /** The server callbacks, in registration order. */
  public List<ServerCallbackSpec> callbacks() {
    return List.copyOf(callbacks);
  }

  /** The clientside callbacks, in registration order. */
  public List<ClientsideCallbackSpec> clientsideCallbacks() {
    return List.copyOf(clientsideCallbacks);
  }

  /** Whether the app has a callback (of any kind) with this output key. */
  public boolean hasCallback(String outputKey) {
    return byOutputKey.containsKey(outputKey);
  }

  /** How many callbacks of both kinds there are: it changes only when one is added. */
  public int callbackCount() {
    return byOutputKey.size();
  }

  /**
   * Every callback's {@code _dash-dependencies} entry: server callbacks, clientside ones, then the
   * cancel callbacks.
   */
  public List<Map<String, Object>> dependencies() {
    var defaults = defaults();
    var entries = new ArrayList<Map<String, Object>>();
    callbacks.forEach(c -> entries.add(c.dependencyEntry(defaults)));
    clientsideCallbacks.forEach(c -> entries.add(c.dependencyEntry(defaults)));
    cancelCallbacks.forEach(c -> entries.add(c.dependencyEntry(defaults)));
    return entries;
  }

  /** Whether pages open a socket: some callback runs over it. */
  public boolean usesWebsocket() {
    var defaults = defaults();
    return defaults.websocketCallbacks()
        || callbacks.stream().anyMatch(c -> c.usesWebsocket(defaults));
  }

  /** Sets the layout: a fixed tree, or a function called for each page load. */
  public void layout(Supplier<?> layout, boolean isFunction) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.layoutIsFunction = isFunction;
  }

  /** The layout for one page load; calls the layout function if there is one. */
  public Object layout() {
    var current = layout;
    if (current == null) {
      throw new IllegalStateException("the app has no layout: call app.layout(...)");
    }
    return current.get();
  }

  /** Whether the layout is a function of the page load (else it can be encoded once). */
  public boolean layoutIsFunction() {
    return layoutIsFunction;
  }

  /** The app-wide error handler, or null. */
  public ErrorHandler errorHandler() {
    return errorHandler;
  }

  /** Sets the app-wide error handler. */
  public void errorHandler(ErrorHandler handler) {
    this.errorHandler = handler;
  }

  /** The pages of a multi-page app. */
  public Pages pages() {
    return pages;
  }

  /**
   * The page layouts, for the validation layout: every page rendered with no parameters (if it can
   * be).
   */
  public List<Object> pageLayouts() {
    var layouts = new ArrayList<Object>();
    for (Page page : pages.registry()) {
      try {
        layouts.add(page.render(Map.of()));
      } catch (RuntimeException needsParameters) {
        // a template page may need its variables; the renderer then validates it when it shows
      }
    }
    return layouts;
  }

  /** The topics the app declared, and who subscribes to them. */
  public Topics topics() {
    return topics;
  }

  /**
   * The names of the topics a page at {@code pathname} (the browser's path, under the app's {@code
   * prefix}) subscribes to.
   */
  public Set<String> topicsAt(String pathname, String prefix) {
    return topics.at(pages, pathname, prefix);
  }

  /** The socket connect hooks, in order. */
  public List<ConnectHook> connectHooks() {
    return connectHooks;
  }

  /** The socket message hooks, in order. */
  public List<MessageHook> messageHooks() {
    return messageHooks;
  }

  /** What hears a page join, in order. */
  public List<PageHook> joinHooks() {
    return joinHooks;
  }

  /** What hears a page leave, in order. */
  public List<PageHook> leaveHooks() {
    return leaveHooks;
  }

  /** Whether the app hears pages join or leave (its pages then open the socket). */
  public boolean hearsPages() {
    return !joinHooks.isEmpty() || !leaveHooks.isEmpty();
  }
}
