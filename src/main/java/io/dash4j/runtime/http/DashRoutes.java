package io.dash4j.runtime.http;

import io.dash4j.DashConfig;
import io.dash4j.model.AppModel;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.JsonWriter;
import io.dash4j.protocol.MalformedRequest;
import io.dash4j.protocol.UpdateRequest;
import io.dash4j.runtime.cluster.RemoteCalls;
import io.dash4j.runtime.cluster.SharedCallbacks;
import io.dash4j.runtime.exec.ErrorPages;
import io.dash4j.runtime.socket.PageTokens;
import io.dash4j.runtime.socket.SocketCalls;
import io.dash4j.runtime.socket.SocketDoor;
import io.dash4j.runtime.topics.Broadcasts;
import io.dash4j.runtime.wire.CallbackReply;
import io.dash4j.runtime.wire.HeaderCaller;
import io.dash4j.runtime.wire.UpdateRequests;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The whole HTTP protocol of Dash on one screen (every route the stock renderer calls): each route
 * and the handler that answers it. Handlers never block the event loop: file scans and user code
 * (layout functions, callbacks) run elsewhere.
 */
public final class DashRoutes {
  private static final Logger LOG = Logger.getLogger(DashRoutes.class.getName());
  private static final String JSON = "application/json";

  private final Vertx vertx;
  private final DashConfig config;
  private final AppModel model;
  private final Prepared pages;
  private final ExecutorService userCode;
  private final DeliveryOptions callbackDelivery;
  private final RemoteCalls remoteCalls;
  private final Refusals refusals = new Refusals();
  private volatile CachedDependencies dependencies;

  /** What the read-only routes serve, prepared off the event loop at start. */
  public record Prepared(
      ComponentSuites suites,
      AssetsFolder assets,
      IndexPage index,
      String cachedIndex,
      Buffer staticLayout,
      ReloadHash reloadHash,
      Buffer favicon) {
    /**
     * Prepares what the app serves: loads the suites, scans assets, renders the index; call it off
     * the event loop.
     */
    public static Prepared of(DashConfig config, AppModel model) {
      var suites = ComponentSuites.get();
      var assets = new AssetsFolder(Path.of(config.assetsFolder()));
      var index = new IndexPage(config, model, suites, assets);
      return new Prepared(
          suites,
          assets,
          index,
          config.debug() ? null : index.render(), // debug re-renders, so new assets show up
          model.layoutIsFunction() ? null : Buffer.buffer(JsonWriter.toBytes(model.layout())),
          new ReloadHash(assets, config.requestsPathnamePrefix()),
          Resources.read("io/dash4j/runtime/http/favicon.ico"));
    }
  }

  private PageTokens pageTokens;
  private final SocketCalls socketCalls;
  private Broadcasts broadcasts;
  private SharedCallbacks sharedCallbacks;

  public DashRoutes(
      Vertx vertx,
      DashConfig config,
      AppModel model,
      Prepared pages,
      ExecutorService userCode,
      SocketCalls socketCalls) {
    this.socketCalls = socketCalls;
    this.vertx = vertx;
    this.config = config;
    this.model = model;
    this.pages = pages;
    this.userCode = userCode;
    // The callback verticle answers timeouts itself; the bus timeout only catches a node that died
    // mid-call.
    this.remoteCalls = RemoteCalls.of(vertx);
    this.callbackDelivery =
        new DeliveryOptions().setSendTimeout(config.callbackTimeout().toMillis() + 5_000);
  }

