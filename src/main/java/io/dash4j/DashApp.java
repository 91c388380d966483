package io.dash4j;

import io.dash4j.callback.Argument;
import io.dash4j.callback.Callback;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Dependency;
import io.dash4j.callback.Effect;
import io.dash4j.callback.Effect.Effect1;
import io.dash4j.callback.Effect.Effect2;
import io.dash4j.callback.Effect.Effect3;
import io.dash4j.callback.Effect.EffectN;
import io.dash4j.callback.Fn.ErrorHandler;
import io.dash4j.callback.Fn.Fn1;
import io.dash4j.callback.Fn.Fn2;
import io.dash4j.callback.Fn.Fn3;
import io.dash4j.callback.Fn.Fn4;
import io.dash4j.callback.Fn.FnN;
import io.dash4j.callback.Output;
import io.dash4j.callback.Input;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import io.dash4j.websocket.WebsocketHooks.ConnectHook;
import io.dash4j.websocket.WebsocketHooks.MessageHook;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A Dash app: its config, its layout and its callbacks.
 *
 * <pre>{@code
 * var app = Dash.create(config -> config.title("Hello"));
 * app.layout(div(input("name").value("world"), div().id("greeting")));
 * app.callback(Output.of("greeting", Html.CHILDREN), Input.of("name", Dcc.Input.VALUE), name -> "Hello " + name);
 * app.run();
 * }</pre>
 *
 * <p>Callback functions are typed by their {@code Output}/{@code Input}/{@code State} props and get their arguments
 * in declaration order. They run off the event loop (virtual threads on JDK 21+), so they may block.
 */
public final class DashApp {
  private final DashConfig config;
  private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
  private final List<ClientsideCallback> clientsideCallbacks = new CopyOnWriteArrayList<>();
  private volatile Supplier<?> layout;
  private volatile boolean layoutIsFunction;
  private volatile ErrorHandler onError;
  private final Pages pages = new Pages();
  private final List<ConnectHook> websocketConnectHooks = new CopyOnWriteArrayList<>();
  private final List<MessageHook> websocketMessageHooks = new CopyOnWriteArrayList<>();

