package io.dash4j.runtime.launch;

import io.dash4j.DashApp;
import io.dash4j.DashConfig;
import io.dash4j.model.AppModel;
import io.dash4j.model.ModelAccess;
import io.dash4j.model.ServerCallbackSpec;
import io.dash4j.protocol.UpdateRequest;
import io.dash4j.runtime.cluster.AppFingerprint;
import io.dash4j.runtime.cluster.SharedCallbacks;
import io.dash4j.runtime.exec.CallbackInvoker;
import io.dash4j.runtime.exec.CallbackVerticle;
import io.dash4j.runtime.exec.LoopCarrier;
import io.dash4j.runtime.exec.StreamStopRelay;
import io.dash4j.runtime.exec.UserCodeExecutor;
import io.dash4j.runtime.exec.UserCodePool;
import io.dash4j.runtime.http.DashRoutes;
import io.dash4j.runtime.jobs.Jobs;
import io.dash4j.runtime.socket.SocketCalls;
import io.dash4j.runtime.topics.Broadcasts;
import io.dash4j.runtime.wire.CallbackReply;
import io.dash4j.runtime.wire.LocalFirstCodec;
import io.dash4j.runtime.wire.UpdateRequests;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;

/**
 * The main verticle: builds the app, deploys one {@link CallbackVerticle} per callback, and serves
 * the Dash routes. Started by the launcher ({@code Main-Verticle}) with the app class named in the
 * config, by {@link DashVerticleFactory} for {@code dash4j:<app class>}, or by {@link DashServer}
 * with an app object.
 */
