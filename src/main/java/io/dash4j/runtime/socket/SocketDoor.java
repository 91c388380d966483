package io.dash4j.runtime.socket;

import io.dash4j.DashConfig;
import io.dash4j.model.AppModel;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.runtime.cluster.ClusterClaims;
import io.dash4j.runtime.cluster.RemoteCalls;
import io.dash4j.runtime.topics.Broadcasts;
import io.dash4j.runtime.wire.HeaderCaller;
import io.dash4j.runtime.wire.PlainJson;
import io.dash4j.websocket.Verdict;
import io.dash4j.websocket.WebsocketMessage;
import io.dash4j.websocket.WebsocketPeer;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSHandlerOptions;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The socket door: Vert.x's SockJS event-bus bridge at {@code <prefix>_dash-ws}, and its
 * gatekeeper. Our SharedWorker speaks to it (WebSocket first, SockJS's HTTP transports where
 * WebSocket is blocked); it sends callback requests to {@code dash4j.callback.*} and registers
 * {@code dash4j.renderer.<id>} to receive pushes and {@code get_props} requests for its pages.
 *
 * <p>The gatekeeper admits only those addresses; binds each renderer id (cluster-wide, {@link
 * ClusterClaims}) to the socket that first claimed it; replaces the headers of every request it
 * admits with the caller's identity as the door saw it ({@value #RENDERER_HEADER}, {@value
 * #REMOTE_HEADER}, the handshake's origin and cookies), so a message claiming another page is not
 * believed; checks the origin (same origin, or the configured allow-list); and runs the app's
 * connect and message hooks ({@link SocketHooks}), which may close the socket with a code of their
 * choice.
 */
public final class SocketDoor implements Handler<BridgeEvent> {
  /** The route, under the prefix; the renderer connects to {@code ws://host<prefix>_dash-ws}. */
  public static final String ROUTE = "_dash-ws";

  /**
   * Where a page receives pushes and {@code get_props} requests: this prefix and its renderer id.
   */
  public static final String RENDERER_ADDRESS = "dash4j.renderer.";

  /** What a renderer id may be: the pages' ids are UUIDs, well inside it. */
  private static final String RENDERER_ID = "[A-Za-z0-9-]{1,64}";

  private static final Pattern RENDERER_ID_PATTERN = Pattern.compile(RENDERER_ID);

  /**
   * Published (cluster-wide) with a renderer id when its page goes away, so its running calls stop.
   */
  static final String PAGE_CLOSED = "dash4j.page.closed";

  /** The renderer id the door vouches for, on every request it admits. */
  public static final String RENDERER_HEADER = "dash4j-renderer";

  /** The client's address as the door saw it. */
  public static final String REMOTE_HEADER = "dash4j-remote";

  /**
   * Set by the door on a request beyond the socket's or the page's limit of running calls, with the
   * reason: the callback verticle answers it with a 429 and does not run it.
   */
  public static final String REFUSED_HEADER = "dash4j-refused";

  /**
   * On a message for a page: the page load it is for. The door delivers it only to a renderer id
   * whose registration carried a token of that page load, so a job's push, addressed by a renderer
   * id the page's request merely claimed, reaches only that page. On a registration frame: the page
   * token.
   */
  public static final String PAGE_HEADER = "dash4j-page";

  /**
   * On a registration frame: the path the page shows ({@code location.pathname}); the door
   * subscribes the page to the topics of that path. Also on a frame to {@value #PATH_ADDRESS}, when
   * the page moved to another path (a {@code dcc.Location} change inside a multi-page app).
   */
  public static final String PATH_HEADER = "dash4j-path";

  /**
   * Where a page says that it now shows another path ({@value #PATH_HEADER}, with {@value
   * #RENDERER_HEADER}): the door re-subscribes it, and a no-op consumer of the door's takes the
   * frame. There is no frame that names a topic.
   */
  static final String PATH_ADDRESS = "dash4j.page.path";

  /** What a page hears once its registration holds. */
  static final String REGISTERED = "{\"type\":\"registered\"}";

