package io.dash4j;

import io.dash4j.broadcast.Topic;
import io.dash4j.callback.Argument;
import io.dash4j.callback.CallbackDeclaration;
import io.dash4j.callback.Callbacks;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Dependency;
import io.dash4j.callback.Fn.ErrorHandler;
import io.dash4j.callback.Output;
import io.dash4j.callback.StreamCallbacks;
import io.dash4j.callback.StreamDeclaration;
import io.dash4j.model.AppModel;
import io.dash4j.model.CallbackSpec.AppDefaults;
import io.dash4j.model.ClientsideCallbackSpec;
import io.dash4j.model.ModelAccess;
import io.dash4j.model.ServerCallbackSpec;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import io.dash4j.websocket.WebsocketHooks.ConnectHook;
import io.dash4j.websocket.WebsocketHooks.MessageHook;
import io.dash4j.websocket.WebsocketHooks.PageHook;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A Dash app: its config, its layout and its callbacks.
 *
 * <pre>{@code
 * var app = Dash.create(config -> config.title("Hello"));
 * app.layout(div(input("name").value("world"), div().id("greeting")));
 * app.callback(Output.of("greeting", Html.Div.CHILDREN), Input.of("name", Dcc.DccInput.VALUE.asString()),
 *     name -> "Hello " + name);
 * app.run();
 * }</pre>
 *
 * <p>The registration calls ({@link Callbacks}) are typed by their {@code Output}/{@code
 * Input}/{@code State} props and take their options as a last argument; a callback is checked and
 * frozen when its registration call returns.
 */
public final class DashApp implements Callbacks, StreamCallbacks {
  static {
    ModelAccess.install(app -> ((DashApp) app).model);
  }

  /** Frames of these classes are registration plumbing, not the user's declaration site. */
  private static final Set<String> PLUMBING =
      Set.of(
          DashApp.class.getName(),
          Callbacks.class.getName(),
          StreamCallbacks.class.getName(),
          Pages.class.getName());

  private final DashConfig config;
  private final AppModel model;

  DashApp(DashConfig config) {
    this.config = Objects.requireNonNull(config, "config");
    this.model =
        new AppModel(
            () -> new AppDefaults(config.preventInitialCallbacks(), config.websocketCallbacks()));
  }

  /** The app's settings. */
  public DashConfig config() {
    return config;
  }

  /** Sets a fixed layout: a component, or a list of components and strings. */
  public DashApp layout(Object layout) {
    Objects.requireNonNull(layout, "layout");
    model.layout(() -> layout, false);
    return this;
  }

  /** Sets a layout function, called for every page load (Dash's {@code app.layout = function}). */
  public DashApp layout(Supplier<?> layoutFunction) {
    model.layout(Objects.requireNonNull(layoutFunction, "layoutFunction"), true);
    return this;
  }

  /**
   * Handles the exceptions of every callback without a handler of its own (Dash's {@code
   * on_error}).
   */
  public DashApp onError(ErrorHandler handler) {
    model.errorHandler(handler);
    return this;
  }