  /** The routes, on one screen. */
  public Router router() {
    String p = config.prefix();
    Router router = Router.router(vertx);
    refusals.install(router);
    read(router, p).handler(this::index);
    read(router, p + "_dash-layout").handler(this::layout);
    read(router, p + "_dash-dependencies").handler(this::dependencies);
    router
        .post(p + "_dash-update-component")
        .handler(refusals.jsonOnly())
        .handler(BodyHandler.create(false).setBodyLimit(config.maxRequestBytes()))
        .handler(this::updateComponent);
    ApiEndpoints.mount(router, vertx, config, model, callbackDelivery, refusals);
    if (SocketDoor.pagesConnect(config, model)) {
      new SocketDoor(
              vertx,
              config,
              model,
              pageTokens,
              socketCalls,
              pages.suites().sockjsUrl(config.requestsPathnamePrefix()),
              broadcasts)
          .mount(router, p);
    }
    read(router, p + "_dash-component-suites/*").handler(ctx -> pages.suites().handle(ctx, p));
    read(router, p + "_favicon.ico")
        .handler(
            ctx ->
                ctx.response()
                    .putHeader(HttpHeaders.CONTENT_TYPE, "image/x-icon")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000")
                    .end(pages.favicon()));
    read(router, p + "assets/*")
        .handler(
            StaticHandler.create(FileSystemAccess.ROOT, pages.assets().root().toString())
                .setCachingEnabled(!config.debug())
                .setIncludeHidden(false)
                .setDirectoryListing(false))
        .handler(DashRoutes::notFound); // a missing asset is a 404, not the catch-all's index page
    if (config.debug()) {
      router
          .get(p + "_reload-hash")
          .handler(
              ctx ->
                  offLoop(
                      ctx,
                      () -> Buffer.buffer(JsonWriter.toBytes(pages.reloadHash().poll())),
                      JSON));
    }
    read(router, p + "*")
        .handler(this::index); // client-side routes (dcc.Location, pages) get the app too
    return router;
  }

  /** A GET route that answers HEAD too, as Flask does for every GET route. */
  private static Route read(Router router, String path) {
    return router.route(path).method(HttpMethod.GET).method(HttpMethod.HEAD);
  }

  /**
   * The callback specs, re-encoded only when the app's callbacks changed: a dynamic creator may
   * have registered some while it ran.
   */
  private Buffer dependencies() {
    var cached = dependencies;
    int count = model.callbackCount();
    if (cached == null || cached.count() != count) {
      cached =
          new CachedDependencies(count, Buffer.buffer(JsonWriter.toBytes(model.dependencies())));
      dependencies = cached;
    }
    return cached.json();
  }

  private record CachedDependencies(int count, Buffer json) {}

  /**
   * {@code _dash-dependencies}: the app's callbacks, and in a cluster those that dynamic creators
   * registered on other nodes (which serve them), each output once.
   */
  private void dependencies(RoutingContext ctx) {
    Buffer local = dependencies();
    if (sharedCallbacks == null || !sharedCallbacks.clustered()) {
      json(ctx, local);
      return;
    }
    sharedCallbacks
        .fromOthers()
        .onComplete(
            others ->
                json(
                    ctx,
                    others.failed() || others.result().isEmpty()
                        ? local
                        : withOthers(local, others.result())));
  }

  /** {@code local}'s JSON array with the entries of {@code others} whose output it lacks. */
  private Buffer withOthers(Buffer local, List<String> others) {
    String text = local.toString(StandardCharsets.UTF_8);
    var merged = new StringBuilder(text.length() + 512).append(text, 0, text.lastIndexOf(']'));
    boolean empty = merged.toString().trim().equals("[");
    var seen = new HashSet<String>();
    for (String entry : others) {
      String output = new JsonObject(entry).getString("output");
      if (!model.hasCallback(output) && seen.add(output)) {
        merged.append(empty ? "" : ",").append(entry);
        empty = false;
      }
    }
    return Buffer.buffer(merged.append(']').toString());
  }

