package io.dash4j.testing;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.NetSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoundRobinProxyTest {
  private final Vertx vertx = Vertx.vertx();
  private final HttpClient http = vertx.createHttpClient();
  // held in a field: an unreferenced WebSocketClient can be collected mid-handshake
  private final WebSocketClient webSockets = vertx.createWebSocketClient();
  private Backend a;
  private Backend b;
  private RoundRobinProxy proxy;

  @BeforeEach
  void start() throws Exception {
    a = Backend.start(vertx, "a");
    b = Backend.start(vertx, "b");
    proxy = RoundRobinProxy.start(List.of(a.port(), b.port()));
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    vertx.close().await(5, TimeUnit.SECONDS);
  }

  @Test
  void requestsAlternateBetweenBackendsWithTheClientsHost() throws Exception {
    var answers = new ArrayList<String>();
    for (int i = 0; i < 4; i++) {
      answers.add(get());
    }

    var host = "127.0.0.1:" + proxy.port();
    assertThat(answers)
        .containsExactly("200 a " + host, "200 b " + host, "200 a " + host, "200 b " + host);
    assertThat(proxy.requests()).isEqualTo(Map.of(a.port(), 2, b.port(), 2));
  }

  @Test
  void postBodiesAreRelayedBothWays() throws Exception {
    var half = "x".repeat(150_000);
    // chunked both ways, as SockJS's xhr-streaming answers
    var answer =
        onLoop(
            () ->
                http.request(HttpMethod.POST, proxy.port(), "127.0.0.1", "/echo")
                    .compose(
                        request -> {
                          request.setChunked(true).write(half);
                          return request.end(half).compose(v -> request.response());
                        })
                    .compose(response -> response.body()));

    assertThat(answer.toString()).isEqualTo("a got " + half + half);
  }

  @Test
  void aClientThatLeavesBeforeItsAnswerClosesTheBackendsRequestToo() throws Exception {
    var held =
        http.request(HttpMethod.GET, proxy.port(), "127.0.0.1", "/hold").await(5, TimeUnit.SECONDS);
    held.end();
    assertThat(a.closes.poll(5, TimeUnit.SECONDS)).isEqualTo("held");

    held.reset();

    assertThat(a.closes.poll(5, TimeUnit.SECONDS)).isEqualTo("hold closed");
  }

  @Test
  void webSocketsAlternateAndRelayFramesBothWays() throws Exception {
    var first = Socket.open(webSockets, proxy);
    var second = Socket.open(webSockets, proxy);
    first.socket.writeTextMessage("hello");
    first.socket.writeBinaryMessage(Buffer.buffer("bytes"));
    second.socket.writeTextMessage("hi");

    var origin = "http://127.0.0.1:" + proxy.port();
    assertThat(first.next()).isEqualTo("a open, host 127.0.0.1:" + proxy.port() + ", " + origin);
    assertThat(first.next()).isEqualTo("a: hello");
    assertThat(first.next()).isEqualTo("binary a: bytes");
    assertThat(second.next()).startsWith("b open");
    assertThat(second.next()).isEqualTo("b: hi");
    assertThat(proxy.webSockets()).isEqualTo(Map.of(a.port(), 1, b.port(), 1));
  }

  @Test
  void closeCodesAndReasonsArePassedOnBothWays() throws Exception {
    var toldToClose = Socket.open(webSockets, proxy);
    var closing = Socket.open(webSockets, proxy);

    toldToClose.socket.writeTextMessage("close 4000");
    closing.socket.close((short) 4001, "bye");

    assertThat(toldToClose.closed.get(5, TimeUnit.SECONDS)).isEqualTo("4000 a was told to");
    assertThat(b.closes.poll(5, TimeUnit.SECONDS)).isEqualTo("4001 bye");
  }

  @Test
  void aStoppedBackendIsPassedOverForTheNextAndTheOthersCarryOn() throws Exception {
    assertThat(get()).startsWith("200 a");
    b.server.close().await(5, TimeUnit.SECONDS);

    // b's turn: it cannot be reached, so a answers, and b is skipped for a second after
    assertThat(List.of(get(), get(), get(), get())).allMatch(answer -> answer.startsWith("200 a"));
    assertThat(proxy.requests()).isEqualTo(Map.of(a.port(), 5, b.port(), 1));
  }

  @Test
  void withEveryBackendStoppedARequestGets502() throws Exception {
    a.server.close().await(5, TimeUnit.SECONDS);
    b.server.close().await(5, TimeUnit.SECONDS);
    assertThat(get()).isEqualTo("502 ");
  }

  @Test
  void aStoppedBackendClosesItsSocketsAndTheNextUpgradeGoesToAnother() throws Exception {
    var onA = Socket.open(webSockets, proxy);
    var onB = Socket.open(webSockets, proxy);
    assertThat(onB.next()).startsWith("b open");

    b.server.close().await(5, TimeUnit.SECONDS);

    // a closing Vert.x server says a plain 1000 to its sockets; the page's worker reconnects
    assertThat(onB.closed.get(5, TimeUnit.SECONDS)).isEqualTo("1000 null");
    assertThat(Socket.open(webSockets, proxy).next()).startsWith("a open");
    assertThat(Socket.open(webSockets, proxy).next()).startsWith("a open");
    assertThat(Socket.open(webSockets, proxy).next()).startsWith("a open");
    onA.socket.writeTextMessage("still here");
    assertThat(onA.next()).startsWith("a open");
    assertThat(onA.next()).isEqualTo("a: still here");
  }

  @Test
  void aBackendThatVanishesWithoutACloseFrameIsPassedOnAsGoingAway() throws Exception {
    var vanishing = vertx.createNetServer().connectHandler(RoundRobinProxyTest::acceptThenVanish);
    vanishing.listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
    try (var alone = RoundRobinProxy.start(List.of(vanishing.actualPort()))) {
      var socket = Socket.open(webSockets, alone);
      socket.socket.writeTextMessage("anyone?");

      // 1006 is what the proxy saw, but it is never sent in a close frame
      assertThat(socket.closed.get(5, TimeUnit.SECONDS)).isEqualTo("1001 null");
    }
  }

  /** Accepts a WebSocket handshake by hand, then drops the connection at the first frame. */
  private static void acceptThenVanish(NetSocket socket) {
    socket.handler(
        bytes -> {
          var key = Pattern.compile("(?i)sec-websocket-key: *(\\S+)").matcher(bytes.toString());
          if (!key.find()) {
            socket.close(); // a frame, not the handshake
            return;
          }
          socket.write(
              "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: "
                  + accept(key.group(1))
                  + "\r\n\r\n");
        });
  }

  /** The Sec-WebSocket-Accept for a key (RFC 6455 §4.2.2). */
  private static String accept(String key) {
    try {
      var sha1 = MessageDigest.getInstance("SHA-1");
      var digest = sha1.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String get() throws Exception {
    return onLoop(
        () ->
            http.request(HttpMethod.GET, proxy.port(), "127.0.0.1", "/")
                .compose(request -> request.send())
                .compose(
                    response -> response.body().map(body -> response.statusCode() + " " + body)));
  }

  /**
   * Builds and awaits a client exchange on one event loop of the test's Vert.x. Chained from this
   * thread instead, {@code response.body()} can run here while the loop ends the response, and its
   * future then never completes (eclipse-vertx/vert.x#6038, fixed after 5.0.8): about one request
   * in a thousand hung for the 5 s.
   */
  private <T> T onLoop(Supplier<Future<T>> exchange) throws Exception {
    Promise<T> done = Promise.promise();
    vertx.runOnContext(v -> exchange.get().onComplete(done));
    return done.future().await(5, TimeUnit.SECONDS);
  }

  /**
   * A node: answers its name and the Host it saw on GET, echoes a POST body, and has a WebSocket
   * that greets with its name, the Host and the Origin it saw, echoes frames after its name, closes
   * with the code it is told ({@code close 4000}), and records the closes it sees.
   */
  private record Backend(String name, HttpServer server, BlockingQueue<String> closes) {
    static Backend start(Vertx vertx, String name) throws Exception {
      var closes = new LinkedBlockingQueue<String>();
      var server = vertx.createHttpServer();
      var backend = new Backend(name, server, closes);
      server.requestHandler(backend::handle).listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
      return backend;
    }

    int port() {
      return server.actualPort();
    }

    private void handle(HttpServerRequest request) {
      var host = request.getHeader("host");
      if (request.canUpgradeToWebSocket()) {
        request.toWebSocket().onSuccess(ws -> talk(ws, host + ", " + request.getHeader("origin")));
      } else if (request.path().equals("/hold")) {
        closes.add("held");
        request.response().closeHandler(v -> closes.add("hold closed"));
      } else if (request.method() == HttpMethod.POST) {
        var response = request.response().setChunked(true);
        response.write(name + " got ");
        request.body().onSuccess(body -> response.end(body));
      } else {
        request.response().end(name + " " + host);
      }
    }

    private void talk(ServerWebSocket ws, String seen) {
      ws.writeTextMessage(name + " open, host " + seen);
      ws.textMessageHandler(
          text -> {
            if (text.startsWith("close ")) {
              ws.close(Short.parseShort(text.substring(6)), name + " was told to");
            } else {
              ws.writeTextMessage(name + ": " + text);
            }
          });
      ws.binaryMessageHandler(
          bytes -> ws.writeBinaryMessage(Buffer.buffer(name + ": ").appendBuffer(bytes)));
      ws.closeHandler(v -> closes.add(ws.closeStatusCode() + " " + ws.closeReason()));
    }
  }

  /** A page's socket through the proxy: what it receives, in order, and how it closed. */
  private static final class Socket {
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private Socket(WebSocket socket) {
      this.socket = socket;
      socket.textMessageHandler(received::add);
      socket.binaryMessageHandler(bytes -> received.add("binary " + bytes));
      socket.closeHandler(
          v -> closed.complete(socket.closeStatusCode() + " " + socket.closeReason()));
    }

    static Socket open(WebSocketClient client, RoundRobinProxy proxy) throws Exception {
      var options =
          new WebSocketConnectOptions()
              .setHost("127.0.0.1")
              .setPort(proxy.port())
              .setURI("/socket?page=1")
              .addHeader("origin", "http://127.0.0.1:" + proxy.port());
      // handlers set on the event loop as it connects: the greeting comes at once
      return client.connect(options).map(Socket::new).await(5, TimeUnit.SECONDS);
    }

    String next() throws InterruptedException {
      return received.poll(5, TimeUnit.SECONDS);
    }
  }
}
