package io.dash4j.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP proxy that forwards plain HTTP and refuses {@code CONNECT}, like a corporate proxy that
 * blocks WebSockets: Chromium tunnels {@code ws://} through a proxy with CONNECT, so behind this
 * proxy every WebSocket fails while ordinary requests (SockJS's HTTP transports among them) go
 * through. Point Chromium at it with {@link #chromiumArguments()}. It records what it forwarded and
 * refused.
 */
public final class WebSocketBlockingProxy implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient client = vertx.createHttpClient();
  private final HttpServer server;
  private final List<String> forwarded = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();

  private WebSocketBlockingProxy() {
    server = vertx.createHttpServer().requestHandler(this::handle);
  }

  /** Starts the proxy on a free port. */
  public static WebSocketBlockingProxy start() {
    var proxy = new WebSocketBlockingProxy();
    try {
      proxy
          .server
          .listen(0, "127.0.0.1")
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the proxy did not start", e);
    }
    return proxy;
  }

  /** The Chromium switches that send every request, localhost's too, through this proxy. */
  public String[] chromiumArguments() {
    return new String[] {
      "--proxy-server=http://127.0.0.1:" + server.actualPort(), "--proxy-bypass-list=<-loopback>"
    };
  }

  /** The requests forwarded, as {@code METHOD path}. */
  public List<String> forwarded() {
    return List.copyOf(forwarded);
  }

  /** The requests refused (CONNECTs, WebSocket upgrades), as {@code METHOD target}. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  private void handle(HttpServerRequest request) {
    if (request.method() == HttpMethod.CONNECT
        || "websocket".equalsIgnoreCase(request.getHeader("upgrade"))) {
      refused.add(request.method() + " " + request.uri());
      request.response().setStatusCode(403).end("WebSockets are blocked here");
      return;
    }
    URI target;
    try {
      target = URI.create(request.uri()); // a proxy gets the absolute URI
    } catch (IllegalArgumentException e) {
      request.response().setStatusCode(400).end();
      return;
    }
    if (target.getHost() == null) {
      request.response().setStatusCode(400).end();
      return;
    }
    forwarded.add(request.method() + " " + target.getRawPath());
    var headers = request.headers().copy().remove("proxy-connection");
    client
        .request(
            new RequestOptions()
                .setMethod(request.method())
                .setHost(target.getHost())
                .setPort(target.getPort() < 0 ? 80 : target.getPort())
                .setURI(
                    target.getRawPath()
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()))
                .setHeaders(headers))
        // a body only where there is one: a GET sent with a (chunked) body is not what the browser
        // sent
        .compose(
            out ->
                request.getHeader("content-length") != null
                        || request.getHeader("transfer-encoding") != null
                    ? out.send(request)
                    : out.send())
        .onSuccess(
            in -> {
              var response = request.response().setStatusCode(in.statusCode());
              response.headers().addAll(in.headers()).remove("transfer-encoding");
              if (!response.headers().contains("content-length")) {
                response.setChunked(true); // SockJS's xhr_streaming: relay each chunk as it comes
              }
              in.pipeTo(response);
            })
        .onFailure(e -> request.response().setStatusCode(502).end(String.valueOf(e)));
  }

  @Override
  public void close() {
    vertx.close();
  }
}
