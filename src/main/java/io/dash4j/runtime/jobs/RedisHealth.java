package io.dash4j.runtime.jobs;

import io.vertx.core.Vertx;
import io.vertx.redis.client.RedisAPI;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Redis store's last known reachability (design §3.11): lost after a failed command or a lost
 * subscriber, back after a {@code PING} answers, tried every second while lost.
 */
final class RedisHealth {
  private static final long PROBE_MILLIS = 1000;

  private final Vertx vertx;
  private final RedisAPI api;
  private final long timeoutMillis;
  private volatile boolean available;
  private long probeTimer = -1;
  private boolean probing;
  private boolean closed;

  RedisHealth(Vertx vertx, RedisAPI api, long timeoutMillis) {
    this.vertx = vertx;
    this.api = api;
    this.timeoutMillis = timeoutMillis;
  }

  boolean available() {
    return available;
  }

  /** Redis answered everything the store asked at start. */
  void up() {
    available = true;
  }

  /** Marks Redis unreachable and probes it until it answers. */
  void down() {
    available = false;
    synchronized (this) {
      if (closed || probeTimer != -1) {
        return;
      }
      probeTimer = vertx.setPeriodic(PROBE_MILLIS, t -> probe());
    }
  }

  /** Stops probing for good. */
  synchronized void close() {
    closed = true;
    if (probeTimer != -1) {
      vertx.cancelTimer(probeTimer);
      probeTimer = -1;
    }
  }

  private void probe() {
    synchronized (this) {
      if (probing || closed) {
        return; // a slow PING is still out: one at a time
      }
      probing = true;
    }
    api.ping(List.of())
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .onComplete(
            pong -> {
              synchronized (this) {
                probing = false;
                if (pong.succeeded() && probeTimer != -1) {
                  vertx.cancelTimer(probeTimer);
                  probeTimer = -1;
                  available = true;
                }
              }
            });
  }
}
