package io.dash4j.runtime.jobs;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Response;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Lets at most {@code limit} Redis calls reach the client at once and queues the rest in order. The
 * client fails a command at once when its pool's wait queue is full ({@code redisPoolSize +
 * redisMaxPoolWaiting} commands ahead of it), so a burst of polls would fail although Redis is
 * fine; here they wait their turn instead, each no longer than its deadline.
 */
final class RedisCallGate {
  private record Waiting(
      Supplier<Future<Response>> call, Promise<Response> answer, long deadline) {}

  private final Vertx vertx;
  private final int limit;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private int inFlight;

  RedisCallGate(Vertx vertx, int limit) {
    this.vertx = vertx;
    this.limit = Math.max(1, limit);
  }

  /** Runs {@code call} now or when a slot frees; a call still waiting at its deadline fails. */
  Future<Response> submit(Supplier<Future<Response>> call, long deadlineNanos) {
    synchronized (this) {
      if (inFlight >= limit) {
        Promise<Response> answer = Promise.promise();
        waiting.add(new Waiting(call, answer, deadlineNanos));
        return answer.future();
      }
      inFlight++;
    }
    return start(call);
  }

  private Future<Response> start(Supplier<Future<Response>> call) {
    Future<Response> running;
    try {
      running = call.get();
    } catch (RuntimeException e) {
      running = Future.failedFuture(e);
    }
    return running.andThen(done -> release());
  }

  /** Hands the freed slot to the oldest waiting call whose deadline has not passed. */
  private void release() {
    List<Waiting> late = new ArrayList<>();
    Waiting next;
    long now = System.nanoTime();
    synchronized (this) {
      next = waiting.poll();
      while (next != null && now - next.deadline() > 0) {
        late.add(next);
        next = waiting.poll();
      }
      if (next == null) {
        inFlight--;
      }
    }
    late.forEach(
        w -> w.answer().tryFail(new TimeoutException("waited too long for a Redis connection")));
    if (next != null) {
      Waiting turn = next;
      // On a fresh stack: a call that fails at once would otherwise release into the next one, and
      // a long queue would run as one recursion.
      vertx.runOnContext(v -> start(turn.call()).onComplete(turn.answer()));
    }
  }
}
