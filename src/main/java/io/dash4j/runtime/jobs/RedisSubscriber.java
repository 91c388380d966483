package io.dash4j.runtime.jobs;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Redis store's pub/sub connection: a connection of its own (a subscribed connection takes no
 * other commands, so it cannot come from the command pool), subscribed to the store's channels.
 * When it breaks it reconnects with a backoff of 100 ms × 2ⁿ up to 5 s, for as long as the store is
 * open, and subscribes again.
 */
final class RedisSubscriber {
  private static final Logger LOG = Logger.getLogger(RedisSubscriber.class.getName());
  private static final long FIRST_DELAY_MILLIS = 100;
  private static final long MAX_DELAY_MILLIS = 5000;

  /** What the store hears from its subscriber. */
  interface Listener {
    /** A message arrived on {@code channel}. */
    void message(String channel, String payload);

    /** The subscription is up: first at start, then after each reconnect. */
    void subscribed(boolean again);

    /** The connection broke; messages may be lost until it is back. */
    void lost();
  }

  private final Vertx vertx;
  private final Redis redis;
  private final List<String> channels;
  private final long timeoutMillis;
  private final Listener listener;
  private RedisConnection connection;
  private Promise<Void> subscribing;
  private int failures;
  private boolean everSubscribed;
  private boolean closed;
  private long retryTimer = -1;

  RedisSubscriber(
      Vertx vertx, RedisOptions options, List<String> channels, long timeoutMillis, Listener l) {
    this.vertx = vertx;
    this.redis = Redis.createClient(vertx, new RedisOptions(options).setMaxPoolSize(1));
    this.channels = List.copyOf(channels);
    this.timeoutMillis = timeoutMillis;
    this.listener = l;
  }

  /** Subscribes; fails when the first attempt does (attempts go on in the background). */
  Future<Void> start() {
    return connect();
  }

  /** Stops for good: no more reconnects. */
  Future<Void> close() {
    RedisConnection open;
    synchronized (this) {
      closed = true;
      if (retryTimer != -1) {
        vertx.cancelTimer(retryTimer);
      }
      open = connection;
      connection = null;
    }
    Future<Void> closing = open == null ? Future.succeededFuture() : open.close();
    return closing.eventually(redis::close);
  }

  private Future<Void> connect() {
    synchronized (this) {
      retryTimer = -1;
      if (closed) {
        return Future.failedFuture("the subscriber is closed");
      }
    }
    Future<Void> attempt =
        redis.connect().compose(this::subscribe).timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    attempt.onComplete(
        done -> {
          if (done.succeeded()) {
            up();
          } else {
            LOG.log(Level.FINE, "Redis subscriber could not connect", done.cause());
            RedisConnection opened;
            synchronized (this) {
              opened = connection; // null unless it connected but the subscription failed
            }
            down(opened);
          }
        });
    return attempt;
  }

  private Future<Void> subscribe(RedisConnection opened) {
    Promise<Void> confirmed = Promise.promise();
    synchronized (this) {
      if (closed) {
        opened.close();
        return Future.failedFuture("the subscriber is closed");
      }
      connection = opened;
      subscribing = confirmed;
    }
    opened.handler(response -> received(opened, response));
    opened.exceptionHandler(failure -> down(opened));
    opened.endHandler(end -> down(opened));
    // The write completes the command; the subscription holds only once Redis confirms it.
    return RedisAPI.api(opened).subscribe(channels).compose(v -> confirmed.future());
  }

  private void received(RedisConnection from, Response response) {
    if (response == null || response.size() < 3) {
      return;
    }
    String kind = response.get(0).toString();
    if ("message".equals(kind)) {
      Response payload = response.get(2);
      try {
        listener.message(response.get(1).toString(), payload == null ? "" : payload.toString());
      } catch (RuntimeException e) {
        // A listener's failure must not reach the client, which would take it for the connection's.
        LOG.log(Level.WARNING, "a job store listener failed", e);
      }
    } else if ("subscribe".equals(kind) && response.get(2).toInteger() == channels.size()) {
      Promise<Void> confirmed;
      synchronized (this) {
        confirmed = from == connection ? subscribing : null;
      }
      if (confirmed != null) {
        confirmed.tryComplete();
      }
    }
  }

  private void up() {
    boolean again;
    synchronized (this) {
      failures = 0;
      again = everSubscribed;
      everSubscribed = true;
    }
    listener.subscribed(again);
  }

  /** The connection {@code broken} failed: drops it and tries again after the backoff. */
  private void down(RedisConnection broken) {
    long delay;
    synchronized (this) {
      if (closed || broken != connection || retryTimer != -1) {
        return; // already handled (both the end and the exception handler may fire), or closing
      }
      connection = null;
      delay = Math.min(MAX_DELAY_MILLIS, FIRST_DELAY_MILLIS << Math.min(failures, 6));
      failures++;
      retryTimer = vertx.setTimer(delay, t -> connect());
    }
    if (broken != null) {
      broken.close();
    }
    listener.lost();
  }
}
