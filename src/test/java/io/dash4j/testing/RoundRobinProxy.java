package io.dash4j.testing;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A round-robin load balancer for multi-node tests (issue 12): each HTTP request and each WebSocket
 * goes to the next backend in turn, with no stickiness at all, so a page served through it really
 * alternates nodes and a test sees whether the app keeps its state in the cluster rather than in
 * one node.
 *
 * <p>Bodies stream through both ways (SockJS's xhr-streaming arrives chunk by chunk); the Host
 * header stays as the client sent it, so the app's same-origin checks hold. A WebSocket upgrade is
 * relayed as two sockets joined frame by frame, and a close is passed on with its status code and
 * reason. A backend that cannot be reached is passed over for the next in turn, as nginx does with
 * a request it could not send yet, and skipped for a second after; only when none can be reached
 * does the request get a 502 (an upgrade, its refusal); a backend that fails after the request
 * reached it costs that request a 502; a backend's own refusal of an upgrade (a 403 for a foreign
 * Origin, say) reaches the client with its status. Subprotocols are not relayed, and each hop
 * negotiates its own compression. {@link #requests()} and {@link #webSockets()} count what went
 * where, so a test can check that the page really alternated nodes.
 */
public final class RoundRobinProxy implements AutoCloseable {
  private static final String LOOPBACK = "127.0.0.1";
  private static final long SKIP_MILLIS = 1000;

  /**
   * Headers about one connection, not the message (RFC 9110 §7.6.1); the WebSocket handshake's own
   * ({@code sec-websocket-*}) are made afresh by each hop.
   */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          ("connection keep-alive proxy-connection proxy-authenticate proxy-authorization te"
                  + " trailer transfer-encoding upgrade")
              .split(" "));

  // as large as the frames the tests' own clients accept: a burst of pushes is one large frame
  private static final int MAX_FRAME = 64 * 1024 * 1024;

  private final Vertx vertx = Vertx.vertx();
  private final List<Integer> backends;
  private final HttpClient http =
      vertx.createHttpClient(
          new HttpClientOptions().setConnectTimeout(5000), new PoolOptions().setHttp1MaxSize(64));
  // held in a field: an unreferenced WebSocketClient can be collected mid-handshake
  private final WebSocketClient webSockets =
      vertx.createWebSocketClient(
          new WebSocketClientOptions()
              .setConnectTimeout(5000)
              .setMaxConnections(1000)
              .setMaxFrameSize(MAX_FRAME));
  private final HttpServer server;
  private final AtomicInteger turn = new AtomicInteger();
  private final Map<Integer, Long> failedAt = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> requests = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> upgrades = new ConcurrentHashMap<>();

  private RoundRobinProxy(List<Integer> backends) {
    this.backends = List.copyOf(backends);
    server =
        vertx
            .createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(MAX_FRAME))
            .requestHandler(this::route);
  }

  /**
   * Starts a proxy to the given ports of 127.0.0.1 on a free port of 127.0.0.1, with its own
   * Vert.x. Call it from a test thread, not from an event loop (it waits for the server to listen).
   */
  public static RoundRobinProxy start(List<Integer> backendPorts) {
    if (backendPorts.isEmpty()) {
      throw new IllegalArgumentException("no backends");
    }
    var proxy = new RoundRobinProxy(backendPorts);
    try {
      proxy.server.listen(0, LOOPBACK).await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      proxy.close();
      throw new IllegalStateException("the proxy did not start", e);
    }
    return proxy;
  }

  /** The port the proxy listens on. */
  public int port() {
    return server.actualPort();
  }

  /** The proxy's address as a page would open it, {@code http://127.0.0.1:<port>/}. */
  public String url() {
    return "http://" + LOOPBACK + ":" + port() + "/";
  }

  /** How many plain HTTP requests went to each backend port (failed ones included). */
  public Map<Integer, Integer> requests() {
    return counts(requests);
  }

  /** How many WebSocket upgrades went to each backend port (failed ones included). */
  public Map<Integer, Integer> webSockets() {
    return counts(upgrades);
  }

  /** Stops the proxy and waits till it has: the sockets it relayed are closed when it returns. */
  @Override
  public void close() {
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the proxy did not stop", e);
    }
  }

  private Map<Integer, Integer> counts(Map<Integer, Integer> sent) {
    return backends.stream()
        .collect(
            Collectors.toMap(
                Function.identity(), port -> sent.getOrDefault(port, 0), (count, same) -> count));
  }

  private void route(HttpServerRequest request) {
    request.pause(); // until the backend is reached: the body, and the upgrade, wait for it
    relay(request, backends.size());
  }

  /**
   * Sends {@code request} to the next backend; one that cannot be reached is passed over for the
   * next, as nginx does when a request was not sent yet, {@code tries} times in all.
   */
  private void relay(HttpServerRequest request, int tries) {
    int backend = next();
    boolean upgrade = request.canUpgradeToWebSocket();
    (upgrade ? upgrades : requests).merge(backend, 1, Integer::sum);
    if (upgrade) {
      relayWebSocket(request, backend, tries);
    } else {
      relayHttp(request, backend, tries);
    }
  }

  /** A backend could not be reached: the next one in turn, or 502 when none is left to try. */
  private void unreachable(int backend, HttpServerRequest request, int tries) {
    if (tries > 1) {
      failedAt.put(backend, System.currentTimeMillis());
      relay(request, tries - 1);
    } else {
      failed(backend, request, 502);
    }
  }

  /** The next backend in turn, passing over those that failed lately unless all did. */
  private int next() {
    long now = System.currentTimeMillis();
    for (int tries = 0; tries < backends.size(); tries++) {
      int port = backends.get(Math.floorMod(turn.getAndIncrement(), backends.size()));
      if (now - failedAt.getOrDefault(port, 0L) > SKIP_MILLIS) {
        return port;
      }
    }
    return backends.get(Math.floorMod(turn.getAndIncrement(), backends.size()));
  }

  private void relayHttp(HttpServerRequest request, int backend, int tries) {
    var headers = request.headers();
    // a GET sent on with an empty chunked body is not what the client sent
    boolean body =
        headers.contains(HttpHeaders.CONTENT_LENGTH)
            || headers.contains(HttpHeaders.TRANSFER_ENCODING);
    var options =
        new RequestOptions()
            .setMethod(request.method())
            .setHost(LOOPBACK)
            .setPort(backend)
            .setURI(request.uri())
            .setHeaders(endToEnd(headers)); // Host among them: Vert.x keeps a Host it is given
    var connected = http.request(options);
    connected.onFailure(notReached -> unreachable(backend, request, tries));
    connected
        .compose(
            out -> {
              // a client gone before its answer ends is gone for the backend too, as without the
              // proxy: a SockJS poll held open for nobody would take the next messages
              var response = request.response();
              response.closeHandler(
                  v -> {
                    if (!response.ended()) {
                      out.reset();
                    }
                  });
              return body ? out.send(request) : out.send();
            })
        .onFailure(
            e -> {
              if (connected.failed() || request.response().headWritten()) {
                return; // passed over above, or answered already
              }
              // a pooled connection the backend closed: a request without a body goes again
              if (!body) {
                unreachable(backend, request, tries);
              } else {
                failed(backend, request, 502);
              }
            })
        .onSuccess(
            in -> {
              var response = request.response().setStatusCode(in.statusCode());
              response.headers().addAll(endToEnd(in.headers()));
              if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)
                  && request.method() != HttpMethod.HEAD
                  && in.statusCode() != 204
                  && in.statusCode() != 304) {
                response.setChunked(true); // relay each chunk as it comes
              }
              // a backend gone mid-body must not look like a complete answer: break it off
              in.pipe().endOnFailure(false).to(response).onFailure(e -> response.reset());
            });
  }

  private void relayWebSocket(HttpServerRequest request, int backend, int tries) {
    var options =
        new WebSocketConnectOptions()
            .setHost(LOOPBACK)
            .setPort(backend)
            .setURI(request.uri())
            .setHeaders(endToEnd(request.headers()))
            // Netty would make up an Origin for a client that sent none
            .setAllowOriginHeader(request.headers().contains(HttpHeaders.ORIGIN));
    webSockets
        .connect(options)
        .onFailure(
            e -> {
              if (e instanceof UpgradeRejectedException refused) {
                failed(backend, request, refused.getStatus());
              } else {
                unreachable(backend, request, tries);
              }
            })
        .onSuccess(
            toBackend -> {
              toBackend.pause(); // what the backend says first waits for the client's side
              request
                  .toWebSocket()
                  .onFailure(e -> toBackend.close())
                  .onSuccess(
                      toClient -> {
                        join(toClient, toBackend);
                        join(toBackend, toClient);
                        toBackend.resume();
                      });
            });
  }

  private void failed(int backend, HttpServerRequest request, int status) {
    if (status == 502) {
      failedAt.put(backend, System.currentTimeMillis());
    }
    var response = request.response();
    if (!response.headWritten() && !response.closed()) {
      response.setStatusCode(status).end();
    }
  }

  /**
   * Relays {@code from}'s data frames to {@code to}, as they come (fragments stay fragments), and
   * passes its close on. Pings stay on their hop: each side answers its own.
   */
  private static void join(WebSocketBase from, WebSocketBase to) {
    from.frameHandler(
        frame -> {
          if (to.isClosed() || !(frame.isText() || frame.isBinary() || frame.isContinuation())) {
            return;
          }
          to.writeFrame(frame);
          if (to.writeQueueFull()) {
            from.pause();
            to.drainHandler(v -> from.resume());
          }
        });
    from.exceptionHandler(e -> {}); // the close that follows says it
    from.closeHandler(
        v -> {
          if (!to.isClosed()) {
            to.close(sendable(from.closeStatusCode()), from.closeReason());
          }
        });
  }

  /**
   * 1005 (no code given), 1006 (no close frame: the peer vanished) and 1015 are reported, never
   * sent (RFC 6455 §7.4.1): a close without a code is a normal one, a vanished peer went away
   * (1001).
   */
  private static short sendable(Short code) {
    if (code == null || code == 1006 || code == 1015) {
      return 1001;
    }
    return code == 1005 ? 1000 : code;
  }

  private static MultiMap endToEnd(MultiMap headers) {
    var copy = HttpHeaders.headers();
    for (var header : headers) {
      var name = header.getKey().toLowerCase(Locale.ROOT);
      if (!HOP_BY_HOP.contains(name) && !name.startsWith("sec-websocket-")) {
        copy.add(header.getKey(), header.getValue());
      }
    }
    return copy;
  }
}