  private static final String CALLBACK_ADDRESS = "dash4j.callback.";
  private static final String HANDSHAKE_COOKIE = "dash4j.handshake-cookie";

  private final Vertx vertx;
  private final DashConfig config;
  private final SocketHooks hooks;
  private final PageHooks pageHooks;
  private final SocketClaims claims;
  private final ClusterClaims clusterClaims;
  private final RemoteCalls remoteCalls;
  private final AppModel model;
  private final PageTokens pageTokens;
  private final PageTopics topics; // null when the app has none
  private final String sockjsUrl;
  private final Map<SockJSSocket, OpenSocket> sockets = new ConcurrentHashMap<>();
  private volatile KnownCallbacks known = new KnownCallbacks(-1, Set.of());

  /**
   * The addresses of the app's server callbacks, as of when the app had {@code count} callbacks.
   */
  private record KnownCallbacks(int count, Set<String> addresses) {}

  /**
   * What the door keeps of a socket for as long as it is open: the few handshake headers it stamps,
   * the whole peer only when message hooks need it (an idle page should cost little memory), its
   * running calls and its outbox.
   */
  private record OpenSocket(
      String remote,
      String origin,
      String cookie,
      String userAgent,
      WebsocketPeer peer,
      CallSlots calls,
      Outbox outbox) {
    OpenSocket(SockJSSocket socket, WebsocketPeer peer, boolean keepPeer, DashConfig config) {
      this(
          peer.remote(),
          peer.origin(),
          peer.header("cookie"),
          peer.header("user-agent"),
          keepPeer ? peer : null,
          new CallSlots(config.websocketMaxCallsPerSocket(), config.websocketMaxCallsPerPage()),
          new Outbox(socket, config.websocketMaxQueuedBytes()));
    }
  }

  /**
   * @param pageTokens checks the page tokens registrations carry; null when the app mints none
   * @param calls the handles to pages of this process, for the app's join hooks
   * @param sockjsUrl where the app serves its pinned sockjs-client: SockJS's {@code iframe.html}
   *     loads it from there, not from a public CDN
   * @param broadcasts the app's topics as this verticle serves them; null when it has none
   */
  public SocketDoor(
      Vertx vertx,
      DashConfig config,
      AppModel model,
      PageTokens pageTokens,
      SocketCalls calls,
      String sockjsUrl,
      Broadcasts broadcasts) {
    this.topics = broadcasts == null ? null : new PageTopics(broadcasts, model, config);
    this.sockjsUrl = sockjsUrl;
    this.vertx = vertx;
    this.config = config;
    this.model = model;
    this.pageTokens = pageTokens;
    this.hooks = new SocketHooks(vertx, model.connectHooks(), model.messageHooks());
    this.pageHooks = new PageHooks(vertx, model.joinHooks(), model.leaveHooks(), calls);
    this.claims = SocketClaims.of(vertx);
    this.clusterClaims = ClusterClaims.of(vertx, claims::isClaimed);
    this.remoteCalls = RemoteCalls.of(vertx);
  }

  /**
   * Whether the app's pages open a socket: some callback runs over it, background jobs push to
   * their pages through it, the app hears pages join and leave, or it broadcasts to topics.
   */
  public static boolean pagesConnect(DashConfig config, AppModel model) {
    return model.usesWebsocket()
        || model.hearsPages()
        || (model.hasBackgroundCallbacks() && config.jobs().push())
        || !model.topics().isEmpty();
  }

  /** Whether {@code text} has the form of a renderer id the door lets pages register. */
  public static boolean isRendererId(String text) {
    return text != null && RENDERER_ID_PATTERN.matcher(text).matches();
  }

  /** Whether a socket of this process serves the page registered as {@code rendererId}. */
  public static boolean servesHere(Vertx vertx, String rendererId) {
    return SocketClaims.of(vertx).isClaimed(rendererId);
  }