  /**
   * Adds a hook that admits or refuses each socket when it opens (Dash's {@code
   * hooks.websocket_connect}), e.g. to check a session cookie. Hooks run in the order they were
   * added; the first refusal closes the socket.
   */
  public DashApp onWebsocketConnect(ConnectHook hook) {
    model.connectHooks().add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /**
   * Adds a hook that sees every message a page sends over its socket (Dash's {@code
   * hooks.websocket_message}); a refusal closes that socket. Hooks run in the order they were
   * added.
   */
  public DashApp onWebsocketMessage(MessageHook hook) {
    model.messageHooks().add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /**
   * Adds a hook that hears each page load connect over the socket, with a handle to push to it
   * later (e.g. kept in a map for a ticker); the app's pages then open the socket even when no
   * callback uses it. Hooks run in the order they were added.
   *
   * <pre>{@code
   * app.onPageJoin(page -> clocks.put(page.rendererId(), page));
   * app.onPageLeave(page -> clocks.remove(page.rendererId()));
   * }</pre>
   */
  public DashApp onPageJoin(PageHook hook) {
    model.joinHooks().add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /**
   * Adds a hook that hears each page that joined go away (its tab closed, its socket lost), with
   * the page's handle, already shut. Hooks run in the order they were added.
   */
  public DashApp onPageLeave(PageHook hook) {
    model.leaveHooks().add(Objects.requireNonNull(hook, "hook"));
    return this;
  }

  /**
   * Adds a page (Dash's {@code register_page}); put {@code Pages.container()} in the layout. The
   * first page also installs the routing callback (path → page layout and title), as Dash pages
   * does.
   */
  public DashApp registerPage(Page page) {
    page.topics().forEach(topic -> model.topics().requireDeclared(topic, "Page.subscribe"));
    var pages = model.pages();
    synchronized (pages) {
      if (pages.isEmpty()) {
        pages.installRouting(this, config::requestsPathnamePrefix);
      }
      pages.register(page);
    }
    return this;
  }

  /**
   * Declares a broadcast topic: publish to it from any thread, and subscribe pages to it with
   * {@link #subscribe(Topic)} or {@code Page.subscribe(topic)}. Pages connect to the socket door
   * once the app has a topic, whether its callbacks use the socket or not.
   *
   * <pre>{@code
   * Topic prices = app.topic("prices");
   * app.subscribe(prices);
   * scheduler.scheduleAtFixedRate(() -> prices.publish("last", "children", quote()), 0, 1, SECONDS);
   * }</pre>
   *
   * @param name 1 to 100 letters, digits, {@code _}, {@code -} or {@code .}
   * @throws IllegalArgumentException when the name is malformed or declared already
   */
  public Topic topic(String name) {
    return model.topics().declare(name);
  }

  /**
   * Subscribes every page of the app to {@code topic} (a page of a multi-page app may add its own
   * with {@code Page.subscribe}).
   *
   * @throws IllegalArgumentException when this app did not declare the topic
   */
  public DashApp subscribe(Topic topic) {
    model.topics().subscribeEveryPage(topic);
    return this;
  }

  /** The pages, in Dash's registry order (Dash's {@code page_registry}). */
  public List<Page> pageRegistry() {
    return model.pages().registry();
  }

  /** The layout shown for a path no page has. */
  public DashApp pageNotFound(Object layout) {
    model.pages().notFound(layout);
    return this;
  }

  /**
   * A path of the app as the browser reaches it, under the prefix (Dash's {@code
   * get_relative_path}).
   */
  public String relativePath(String path) {
    String prefix = config.requestsPathnamePrefix();
    return prefix + (path.startsWith("/") ? path.substring(1) : path);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the callback breaks one of Dash's rules or sets an output
   *     another callback sets
   */
  @Override
  public void register(CallbackDeclaration callback) {
    model.add(new ServerCallbackSpec(callback, callSite(), model.defaults()));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the stream, or one of its cancel callbacks, breaks one of
   *     Dash's rules
   */
  @Override
  public void registerStream(StreamDeclaration stream) {
    model.addStream(stream, callSite());
  }

  @Override
  public void clientsideCallback(ClientsideCallback callback, Dependency<?>... dependencies) {
    Objects.requireNonNull(callback, "callback");
    var outputs = new ArrayList<Output<?>>();
    var arguments = new ArrayList<Argument<?>>();
    for (Dependency<?> dependency : dependencies) {
      if (dependency instanceof Output<?> output) {
        outputs.add(output);
      } else {
        arguments.add((Argument<?>) dependency);
      }
    }
    model.add(
        new ClientsideCallbackSpec(callback, outputs, outputs.size() > 1, arguments, callSite()));
  }

  /**
   * {@code Class:line} of the user code that declared a callback: the key of a callback with
   * neither outputs nor inputs, stable across restarts and identical on every node of a cluster
   * (Dash hashes the decorator's file:line).
   */
  private static String callSite() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> !PLUMBING.contains(f.getClassName()))
                    .findFirst()
                    .map(f -> f.getClassName() + ":" + f.getLineNumber())
                    .orElse("unknown"));
  }

  /**
   * Starts a server for this app on {@link DashConfig#host()}:{@link DashConfig#port()} and returns
   * once it listens; it serves until it is closed or the JVM stops.
   *
   * @return the running app: its port (useful with port 0), its URL, and {@code close()}
   * @throws IllegalStateException when no runtime is on the class path or the server cannot start
   */
  public RunningApp run() {
    var runtime =
        ServiceLoader.load(DashRuntime.class, DashApp.class.getClassLoader())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no dash4j runtime on the class path"));
    return runtime.start(this);
  }
}