  private void index(RoutingContext ctx) {
    if (pageTokens != null) {
      // each page load gets its own token, so this page must not be cached
      ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
    if (pages.cachedIndex() != null) {
      html(ctx, withPageToken(pages.cachedIndex()));
    } else {
      offLoop(
          ctx,
          () -> Buffer.buffer(withPageToken(pages.index().render())),
          "text/html; charset=utf-8");
    }
  }

  private String withPageToken(String page) {
    return pageTokens == null ? page : page.replace(IndexPage.PAGE_TOKEN_SLOT, pageTokens.mint());
  }

  /**
   * Mints the token every index page carries when the app has background callbacks: it binds the
   * page load to the jobs it starts. Null: the app has none.
   */
  public DashRoutes pageTokens(PageTokens tokens) {
    this.pageTokens = tokens;
    return this;
  }

  /** The dynamic callbacks other nodes share, added to {@code _dash-dependencies}. */
  public DashRoutes sharedCallbacks(SharedCallbacks shared) {
    this.sharedCallbacks = shared;
    return this;
  }

  /**
   * The app's topics as this verticle serves them: the socket door subscribes its pages to them.
   * Null: the app has none.
   */
  public DashRoutes broadcasts(Broadcasts topics) {
    this.broadcasts = topics;
    return this;
  }

  private void layout(RoutingContext ctx) {
    if (pages.staticLayout() != null) {
      json(ctx, pages.staticLayout());
    } else {
      offLoop(ctx, () -> Buffer.buffer(JsonWriter.toBytes(model.layout())), JSON);
    }
  }

  /**
   * Parses the body once, then asks the callback's verticle over the event bus and relays its
   * reply.
   */
  private void updateComponent(RoutingContext ctx) {
    UpdateRequest request;
    try {
      Buffer body = ctx.body().buffer();
      request = UpdateRequests.parse(body == null ? Buffer.buffer() : body).from(caller(ctx));
    } catch (MalformedRequest e) {
      refusals.refuse(ctx, 400, e.getMessage());
      return;
    }
    remoteCalls
        .<CallbackReply>request(
            vertx, CallbackKeys.address(request.output()), request, callbackDelivery)
        .onSuccess(reply -> reply.body().writeTo(ctx.response()))
        .onFailure(
            failure ->
                busFailure(failure, model.hasCallback(request.output())).writeTo(ctx.response()));
  }

  /** The caller as this door sees it: the request's own header map, not a copy. */
  static HeaderCaller caller(RoutingContext ctx) {
    var request = ctx.request();
    String remote = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
    return new HeaderCaller(request.headers(), request.uri(), remote);
  }

  /**
   * What the page hears when the bus could not bring its request to a callback verticle and back: a
   * callback the app does not have is a bad request; one it has but no node serves right now (in a
   * cluster, the nodes with the {@code callbacks} role are all gone) is 503, and so is one whose
   * node left the cluster mid-call ({@link RemoteCalls}); the next call goes to a live node. One
   * the bus gave up waiting for is 504.
   */
  static CallbackReply busFailure(Throwable failure, boolean known) {
    if (failure instanceof RemoteCalls.NodeLeft) {
      return CallbackReply.error(503, RemoteCalls.NodeLeft.FOR_THE_PAGE);
    }
    if (failure instanceof ReplyException reply
        && reply.failureType() == ReplyFailure.NO_HANDLERS) {
      return known
          ? CallbackReply.error(503, "No node serves this callback now")
          : CallbackReply.error(400, "Unknown callback");
    }
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT) {
      return CallbackReply.error(504, "Callback timed out");
    }
    LOG.log(Level.WARNING, "callback request failed", failure);
    return CallbackReply.error(500, ErrorPages.INTERNAL_ERROR);
  }

  /**
   * Runs {@code work} on a user-code thread and answers with its result back on this request's
   * context.
   */
  private void offLoop(RoutingContext ctx, Callable<Buffer> work, String contentType) {
    var context = vertx.getOrCreateContext();
    Promise<Buffer> result = Promise.promise();
    userCode.execute(
        () -> {
          try {
            Buffer body = work.call();
            context.runOnContext(v -> result.complete(body));
          } catch (Throwable t) {
            context.runOnContext(v -> result.fail(t));
          }
        });
    result
        .future()
        .onSuccess(
            body -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body))
        .onFailure(
            error -> {
              LOG.log(Level.WARNING, "request " + ctx.normalizedPath() + " failed", error);
              (config.debug()
                      ? ErrorPages.callbackError(error, true)
                      : CallbackReply.error(500, ErrorPages.INTERNAL_ERROR))
                  .writeTo(ctx.response());
            });
  }

  private static void notFound(RoutingContext ctx) {
    ctx.response()
        .setStatusCode(404)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end("Not Found");
  }

  private static void json(RoutingContext ctx, Buffer body) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(body);
  }

  private static void html(RoutingContext ctx, String page) {
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(page);
  }
}