  /** Mounts the bridge at {@code <prefix>_dash-ws/*}. */
  public void mount(Router router, String prefix) {
    String path = prefix + ROUTE + "/*";
    // SockJS's xhr_send and xhr_streaming transports post their frames: the bridge reads them from
    // the body. A request may be as large as over HTTP, and SockJS sends it JSON-escaped inside an
    // array of its own.
    router
        .post(path)
        .handler(BodyHandler.create(false).setBodyLimit(2L * config.maxRequestBytes() + 1024));
    // Vert.x's SockJS transports strip the Cookie header from the request before the socket
    // exists; keep it for the hooks and the callback context.
    router
        .route(path)
        .handler(
            ctx -> {
              // SockJS answers its HTTP transports and /info with CORS headers for any Origin,
              // credentials allowed: hold them to the socket's own rule. A WebSocket handshake
              // goes on, to be refused with 4003 by the gatekeeper.
              String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
              if (origin != null
                  && !ctx.request().canUpgradeToWebSocket()
                  && !OriginRule.allows(
                      config, origin, ctx.request().getHeader(HttpHeaders.HOST))) {
                ctx.response().setStatusCode(403).end("Origin not allowed");
                return;
              }
              String cookie = ctx.request().getHeader(HttpHeaders.COOKIE);
              if (cookie != null) {
                ctx.put(HANDSHAKE_COOKIE, cookie);
              }
              ctx.next();
            });
    var bridge = new SockJSBridgeOptions();
    if (topics != null) {
      topics.permit(bridge, vertx);
    }
    bridge
        .addInboundPermitted(new PermittedOptions().setAddressRegex("dash4j\\.callback\\..+"))
        .addOutboundPermitted(
            new PermittedOptions().setAddressRegex("dash4j\\.renderer\\." + RENDERER_ID))
        // The bridge's own limits sit on top of ours: a socket call has no deadline (a stream
        // lives as long as its page; the callback verticle answers, or says 204 when the page is
        // gone), and the output keys of multi-output callbacks are longer than the default 200
        // characters.
        .setReplyTimeout(TimeUnit.DAYS.toMillis(365))
        .setMaxAddressLength(4096)
        // The worker pings every heartbeat interval; a socket silent for two of them belongs to
        // a vanished page.
        .setPingTimeout(config.websocketHeartbeatInterval().toMillis() * 2 + 5_000);
    var sockJs =
        SockJSHandler.create(
            vertx, new SockJSHandlerOptions().setInsertJSESSIONID(false).setLibraryURL(sockjsUrl));
    router.route(path).subRouter(sockJs.bridge(bridge, this));
  }

  @Override
  public void handle(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    switch (event.type()) {
      case SOCKET_CREATED -> admit(event, socket);
      case REGISTER -> register(event, socket);
      case REGISTERED -> {
        // The consumer exists now: tell the page, so that nothing pushed before this point can be
        // lost. Written to the socket's outbox, so the topics' replay and pushes, and anything
        // else pushed from now on, follow it.
        String address = event.getRawMessage().getString("address");
        String id = rendererIdOf(address);
        var open = sockets.get(socket);
        if (open != null) {
          open.outbox().write(rec(address, REGISTERED).toBuffer());
          subscribe(socket, open, id);
        }
        if (id != null) {
          pageHooks.registered(id);
        }
        event.complete(true);
      }
      case UNREGISTER -> {
        String id = rendererIdOf(event.getRawMessage().getString("address"));
        if (id != null && claims.release(id, socket)) {
          pageGone(id);
        }
        event.complete(true);
      }
      case SEND -> send(event, socket);
      case RECEIVE -> deliver(event, socket);
      case SOCKET_CLOSED -> {
        var closed = sockets.remove(socket);
        if (closed != null) {
          closed.calls().watches().forEach(remoteCalls::settled);
        }
        claims.releaseAll(socket).forEach(this::pageGone);
        event.complete(true);
      }
      case SOCKET_ERROR -> {
        tooBig(event, socket);
        event.complete(true);
      }
      case PUBLISH -> event.complete(false);
      default -> event.complete(true); // pings and idle notices
    }
  }

