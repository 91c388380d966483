package io.dash4j.testing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A raw client of the socket door, as an attacker or another program would use it: a real WebSocket
 * to SockJS's raw endpoint {@code <app>_dash-ws/websocket}, speaking the event-bus bridge's JSON
 * frames directly, with whatever Origin it likes. Frames the server sends are queued for {@link
 * #next()}, and kept as sent for {@link #received()}.
 */
public final class BridgeClient implements AutoCloseable {
  private static final Vertx VERTX = Vertx.vertx();

  /**
   * Held for the JVM: a client nobody references is garbage-collected, and closes its sockets as it
   * goes.
   */
  private static final WebSocketClient CLIENT =
      VERTX.createWebSocketClient(
          new WebSocketClientOptions()
              // as a browser would take them: a burst of pushes travels as one large
              // set_props_batch
              .setMaxFrameSize(64 * 1024 * 1024)
              .setMaxMessageSize(64 * 1024 * 1024));

  private final ClientWebSocket socket;
  private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();

  private BridgeClient(ClientWebSocket socket) {
    this.socket = socket;
    socket.textMessageHandler(this::arrived);
    socket.binaryMessageHandler(bytes -> arrived(bytes.toString()));
    socket.closeHandler(v -> closed.complete(null));
  }

  private void arrived(String frame) {
    received.add(frame);
    frames.add(frame);
  }

  /**
   * Opens a socket to the app at {@code appUrl} (e.g. {@code http://localhost:1234/}).
   *
   * @param origin the Origin header to send, or null for none
   */
  public static BridgeClient connect(String appUrl, String origin) {
    return connect(appUrl, "_dash-ws/websocket", origin);
  }

  /**
   * Opens a socket to {@code path} of the app, e.g. SockJS's own {@code
   * _dash-ws/<server>/<session>/websocket}, whose frames are SockJS's ({@code o}, {@code a[...]},
   * {@code c[...]}), not bridge JSON: read them with {@link #received()}.
   *
   * @param origin the Origin header to send, or null for none
   */
  public static BridgeClient connect(String appUrl, String path, String origin) {
    var uri = URI.create(appUrl);
    var options =
        new WebSocketConnectOptions()
            .setHost(uri.getHost())
            .setPort(uri.getPort())
            .setURI(uri.getPath() + path);
    if (origin != null) {
      options.addHeader("Origin", origin);
    } else {
      options.setAllowOriginHeader(false); // else Vert.x sends one of its own
    }
    // Handlers before the handshake: a door that refuses at once may send its frames and close
    // before it returns.
    var client = new BridgeClient(CLIENT.webSocket());
    try {
      client
          .socket
          .connect(options)
          .toCompletionStage()
          .toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
      return client;
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
    return send(
        new JsonObject().put("type", "register").put("address", "dash4j.renderer." + rendererId));
  }

  /**
   * Registers {@code rendererId} and waits for the door's confirmation, which must be the next
   * frame.
   */
  public BridgeClient claim(String rendererId) {
    register(rendererId);
    var frame = next();
    if (!("dash4j.renderer." + rendererId).equals(frame.getString("address"))
        || !"registered".equals(body(frame).getString("type"))) {
      throw new AssertionError(
          "expected the door's \"registered\" for " + rendererId + ", got " + frame);
    }
    return this;
  }

  /**
   * Registers {@code rendererId} presenting a page token, as our worker does for a page with
   * background callbacks, and waits for the door's confirmation.
   */
  public BridgeClient claim(String rendererId, String pageToken) {
    send(
        new JsonObject()
            .put("type", "register")
            .put("address", "dash4j.renderer." + rendererId)
            .put("headers", new JsonObject().put("dash4j-page", pageToken)));
    var frame = next();
    if (!"registered".equals(body(frame).getString("type"))) {
      throw new AssertionError("expected the door's \"registered\", got " + frame);
    }
    return this;
  }

  /**
   * Answers a message the server sent with {@code replyAddress}: a {@code get_props} request, or a
   * job's push ({@code {"ok": true}} acknowledges it).
   */
  public BridgeClient reply(String replyAddress, JsonObject body) {
    return send(
        new JsonObject().put("type", "send").put("address", replyAddress).put("body", body));
  }

  /** Sends a callback request as our worker does, claiming {@code rendererId}. */
  public BridgeClient callback(
      String outputKey, JsonObject body, String rendererId, String replyAddress) {
    return send(
        new JsonObject()
            .put("type", "send")
            .put("address", "dash4j.callback." + outputKey)
            .put("body", body)
            .put("headers", new JsonObject().put("dash4j-renderer", rendererId))
            .put("replyAddress", replyAddress));
  }

  /** The next frame from the server, waiting up to 10 s; fails if none comes. */
  public JsonObject next() {
    JsonObject frame = poll(10_000);
    if (frame == null) {
      throw new AssertionError(
          "no frame from the server within 10 s; frames so far: " + received());
    }
    return frame;
  }

  /** The next frame within {@code millis}, or null. */
  public JsonObject poll(long millis) {
    try {
      String frame = frames.poll(millis, TimeUnit.MILLISECONDS);
      return frame == null ? null : new JsonObject(frame);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * The first frame {@code wanted} accepts within {@code within}, taking the frames before it; null
   * if none comes.
   */
  public JsonObject awaitFrame(Predicate<JsonObject> wanted, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    for (long left = within.toMillis(); left > 0; ) {
      JsonObject frame = poll(left);
      if (frame != null && wanted.test(frame)) {
        return frame;
      }
      left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }
    return null;
  }

  /**
   * Every frame the server sent so far, in order, as it sent it; {@link #next()} takes none away.
   */
  public List<String> received() {
    return new ArrayList<>(received);
  }

  /** The body of a {@code rec} frame, parsed when the server sent it as JSON text. */
  public static JsonObject body(JsonObject frame) {
    Object body = frame.getValue("body");
    return body instanceof String text ? new JsonObject(text) : (JsonObject) body;
  }

  /** Whether the socket is closed. */
  public boolean isClosed() {
    return closed.isDone();
  }

  /**
   * The close code the server sent (null while open, or when the connection ended without a close
   * frame).
   */
  public Short closeStatus() {
    return socket.closeStatusCode();
  }

  /** Whether the socket closes within 10 s. */
  public boolean awaitClosed() {
    try {
      closed.get(10, TimeUnit.SECONDS);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * Stops reading what the server sends, as a page that hangs would: the server's writes back up.
   */
  public BridgeClient pause() {
    socket.pause();
    return this;
  }

  /** Reads again after {@link #pause()}. */
  public BridgeClient resume() {
    socket.resume();
    return this;
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
    if (!isClosed()) {
      socket.close();
    }
  }
}