public final class DashVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(DashVerticle.class.getName());

  private final DashApp givenApp;
  private final Class<?> namedApp;
  private DashConfig config;
  private AppModel model;
  private UserCodePool userCode;
  private ExecutorService socketCode;
  private HttpServer server;
  private final Set<String> deployed = new HashSet<>();
  private final SocketCalls socketCalls = new SocketCalls();
  private Jobs jobs;
  private Broadcasts broadcasts;
  private Set<String> roles;
  private SharedCallbacks sharedCallbacks;
  // the outputs of the callbacks the app had when it started: the others are a dynamic creator's
  private Set<String> startupOutputs;

  /** For the launcher: the app class comes from the config's {@code "app"}. */
  public DashVerticle() {
    this(null, null);
  }

  /** Serves this app. */
  public DashVerticle(DashApp app) {
    this(app, null);
  }

  private DashVerticle(DashApp app, Class<?> appClass) {
    this.givenApp = app;
    this.namedApp = appClass;
  }

  /**
   * For {@link DashVerticleFactory}: serves a new instance of {@code appClass}, a checked
   * DashApplication that the config's {@code "app"}, if given, must name too.
   */
  static DashVerticle serving(Class<?> appClass) {
    return new DashVerticle(null, appClass);
  }

  @Override
  public Future<?> start() {
    try {
      var settings = new ServerSettings(config());
      roles = settings.roles();
      DashApp app = givenApp != null ? givenApp : settings.createApp(namedApp);
      settings.applyTo(app.config());
      config = app.config();
      model = ModelAccess.of(app);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    LocalFirstCodec.register(
        vertx.eventBus(), UpdateRequest.class, UpdateRequests::toBytes, UpdateRequests::fromBytes);
    LocalFirstCodec.register(
        vertx.eventBus(), CallbackReply.class, CallbackReply::toBytes, CallbackReply::fromBytes);
    model.serving();
    sharedCallbacks = new SharedCallbacks(vertx, deploymentID());
    userCode = UserCodeExecutor.create(config.workerPoolSize());
    socketCode = UserCodeExecutor.createForSockets();
    boolean web = roles.contains("web");
    boolean callbacks = roles.contains("callbacks");
    boolean workers = roles.contains("workers");
    if (!model.topics().isEmpty()) {
      // every node publishes its topics to the bus; those serving pages also consume them
      broadcasts = new Broadcasts(vertx, model);
    }
    String appName =
        namedApp != null
            ? namedApp.getName()
            : givenApp != null ? "an app given as an object" : config().getString("app");
    return AppFingerprint.join(vertx, appName, model)
        // pages going away stop the calls and page handles of this node, wherever their socket was
        .compose(joined -> socketCalls.start(vertx))
        .compose(v -> broadcasts == null ? Future.succeededFuture() : broadcasts.start(web))
        .compose(
            v ->
                callbacks
                    ? StreamStopRelay.start(vertx, model, userCode).compose(r -> deployCallbacks())
                    : Future.succeededFuture())
        .compose(
            v ->
                web || workers
                    ? Jobs.startIfNeeded(vertx, config, model, context, userCode, web, workers)
                    : Future.<Jobs>succeededFuture())
        .compose(
            started -> {
              jobs = started;
              return web ? serveTheDoors() : Future.succeededFuture();
            })
        .onSuccess(v -> LOG.info(this::started));
  }

  /** Listens on the configured port with the Dash routes and the socket door. */
  private Future<?> serveTheDoors() {
    return vertx
        .executeBlocking(() -> DashRoutes.Prepared.of(config, model))
        .compose(
            pages -> {
              var routes = new DashRoutes(vertx, config, model, pages, userCode, socketCalls);
              if (jobs != null) {
                routes.pageTokens(jobs.pageTokens());
              }
              routes.broadcasts(broadcasts);
              routes.sharedCallbacks(sharedCallbacks);
              // No per-response compression: the component suites are served pre-compressed
              // (ComponentSuites).
              server =
                  vertx.createHttpServer(
                      new HttpServerOptions()
                          // A callback request may be as large over the socket as over HTTP
                          // (Vert.x's defaults are 64 KiB a frame, 256 KiB a message); SockJS
                          // sends it as one frame, JSON-escaped inside its own array.
                          .setMaxWebSocketFrameSize(2 * config.maxRequestBytes() + 1024)
                          .setMaxWebSocketMessageSize(2 * config.maxRequestBytes() + 1024));
              return server.requestHandler(routes.router()).listen(config.port(), config.host());
            });
  }

  /** Where user code runs, for the start-up line: said only where the JVM has virtual threads. */
  private String threadsNote() {
    if (!UserCodeExecutor.virtualThreads()) {
      return "";
    }
    if (!config.loopVirtualThreads()) {
      return " (virtual threads for socket calls and blocked callbacks)";
    }
    if (LoopCarrier.available()) {
      return " (HTTP callbacks on virtual threads carried by the event loop)";
    }
    return " (virtual threads for socket calls and blocked callbacks; HTTP callbacks on the worker"
        + " pool: "
        + LoopCarrier.unavailableBecause()
        + ")";
  }

  /** The line that says this node is up, and what it serves. */
  private String started() {
    String threads = threadsNote();
    if (server != null) {
      return "Dash is running on http://"
          + config.host()
          + ":"
          + server.actualPort()
          + config.prefix()
          + threads
          + (roles.size() < ServerSettings.ROLES.size() ? " as " + new TreeSet<>(roles) : "");
    }
    String jobsLine =
        jobs == null || !roles.contains("workers")
            ? ""
            : "; dash4j worker: running background jobs, "
                + config.jobs().poolSize()
                + " at a time";
    return "dash4j node serving " + new TreeSet<>(roles) + " (no web door)" + threads + jobsLine;
  }

  /** The app's settings, once started. */
  DashConfig appConfig() {
    return config;
  }

  /** The port the server listens on, once started. */
  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Deploys a verticle for every callback that has none yet: all of them at start, and those a
   * dynamic creator registered while it ran (deployed before the creator answers, since the
   * renderer asks for them right after). Each was checked when it was registered.
   */
  private synchronized Future<?> deployCallbacks() {
    var deployments = new ArrayList<Future<String>>();
    var defaults = model.defaults();
    for (ServerCallbackSpec callback : model.callbacks()) {
      if (callback.isBackground()) {
        continue; // the jobs room serves these; AppModel refuses any once the app runs
      }
      if (!deployed.add(callback.outputKey())) {
        continue;
      }
      var invoker = new CallbackInvoker(callback, model, config.debug());
      var verticle =
          new CallbackVerticle(
              callback.outputKey(),
              invoker,
              context,
              userCode,
              socketCode,
              config.callbackTimeout().toMillis(),
              callback.options().allowsDynamicCallbacks() ? this::deployCallbacks : null,
              callback.usesWebsocket(defaults),
              callback.options().isNonBlocking(),
              config.loopVirtualThreads(),
              socketCalls);
      deployments.add(vertx.deployVerticle(verticle, new DeploymentOptions()));
    }
    Future<?> deployedAll = Future.all(deployments);
    if (!sharedCallbacks.clustered()) {
      return deployedAll; // no other node to tell
    }
    if (startupOutputs == null) {
      startupOutputs = outputsOf(model.dependencies());
      return deployedAll;
    }
    // a dynamic creator ran: the other nodes' doors learn its callbacks before it answers
    var dynamic =
        model.dependencies().stream()
            .filter(entry -> !startupOutputs.contains(String.valueOf(entry.get("output"))))
            .toList();
    return deployedAll.compose(v -> sharedCallbacks.publish(dynamic));
  }

  private static Set<String> outputsOf(List<Map<String, Object>> dependencies) {
    var outputs = new HashSet<String>();
    dependencies.forEach(entry -> outputs.add(String.valueOf(entry.get("output"))));
    return outputs;
  }

  @Override
  public Future<?> stop() {
    if (userCode != null) {
      userCode.shutdownNow();
      socketCode.shutdownNow();
    }
    return Future.all(
        socketCalls.stop(),
        broadcasts == null ? Future.succeededFuture() : broadcasts.stop(),
        server == null ? Future.succeededFuture() : server.close(),
        jobs == null ? Future.succeededFuture() : jobs.stop());
  }
}