  /**
   * A page claims its renderer id: refused at once when another socket of this node owns it;
   * otherwise claimed cluster-wide first (a live socket on another node may own it), then among
   * this node's sockets. The id counts as this socket's only once both hold, so no frame of the
   * socket speaks for the page before.
   */
  private void register(BridgeEvent event, SockJSSocket socket) {
    JsonObject registration = event.getRawMessage();
    String id = rendererIdOf(registration.getString("address"));
    if (id == null || (claims.isClaimed(id) && !claims.owns(socket, id))) {
      event.complete(false);
      return;
    }
    String pageId = pageOf(registration);
    clusterClaims
        .claim(id)
        .onComplete(
            ours -> {
              boolean clustered = ours.succeeded() && ours.result();
              boolean claimed =
                  clustered && sockets.containsKey(socket) && claims.claim(id, socket, pageId);
              if (claimed && topics != null) {
                topics.notePath(id, registration);
              } else if (clustered && !claims.isClaimed(id)) {
                clusterClaims.release(id, claims::isClaimed); // the socket closed meanwhile
              }
              event.complete(claimed);
            });
  }

  /**
   * A page's claim ended: its calls stop (wherever they run), its topics forget it and the leave
   * hooks hear it.
   */
  private void pageGone(String rendererId) {
    clusterClaims.release(rendererId, claims::isClaimed);
    vertx.eventBus().publish(PAGE_CLOSED, rendererId);
    if (topics != null) {
      topics.unsubscribe(rendererId);
    }
    pageHooks.released(rendererId);
  }

  /** A new socket: the origin check, then the connect hooks. */
  private void admit(BridgeEvent event, SockJSSocket socket) {
    var peer = peerOf(socket);
    if (peer.origin() == null || !OriginRule.allows(config, peer.origin(), peer.header("host"))) {
      SocketHooks.refuse(
          vertx,
          event,
          socket,
          new Verdict(
              false,
              4003,
              peer.origin() == null ? "Origin header required" : "Origin not allowed"));
      return;
    }
    sockets.put(socket, new OpenSocket(socket, peer, hooks.judgeMessages(), config));
    hooks.admit(event, socket, peer);
  }

  /**
   * A frame the page sends: a callback request, admitted only for a renderer id this socket owns,
   * with a reply address of its own, and re-stamped with the door's headers (marked refused beyond
   * the limits of running calls); or the answer to a {@code get_props} request this socket
   * received.
   */
  private void send(BridgeEvent event, SockJSSocket socket) {
    JsonObject raw = event.getRawMessage();
    String address = raw.getString("address", "");
    WebsocketMessage message;
    if (address.startsWith(CALLBACK_ADDRESS)) {
      JsonObject headers = raw.getJsonObject("headers");
      String rendererId = headers == null ? null : headers.getString(RENDERER_HEADER);
      String replyAddress = raw.getString("replyAddress");
      var open = sockets.get(socket);
      // A request without a reply address could never be answered, nor counted against the limits.
      if (open == null
          || !claims.owns(socket, rendererId)
          || !(raw.getValue("body") instanceof JsonObject body)
          || replyAddress == null
          || replyAddress.startsWith("dash4j.")
          || open.calls().holds(replyAddress)) {
        event.complete(false);
        return;
      }
      var stamp = stamp(open, rendererId);
      raw.put("headers", stamp);
      // Only calls that run take a slot: a request to an address no callback serves gets the
      // bridge's error.
      if (callbackAddresses().contains(address)) {
        String refusal = open.calls().take(replyAddress, rendererId);
        if (refusal != null) {
          stamp.put(REFUSED_HEADER, refusal);
          event.complete(
              true); // answered with a 429 by the callback verticle, never run: no hook to ask
          return;
        }
        long watch = remoteCalls.watch(vertx, stamp, () -> answerNodeLeft(open, replyAddress));
        if (watch != 0) {
          open.calls().watched(replyAddress, watch);
        }
      }
      message =
          !hooks.judgeMessages()
              ? null
              : new WebsocketMessage("callback_request", rendererId, PlainJson.map(body));
    } else if (address.equals(PATH_ADDRESS)) {
      // a page that moved to another path: re-subscribed, if this socket speaks for it
      JsonObject headers = raw.getJsonObject("headers");
      String rendererId = headers == null ? null : headers.getString(RENDERER_HEADER);
      var open = sockets.get(socket);
      boolean owned = topics != null && open != null && claims.owns(socket, rendererId);
      if (owned) {
        topics.notePath(rendererId, raw);
        subscribe(socket, open, rendererId);
        raw.remove("headers");
      }
      event.complete(owned);
      return;
    } else if (claims.takeReply(address, socket)) {
      message =
          !hooks.judgeMessages()
              ? null
              : new WebsocketMessage(
                  "get_props_response",
                  null,
                  raw.getValue("body") instanceof JsonObject body ? PlainJson.map(body) : Map.of());
    } else {
      event.complete(false);
      return;
    }
    if (message == null) {
      event.complete(true);
      return;
    }
    hooks.admit(event, socket, sockets.get(socket).peer(), message);
  }

