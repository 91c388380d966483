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
    List<Waiting> late;
    Promise<Response> answer;
    synchronized (this) {
      if (inFlight < limit) {
        inFlight++;
        answer = null;
        late = List.of();
      } else {
        // While Redis hangs no slot frees: drop the calls that gave up, so the queue stays short.
        late = expired(System.nanoTime());
        answer = Promise.promise();
        waiting.add(new Waiting(call, answer, deadlineNanos));
      }
    }
    late.forEach(RedisCallGate::tooLate);
    return answer == null ? start(call) : answer.future();
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
    List<Waiting> late;
    Waiting next;
    synchronized (this) {
      late = expired(System.nanoTime());
      next = waiting.poll();
      if (next == null) {
        inFlight--;
      }
    }
    late.forEach(RedisCallGate::tooLate);
    if (next != null) {
      Waiting turn = next;
      // On a fresh stack: a call that fails at once would otherwise release into the next one, and
      // a long queue would run as one recursion.
      vertx.runOnContext(v -> start(turn.call()).onComplete(turn.answer()));
    }
  }

  /** Removes the waiting calls at the head of the queue whose deadline passed (under the lock). */
  private List<Waiting> expired(long now) {
    List<Waiting> late = new ArrayList<>();
    while (!waiting.isEmpty() && now - waiting.peek().deadline() > 0) {
      late.add(waiting.poll());
    }
    return late;
  }

  private static void tooLate(Waiting call) {
    call.answer().tryFail(new TimeoutException("waited too long for a Redis connection"));
  }
}
