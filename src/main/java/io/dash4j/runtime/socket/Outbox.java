package io.dash4j.runtime.socket;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * What the door writes to one socket, with a bound on what waits for a page that does not read:
 * pushes are dropped while more than {@link #LIMIT} bytes sent to the socket are still unwritten
 * (or its SockJS queue is full), instead of piling up in memory. Answers and {@code get_props}
 * requests are always written; there are at most as many as the socket's running calls ({@link
 * CallSlots}). Nothing here waits: the event loop never holds a frame for a page.
 */
final class Outbox {
  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

  /** Unread bytes after which pushes are dropped: room for a few large figures. */
  static final long LIMIT = 1024 * 1024;

  private final SockJSSocket socket;
  private final AtomicLong unwritten = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  Outbox(SockJSSocket socket) {
    this.socket = socket;
  }

  /**
   * Writes {@code frame}; the future completes once it left for the network (or the socket closed).
   */
  Future<Void> write(Buffer frame) {
    long size = frame.length();
    unwritten.addAndGet(size);
    return socket.write(frame).andThen(done -> unwritten.addAndGet(-size));
  }

  /** Writes {@code frame} unless the page is behind; returns whether it was written. */
  boolean offer(Buffer frame) {
    if (unwritten.get() >= LIMIT || socket.writeQueueFull()) {
      if (dropped.getAndIncrement() == 0) {
        LOG.fine(
            () ->
                "a page on " + socket.remoteAddress() + " does not read; pushes to it are dropped");
      }
      return false;
    }
    write(frame);
    return true;
  }
}