  /**
   * A frame for the page: the door writes it itself (the bridge's write is refused), so that what
   * waits for a page that does not read stays bounded ({@link Outbox}): an answer gives its call's
   * slot back once written, pushes are coalesced while the page is behind.
   */
  private void deliver(BridgeEvent event, SockJSSocket socket) {
    JsonObject envelope = event.getRawMessage();
    String address = envelope.getString("address");
    String replyAddress = envelope.getString("replyAddress");
    event.complete(false);
    var open = sockets.get(socket);
    if (open == null || !forItsPage(envelope, address)) {
      return; // closed meanwhile, or meant for another page load: the sender times out
    }
    if (replyAddress != null) {
      claims.expectReply(replyAddress, socket);
    }
    if (open.calls().holds(address)) {
      long watch = open.calls().answer(address);
      if (watch == CallSlots.NOT_RUNNING) {
        return; // answered already: the node running it was found gone
      }
      remoteCalls.settled(watch);
      open.outbox().write(envelope.toBuffer()).onComplete(written -> open.calls().release(address));
    } else if (replyAddress != null || REGISTERED.equals(envelope.getValue("body"))) {
      // a get_props request (one per waiting call), a job's push, or a registration's confirmation
      open.outbox().write(envelope.toBuffer());
    } else {
      open.outbox().push(address, envelope); // a push, or the answer to a refused request
    }
  }

  /**
   * A socket call whose node left the cluster while it ran: the page hears so in the bridge's own
   * form of a failed reply, as it would a refusal, instead of waiting for good (a socket call has
   * no deadline). The bridge's request is left to its timeout; the worker drops a failure for a
   * call it no longer waits for.
   */
  private void answerNodeLeft(OpenSocket open, String replyAddress) {
    if (open.calls().answer(replyAddress) == CallSlots.NOT_RUNNING) {
      return;
    }
    var failure =
        new JsonObject()
            .put("type", "err")
            .put("address", replyAddress)
            .put("failureCode", 503)
            .put("failureType", "RECIPIENT_FAILURE")
            .put("message", RemoteCalls.NodeLeft.FOR_THE_PAGE);
    open.outbox()
        .write(failure.toBuffer())
        .onComplete(written -> open.calls().release(replyAddress));
  }

  /**
   * Whether a message bound to a page load ({@value #PAGE_HEADER}) goes to a renderer id that
   * registered with that page's token; a message not bound to one passes. The header is removed:
   * the page needs nothing of it.
   */
  private boolean forItsPage(JsonObject envelope, String address) {
    JsonObject headers = envelope.getJsonObject("headers");
    Object pageId = headers == null ? null : headers.remove(PAGE_HEADER);
    if (headers != null && headers.isEmpty()) {
      envelope.remove("headers");
    }
    String rendererId = rendererIdOf(address);
    return pageId == null
        || (rendererId != null && claims.isPage(rendererId, String.valueOf(pageId)));
  }