  DashApp(DashConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /**
   * Adds a hook that admits or refuses each socket when it opens (Dash's {@code hooks.websocket_connect}), e.g. to
   * check a session cookie. Hooks run in the order they were added; the first refusal closes the socket.
   */
  public DashApp onWebsocketConnect(ConnectHook hook) {
    websocketConnectHooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /**
   * Adds a hook that sees every message a page sends over its socket (Dash's {@code hooks.websocket_message}); a
   * refusal closes that socket. Hooks run in the order they were added.
   */
  public DashApp onWebsocketMessage(MessageHook hook) {
    websocketMessageHooks.add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /** The socket connect hooks, in order. */
  public List<ConnectHook> websocketConnectHooks() {
    return List.copyOf(websocketConnectHooks);
  }

  /** The socket message hooks, in order. */
  public List<MessageHook> websocketMessageHooks() {
    return List.copyOf(websocketMessageHooks);
  }

  /**
   * Whether pages open a socket: some callback runs over it ({@link Callback#websocket(boolean)},
   * {@link DashConfig#websocketCallbacks(boolean)}).
   */
  public boolean usesWebsocket() {
    return config.websocketCallbacks() || callbacks.stream().anyMatch(Callback::isWebsocket);
  }

  /** The app's settings. */
  public DashConfig config() {
    return config;
  }

  /** Sets a fixed layout: a component, or a list of components and strings. */
  public DashApp layout(Object layout) {
    Objects.requireNonNull(layout, "layout");
    this.layout = () -> layout;
    this.layoutIsFunction = false;
    return this;
  }

  /** Sets a layout function, called for every page load (Dash's {@code app.layout = function}). */
  public DashApp layout(Supplier<?> layoutFunction) {
    this.layout = Objects.requireNonNull(layoutFunction, "layoutFunction");
    this.layoutIsFunction = true;
    return this;
  }

  /** The layout for one page load; calls the layout function if there is one. */
  public Object layout() {
    if (layout == null) {
      throw new IllegalStateException("the app has no layout: call app.layout(...)");
    }
    return layout.get();
  }

  /** Whether the layout is a function of the page load. */
  public boolean layoutIsFunction() {
    return layoutIsFunction;
  }

  /** Handles the exceptions of every callback without a handler of its own (Dash's {@code on_error}). */
  public DashApp onError(ErrorHandler handler) {
    this.onError = handler;
    return this;
  }

  /** The app-wide error handler, or null. */
  public ErrorHandler errorHandler() {
    return onError;
  }

  /** The registered callbacks, in registration order. */
  public List<Callback> callbacks() {
    return List.copyOf(callbacks);
  }

  /**
   * Adds a page (Dash's {@code register_page}); put {@code Pages.container()} in the layout. The first page also
   * installs the routing callback (path → page layout and title), as Dash pages does.
   */
  public DashApp registerPage(Page page) {
    synchronized (pages) {
      if (pages.isEmpty()) {
        installPageRouting();
      }
      pages.register(page);
    }
    return this;
  }

  /** The pages, in Dash's registry order (Dash's {@code page_registry}). */
  public List<Page> pageRegistry() {
    return pages.registry();
  }

  /** The layout shown for a path no page has. */
  public DashApp pageNotFound(Object layout) {
    pages.notFound(layout);
    return this;
  }

  /** A path of the app as the browser reaches it, under the prefix (Dash's {@code get_relative_path}). */
  public String relativePath(String path) {
    String prefix = config.requestsPathnamePrefix();
    return prefix + (path.startsWith("/") ? path.substring(1) : path);
  }

  /** A browser path without the app's prefix (Dash's {@code strip_relative_path}): {@code /app/x} → {@code /x}. */
  private String stripPrefix(String pathname) {
    String prefix = config.requestsPathnamePrefix();
    if (pathname == null) {
      return "/";
    }
    if (pathname.startsWith(prefix)) {
      return "/" + pathname.substring(prefix.length());
    }
    return pathname.equals(prefix.substring(0, prefix.length() - 1)) ? "/" : pathname;
  }

  /** The page layouts, for the validation layout: every page rendered with no parameters (if it can be). */
  public List<Object> pageLayouts() {
    var layouts = new ArrayList<Object>();
    for (Page page : pages.registry()) {
      try {
        layouts.add(page.render(java.util.Map.of()));
      } catch (RuntimeException needsParameters) {
        // a template page may need its variables; the renderer then validates it when it shows
      }
    }
    return layouts;
  }

  private void installPageRouting() {
    callback(Outputs.of(Output.of(Pages.CONTENT, "children"), Output.of(Pages.STORE, "data")),
        Input.of(Pages.LOCATION, Dcc.Location.PATHNAME), State.of(Pages.LOCATION, Dcc.Location.SEARCH),
        (pathname, search) -> {
          var visit = pages.visit(stripPrefix(pathname), search);
          return Outputs.values(visit.layout(),
              java.util.Map.of("title", visit.title(), "description", visit.description()));
        });
    clientsideCallback("function(data) { if (data && data.title) { document.title = data.title; }"
        + " return window.dash_clientside.no_update; }",
        Output.of(Pages.DUMMY, "children"), Input.of(Pages.STORE, "data"));
  }

  /** The registered clientside callbacks, in registration order. */
  public List<ClientsideCallback> clientsideCallbacks() {
    return List.copyOf(clientsideCallbacks);
  }

  /**
   * A callback that runs in the browser as this inline JavaScript function, given its outputs, inputs and states
   * (outputs first, then arguments, as Dash's {@code clientside_callback}); several outputs make the function return
   * an array.
   */
  public ClientsideCallback clientsideCallback(String javascript, Dependency<?>... dependencies) {
    return clientside(null, Objects.requireNonNull(javascript, "javascript"), dependencies);
  }

  /** A callback that runs in the browser as {@code window.dash_clientside[namespace][name]}, e.g. from assets/. */
  public ClientsideCallback clientsideCallback(ClientsideCallback.Function function, Dependency<?>... dependencies) {
    return clientside(Objects.requireNonNull(function, "function"), null, dependencies);
  }

  private ClientsideCallback clientside(ClientsideCallback.Function function, String source,
      Dependency<?>[] dependencies) {
    var outputs = new ArrayList<Output<?>>();
    var arguments = new ArrayList<Argument<?>>();
    for (Dependency<?> dependency : dependencies) {
      if (dependency instanceof Output<?> output) {
        outputs.add(output);
      } else {
        arguments.add((Argument<?>) dependency);
      }
    }
    var callback = new ClientsideCallback(outputs, outputs.size() > 1, arguments, function, source, callSite());
    clientsideCallbacks.add(callback);
    return callback;
  }

  /** Registers a callback built by hand. */
  public Callback callback(Callback callback) {
    callbacks.add(Objects.requireNonNull(callback, "callback"));
    return callback;
  }

  /** A callback of one argument setting one output. */
  @SuppressWarnings("unchecked")
  public <R, A> Callback callback(Output<R> output, Argument<A> a, Fn1<? super A, ? extends R> fn) {
    return single(output, List.of(a), args -> fn.apply((A) args.get(0)));
  }

  /** A callback of two arguments setting one output. */
  @SuppressWarnings("unchecked")
  public <R, A, B> Callback callback(
      Output<R> output, Argument<A> a, Argument<B> b, Fn2<? super A, ? super B, ? extends R> fn) {
    return single(output, List.of(a, b), args -> fn.apply((A) args.get(0), (B) args.get(1)));
  }

  /** A callback of three arguments setting one output. */
  @SuppressWarnings("unchecked")
  public <R, A, B, C> Callback callback(Output<R> output, Argument<A> a, Argument<B> b, Argument<C> c,
      Fn3<? super A, ? super B, ? super C, ? extends R> fn) {
    return single(output, List.of(a, b, c), args -> fn.apply((A) args.get(0), (B) args.get(1), (C) args.get(2)));
  }

  /** A callback of four arguments setting one output. */
  @SuppressWarnings("unchecked")
  public <R, A, B, C, D> Callback callback(Output<R> output, Argument<A> a, Argument<B> b, Argument<C> c,
      Argument<D> d, Fn4<? super A, ? super B, ? super C, ? super D, ? extends R> fn) {
    return single(output, List.of(a, b, c, d),
        args -> fn.apply((A) args.get(0), (B) args.get(1), (C) args.get(2), (D) args.get(3)));
  }

  /** A callback of any number of arguments (values in declaration order) setting one output. */
  public <R> Callback callback(Output<R> output, List<Argument<?>> arguments, FnN<? extends R> fn) {
    return single(output, arguments, fn);
  }

  /** A multi-output callback of one argument; it returns one value per output. */
  @SuppressWarnings("unchecked")
  public <A> Callback callback(Outputs outputs, Argument<A> a, Fn1<? super A, ? extends List<?>> fn) {
    return multi(outputs, List.of(a), args -> fn.apply((A) args.get(0)));
  }

  /** A multi-output callback of two arguments; it returns one value per output. */
  @SuppressWarnings("unchecked")
  public <A, B> Callback callback(
      Outputs outputs, Argument<A> a, Argument<B> b, Fn2<? super A, ? super B, ? extends List<?>> fn) {
    return multi(outputs, List.of(a, b), args -> fn.apply((A) args.get(0), (B) args.get(1)));
  }

  /** A multi-output callback of three arguments; it returns one value per output. */
  @SuppressWarnings("unchecked")
  public <A, B, C> Callback callback(Outputs outputs, Argument<A> a, Argument<B> b, Argument<C> c,
      Fn3<? super A, ? super B, ? super C, ? extends List<?>> fn) {
    return multi(outputs, List.of(a, b, c), args -> fn.apply((A) args.get(0), (B) args.get(1), (C) args.get(2)));
  }

  /** A multi-output callback of any number of arguments; it returns one value per output. */
  public Callback callback(Outputs outputs, List<Argument<?>> arguments, FnN<? extends List<?>> fn) {
    return multi(outputs, arguments, fn);
  }

  /** A callback without outputs of one argument: it acts through {@code setProps} or side effects. */
  @SuppressWarnings("unchecked")
  public <A> Callback callbackWithoutOutput(Argument<A> a, Effect1<? super A> fn) {
    return withoutOutput(List.of(a), args -> fn.accept((A) args.get(0)));
  }

  /** A callback without outputs of two arguments. */
  @SuppressWarnings("unchecked")
  public <A, B> Callback callbackWithoutOutput(Argument<A> a, Argument<B> b, Effect2<? super A, ? super B> fn) {
    return withoutOutput(List.of(a, b), args -> fn.accept((A) args.get(0), (B) args.get(1)));
  }

  /** A callback without outputs of three arguments. */
  @SuppressWarnings("unchecked")
  public <A, B, C> Callback callbackWithoutOutput(Argument<A> a, Argument<B> b, Argument<C> c,
      Effect3<? super A, ? super B, ? super C> fn) {
    return withoutOutput(List.of(a, b, c), args -> fn.accept((A) args.get(0), (B) args.get(1), (C) args.get(2)));
  }

  /**
   * A callback without outputs of any number of arguments; with no arguments at all it runs once per page load
   * (Dash calls a callback that has neither outputs nor inputs when the page starts).
   */
  public Callback callbackWithoutOutput(List<Argument<?>> arguments, EffectN fn) {
    return withoutOutput(arguments, fn);
  }

  /**
   * A callback that starts on every page once its socket connects, and again after each reconnect, with no inputs
   * and no outputs: a stream that pushes with {@code setProps} until {@code CallbackContext.isShutdown()}. Runs over
   * the socket and is persistent (no loading state); over HTTP (no SharedWorker) it runs once per page load.
   *
   * <pre>{@code
   * app.persistentCallback(() -> {
   *   var ctx = CallbackContext.current();
   *   for (int i = 0; !ctx.isShutdown(); i++) {
   *     ctx.setProps("clock", Map.of("children", "tick " + i));
   *     Thread.sleep(1000);
   *   }
   * });
   * }</pre>
   */
  public Callback persistentCallback(Effect.Effect0 fn) {
    Objects.requireNonNull(fn, "fn");
    return withoutOutput(List.of(), args -> fn.run()).websocket(true).persistent(true);
  }

  private Callback withoutOutput(List<Argument<?>> arguments, EffectN fn) {
    return callback(new Callback(List.of(), false, arguments, args -> {
      fn.accept(args);
      return null;
    }, callSite()));
  }

  private Callback single(Output<?> output, List<Argument<?>> arguments, FnN<?> fn) {
    return callback(new Callback(List.of(output), false, arguments, fn, callSite()));
  }

  private Callback multi(Outputs outputs, List<Argument<?>> arguments, FnN<?> fn) {
    return callback(new Callback(new ArrayList<>(outputs.list()), true, arguments, fn, callSite()));
  }

  /**
   * {@code Class:line} of the user code that declared a callback: the key of a callback with neither outputs nor
   * inputs, stable across restarts and identical on every node of a cluster (Dash hashes the decorator's file:line).
   */
  private static String callSite() {
    return StackWalker.getInstance().walk(frames -> frames
        .filter(f -> !f.getClassName().equals(DashApp.class.getName()))
        .findFirst()
        .map(f -> f.getClassName() + ":" + f.getLineNumber())
        .orElse("unknown"));
  }

  /**
   * Starts a server for this app on {@link DashConfig#host()}:{@link DashConfig#port()} and returns once it
   * listens; the JVM then keeps serving until it is stopped.
   *
   * @return the port the server listens on (useful with port 0)
   */
  public int run() {
    return io.dash4j.server.DashServer.start(this).port();
  }
}
