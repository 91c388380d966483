package io.dash4j.testing;

import io.dash4j.websocket.Verdict;
import io.dash4j.websocket.WebsocketMessage;
import io.dash4j.websocket.WebsocketPeer;
import io.vertx.core.Context;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one test app's server saw of the socket door: the handshakes its connect hook judged, the
 * messages its message hook saw, the door of every call ({@link Doors}), and each call's {@code
 * n_clicks} and origin. One per app; {@link #reset()} between tests when the app serves several.
 */
public final class SocketProbe {
  public final AtomicInteger connects = new AtomicInteger();
  public final List<WebsocketPeer> peers = new CopyOnWriteArrayList<>();

  /** For each hook call, whether it ran on an event loop (hooks must not block one). */
  public final List<Boolean> hookOnEventLoop = new CopyOnWriteArrayList<>();

  public final List<WebsocketMessage> messages = new CopyOnWriteArrayList<>();
  public final List<Object> clicksSeen = new CopyOnWriteArrayList<>();
  public final List<String> origins = new CopyOnWriteArrayList<>();

  /** Replaced by {@link #reset()}, so a page of an earlier test cannot count in a later one. */
  public volatile Doors doors;

  public SocketProbe() {
    this(new Doors());
  }

  /** A probe that counts the doors of calls in {@code doors}. */
  public SocketProbe(Doors doors) {
    this.doors = doors;
  }

  /** Records a handshake a connect hook judges; returns how many there were so far. */
  public int connected(WebsocketPeer peer) {
    peers.add(peer);
    hookOnEventLoop.add(Context.isOnEventLoopThread());
    return connects.incrementAndGet();
  }

  /** {@link #connected} for a hook that admits every socket. */
  public Verdict connectedAndAccept(WebsocketPeer peer) {
    connected(peer);
    return Verdict.accept();
  }

  /** Records a message a message hook judges. */
  public void saw(WebsocketMessage message) {
    hookOnEventLoop.add(Context.isOnEventLoopThread());
    messages.add(message);
  }

  /** Callback runs, through either door. */
  public int calls() {
    return doors.overSocket.get() + doors.overHttp.get();
  }

  /** Forgets what the calls of earlier tests left: doors, clicks and origins. */
  public void reset() {
    doors = new Doors();
    clicksSeen.clear();
    origins.clear();
  }
}
