package io.dash4j.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw client of the socket door, as an attacker or another program would use it: a real WebSocket to SockJS's raw
 * endpoint {@code <app>_dash-ws/websocket}, speaking the event-bus bridge's JSON frames directly, with whatever
 * Origin it likes. Frames the server sends are queued for {@link #next()}.
 */
public final class BridgeClient implements AutoCloseable {
  private static final Vertx VERTX = Vertx.vertx();
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  private BridgeClient(WebSocket socket) {
    this.socket = socket;
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    socket.binaryMessageHandler(bytes -> frames.add(new JsonObject(bytes)));
    socket.closeHandler(v -> closed = true);
  }

  /**
   * Opens a socket to the app at {@code appUrl} (e.g. {@code http://localhost:1234/}).
   *
   * @param origin the Origin header to send, or null for none
   */
  public static BridgeClient connect(String appUrl, String origin) {
    var uri = URI.create(appUrl);
    var options = new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort())
        .setURI(uri.getPath() + "_dash-ws/websocket");
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    try {
      return new BridgeClient(VERTX.createWebSocketClient().connect(options).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS));
    } catch (Exception e) {
      throw new AssertionError("cannot open a socket to " + appUrl, e);
    }
  }

  /** {@link #connect(String, String)} with the app's own origin, as the browser would send. */
  public static BridgeClient connect(String appUrl) {
    var uri = URI.create(appUrl);
    return connect(appUrl, uri.getScheme() + "://" + uri.getAuthority());
  }

  /** Sends one bridge frame. */
  public BridgeClient send(JsonObject frame) {
    socket.writeTextMessage(frame.encode());
    return this;
  }

  /** Registers for a renderer's pushes: {@code dash4j.renderer.<id>}. */
  public BridgeClient register(String rendererId) {
    return send(new JsonObject().put("type", "register").put("address", "dash4j.renderer." + rendererId));
  }

  /** Sends a callback request as our worker does, claiming {@code rendererId}. */
  public BridgeClient callback(String outputKey, JsonObject body, String rendererId, String replyAddress) {
    return send(new JsonObject().put("type", "send").put("address", "dash4j.callback." + outputKey).put("body", body)
        .put("headers", new JsonObject().put("dash4j-renderer", rendererId)).put("replyAddress", replyAddress));
  }

  /** The next frame from the server, waiting up to 10 s; fails if none comes. */
  public JsonObject next() {
    JsonObject frame = poll(10_000);
    if (frame == null) {
      throw new AssertionError("no frame from the server within 10 s");
    }
    return frame;
  }

  /** The next frame within {@code millis}, or null. */
  public JsonObject poll(long millis) {
    try {
      return frames.poll(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The body of a {@code rec} frame, parsed when the server sent it as JSON text. */
  public static JsonObject body(JsonObject frame) {
    Object body = frame.getValue("body");
    return body instanceof String text ? new JsonObject(text) : (JsonObject) body;
  }

  /** Whether the server closed the socket. */
  public boolean isClosed() {
    return closed;
  }

  /** Writes raw text, e.g. a malformed frame. */
  public BridgeClient sendText(String text) {
    socket.writeTextMessage(text);
    return this;
  }

  /** Writes raw bytes. */
  public BridgeClient sendBytes(Buffer bytes) {
    socket.writeBinaryMessage(bytes);
    return this;
  }

  @Override
  public void close() {
    if (!closed) {
      socket.close();
    }
  }
}
