package io.dash4j.server;

import io.dash4j.DashApp;
import io.dash4j.callback.Callback;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.UpdateRequest;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.ExecutorService;
import java.util.logging.Logger;

/**
 * The main verticle: builds the app, deploys one {@link CallbackVerticle} per callback, and serves the Dash routes.
 * Started by the launcher ({@code Main-Verticle}) with the app class named in the config, or by {@link DashServer}
 * with an app object.
 */
public final class DashVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(DashVerticle.class.getName());

  private final DashApp givenApp;
  private DashApp app;
  private ExecutorService userCode;
  private ExecutorService socketCode;
  private HttpServer server;
  private final java.util.Set<String> deployed = new HashSet<>();
  private final SocketCalls socketCalls = new SocketCalls();

  /** For the launcher: the app class comes from the config's {@code "app"}. */
  public DashVerticle() {
    this(null);
  }

  /** Serves this app. */
  public DashVerticle(DashApp app) {
    this.givenApp = app;
  }

  @Override
  public Future<?> start() {
    ServerSettings settings;
    try {
      settings = new ServerSettings(config());
      app = givenApp != null ? givenApp : settings.createApp();
      settings.applyTo(app.config());
      checkCallbacks(app);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    LocalFirstCodec.register(vertx.eventBus(), UpdateRequest.class, UpdateRequest::toBytes,
        UpdateRequest::fromBytes);
    LocalFirstCodec.register(vertx.eventBus(), CallbackReply.class, CallbackReply::toBytes,
        CallbackReply::fromBytes);
    userCode = UserCodeExecutor.create(app.config().workerPoolSize());
    socketCode = UserCodeExecutor.createForSockets(userCode);
    var config = app.config();
    var assets = new AssetsFolder(Path.of(config.assetsFolder()));
    return vertx.executeBlocking(() -> new DashRoutes.Pages(app, ComponentSuites.get(), assets))
        .compose(pages -> socketCalls.start(vertx).map(pages))
        .compose(pages -> deployCallbacks().map(pages))
        .compose(pages -> {
          var routes = new DashRoutes(vertx, app, pages, userCode);
          // No per-response compression: the component suites are served pre-compressed (ComponentSuites).
          server = vertx.createHttpServer(new HttpServerOptions()
              // A callback request may be as large over the socket as over HTTP (Vert.x's defaults are 64 KiB a
              // frame, 256 KiB a message); SockJS sends it as one frame, JSON-escaped inside its own array.
              .setMaxWebSocketFrameSize(2 * config.maxRequestBytes() + 1024)
              .setMaxWebSocketMessageSize(2 * config.maxRequestBytes() + 1024));
          return server.requestHandler(routes.router()).listen(config.port(), config.host());
        })
        .onSuccess(s -> LOG.info(() -> "Dash is running on http://" + config.host() + ":" + s.actualPort()
            + config.prefix() + (UserCodeExecutor.virtualThreads() ? " (callbacks on virtual threads)" : "")));
  }

  /** The app this verticle serves, once started. */
  DashApp app() {
    return app;
  }

  /** The port the server listens on, once started. */
  public int actualPort() {
    return server.actualPort();
  }

  /**
   * Deploys a verticle for every callback that has none yet: all of them at start, and those a dynamic creator
   * registered while it ran (deployed before the creator answers, since the renderer asks for them right after).
   */
  private synchronized Future<?> deployCallbacks() {
    var deployments = new ArrayList<Future<String>>();
    for (Callback callback : app.callbacks()) {
      String key = CallbackKeys.outputKey(callback);
      if (!deployed.add(key)) {
        continue;
      }
      var invoker = new CallbackInvoker(app, callback, app.config().debug());
      var verticle = new CallbackVerticle(key, invoker, userCode, socketCode,
          app.config().callbackTimeout().toMillis(),
          callback.allowsDynamicCallbacks() ? this::deployCallbacks : null,
          callback.usesWebsocket(app.config().websocketCallbacks()), socketCalls);
      deployments.add(vertx.deployVerticle(verticle, new DeploymentOptions()));
    }
    return Future.all(deployments);
  }

  /** Two callbacks with the same output key would share an address and answer for each other. */
  private static void checkCallbacks(DashApp app) {
    var keys = new HashSet<String>();
    for (Callback callback : app.callbacks()) {
      callback.validate(app.config().preventInitialCallbacks());
      String key = CallbackKeys.outputKey(callback);
      if (!keys.add(key)) {
        throw new IllegalStateException("two callbacks set the same output " + key);
      }
    }
  }

  @Override
  public Future<?> stop() {
    if (userCode != null) {
      userCode.shutdownNow();
      socketCode.shutdownNow();
    }
    return Future.all(socketCalls.stop(), server == null ? Future.succeededFuture() : server.close());
  }
}