  /** Subscribes a page this socket owns to the topics of the path it last named. */
  private void subscribe(SockJSSocket socket, OpenSocket open, String rendererId) {
    if (topics != null && claims.owns(socket, rendererId)) {
      topics.subscribe(rendererId, open.outbox());
    }
  }

  /** A frame for the page at {@code address}, as the bridge writes one. */
  static JsonObject rec(String address, String body) {
    return new JsonObject().put("type", "rec").put("address", address).put("body", body);
  }

  /** The page id a registration frame proves with its page token, or null. */
  private String pageOf(JsonObject registration) {
    JsonObject headers = registration.getJsonObject("headers");
    Object token = headers == null ? null : headers.getValue(PAGE_HEADER);
    return pageTokens == null || !(token instanceof String text) ? null : pageTokens.pageIdOf(text);
  }

  /**
   * A frame or message over the size limit: Vert.x closes the connection without a WebSocket close
   * frame (and after an oversized message, not at all), so the door closes it with 1009 "Message
   * too big", as the protocol asks. It runs inside Vert.x's handling of the error, before the
   * connection is dropped, so the close frame goes out first.
   */
  private static void tooBig(BridgeEvent event, SockJSSocket socket) {
    String error =
        event.getRawMessage() == null ? null : event.getRawMessage().getString("message");
    if (error != null
        && (error.startsWith("Max frame length") || error.contains("overflow max message size"))) {
      socket.close(1009, "Message too big");
    }
  }

  /** The addresses of the app's callbacks, renewed when a dynamic creator registered more. */
  private Set<String> callbackAddresses() {
    var current = known;
    int count = model.callbackCount();
    if (current.count() != count) {
      current =
          new KnownCallbacks(
              count,
              model.callbacks().stream()
                  .map(c -> CallbackKeys.address(c.outputKey()))
                  .collect(Collectors.toUnmodifiableSet()));
      known = current;
    }
    return current.addresses();
  }

  /** The headers the door vouches for: they replace whatever the frame claimed. */
  private static JsonObject stamp(OpenSocket open, String rendererId) {
    var headers =
        new JsonObject().put(RENDERER_HEADER, rendererId).put(REMOTE_HEADER, open.remote());
    putIfPresent(headers, "origin", open.origin());
    putIfPresent(headers, "cookie", open.cookie());
    putIfPresent(headers, "user-agent", open.userAgent());
    return headers;
  }

  private static void putIfPresent(JsonObject headers, String name, String value) {
    if (value != null) {
      headers.put(name, value);
    }
  }

  /** The handshake as hooks see it. */
  private static WebsocketPeer peerOf(SockJSSocket socket) {
    String remote = socket.remoteAddress() == null ? "" : socket.remoteAddress().hostAddress();
    var headers = handshake(socket);
    var caller = new HeaderCaller(headers, socket.uri(), remote);
    return new WebsocketPeer(
        headers.get("origin"), remote, socket.uri(), caller.headerMap(), caller.cookies());
  }

  /**
   * The headers of the request that opened the socket, its cookies included: {@code
   * SockJSSocket.headers()} has them removed (Vert.x keeps only its session cookie), and cookies
   * are what authentication hooks need.
   */
  private static MultiMap handshake(SockJSSocket socket) {
    var context = socket.routingContext();
    String cookie = context == null ? null : context.get(HANDSHAKE_COOKIE);
    if (cookie == null) {
      return socket.headers();
    }
    return MultiMap.caseInsensitiveMultiMap()
        .addAll(socket.headers())
        .set(HttpHeaders.COOKIE, cookie);
  }

  /** The renderer id of {@code dash4j.renderer.<id>}, or null for any other address. */
  static String rendererIdOf(String address) {
    return address != null
            && address.startsWith(RENDERER_ADDRESS)
            && address.length() > RENDERER_ADDRESS.length()
        ? address.substring(RENDERER_ADDRESS.length())
        : null;
  }
}
