package io.dash4j.runtime.socket;

import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.JsonWriter;
import io.dash4j.runtime.wire.PlainJson;
import io.dash4j.websocket.PageGone;
import io.dash4j.websocket.Websocket;
import io.vertx.core.Context;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * The page end of one callback call that came over the socket: what {@code
 * CallbackContext.websocket()} returns.
 *
 * <p>Everything this call sends to its page (pushes, {@code get_props} requests, the final answer)
 * leaves from the callback verticle's event loop, one task after another, so the page receives it
 * in the order it was made and the answer never overtakes a push. Pushes made while a flush is
 * already waiting travel together as one {@code set_props_batch}: a burst costs one message, and a
 * quiet push leaves at once.
 *
 * <p>What waits is bounded, and never on the event loop: a batch carries at most {@value
 * #MAX_BATCH} pushes (the rest follow in later tasks, so no flush holds the loop long, and the door
 * can drop a batch for a page that does not read), and a callback that pushes faster than the loop
 * sends waits on its own thread once {@value #MAX_PENDING} pushes are pending.
 *
 * <p>The handle follows its page, not its call ({@link PageLink}): kept after the call returned
 * (saved by a persistent callback, handed to a join hook), it still turns {@link #isShutdown()}
 * true when the page goes, and then refuses pushes with {@link PageGone}.
 */
public final class SocketCall implements Websocket {
  static final int MAX_BATCH = 100;
  static final int MAX_PENDING = 1_000;
  private final PageLink page;
  private final String address;
  private final Context context;
  private final EventBus bus;
  private final List<Map<String, Object>> pending = new ArrayList<>(); // guarded by this
  private boolean flushScheduled; // guarded by this

  /**
   * @param context where every message of this call leaves from (the callback verticle's)
   */
  SocketCall(PageLink page, Context context, EventBus bus) {
    this.page = page;
    this.address = SocketDoor.RENDERER_ADDRESS + page.rendererId();
    this.context = context;
    this.bus = bus;
  }

  @Override
  public String rendererId() {
    return page.rendererId();
  }

  @Override
  public void setProps(Object componentId, Map<String, ?> props) {
    requireOpen();
    var payload = new LinkedHashMap<String, Object>(4);
    payload.put("componentId", CallbackKeys.stringifyId(componentId));
    payload.put(
        "props", new LinkedHashMap<>(props)); // the caller may change its map once we return
    boolean schedule;
    synchronized (this) {
      awaitRoom();
      pending.add(payload);
      schedule = !flushScheduled;
      flushScheduled = true;
    }
    if (schedule) {
      context.runOnContext(v -> flush());
    }
  }

  /**
   * Holds the calling thread while too many pushes are pending; never an event loop, which would
   * wait on itself.
   */
  private void awaitRoom() {
    if (pending.size() >= MAX_PENDING && !Context.isOnEventLoopThread()) {
      Runnable forget = page.whenGone(this::wakePushers);
      try {
        while (pending.size() >= MAX_PENDING && !page.isGone()) {
          wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw page.isGone() ? new PageGone(rendererId()) : new CompletionException(e);
      } finally {
        forget.run();
      }
    }
    requireOpen();
  }

  private synchronized void wakePushers() {
    notifyAll();
  }

  @Override
  public Map<String, Object> getProps(Object componentId, Duration timeout, String... props) {
    requireOpen();
    var request = new LinkedHashMap<String, Object>();
    request.put("type", "get_props_request");
    request.put(
        "payload",
        Map.of("componentId", CallbackKeys.stringifyId(componentId), "properties", List.of(props)));
    String text = JsonWriter.toJson(request);
    var answer = new CompletableFuture<Object>();
    Runnable forget = page.whenGone(() -> answer.completeExceptionally(new PageGone(rendererId())));
    context.runOnContext(
        v -> {
          flushAll();
          bus.request(address, text, new DeliveryOptions().setSendTimeout(timeout.toMillis()))
              .onComplete(
                  reply -> {
                    if (reply.succeeded()) {
                      answer.complete(reply.result().body());
                    } else {
                      answer.completeExceptionally(reply.cause());
                    }
                  });
        });
    try {
      return answer.get() instanceof JsonObject values ? PlainJson.map(values) : Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw page.isGone() ? new PageGone(rendererId()) : new CompletionException(e);
    } catch (ExecutionException e) {
      throw failure(e.getCause(), timeout);
    } finally {
      forget.run();
    }
  }

  private RuntimeException failure(Throwable cause, Duration timeout) {
    if (cause instanceof PageGone gone) {
      return gone;
    }
    if (cause instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT) {
      return new CompletionException(
          new TimeoutException("the page did not answer get_props within " + timeout));
    }
    if (cause instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS) {
      return new PageGone(rendererId());
    }
    return new CompletionException(cause);
  }

  @Override
  public boolean isShutdown() {
    return page.isGone();
  }

  /** Sends {@code answer} after everything this call pushed before it. */
  public void answer(Runnable answer) {
    context.runOnContext(
        v -> {
          flushAll();
          answer.run();
        });
  }

  /**
   * While the call runs: {@code stop} runs if the page goes away meanwhile (the callback verticle
   * stops the call). Returns what to run when the call ends.
   */
  public Runnable whileRunning(Runnable stop) {
    return page.whenGone(stop);
  }

  private void requireOpen() {
    if (page.isGone()) {
      throw new PageGone(rendererId());
    }
  }

  /** On the context: sends one batch of what is pending, and leaves the rest to another task. */
  private void flush() {
    if (sendBatch()) {
      context.runOnContext(v -> flush());
    }
  }

  /** On the context: sends everything pending, before an answer or a {@code get_props} request. */
  private void flushAll() {
    while (sendBatch()) {
      // until nothing is pending
    }
  }

  /**
   * Sends up to {@link #MAX_BATCH} pending pushes as one message; returns whether more are pending.
   */
  private boolean sendBatch() {
    List<Map<String, Object>> batch;
    boolean more;
    synchronized (this) {
      if (pending.isEmpty()) {
        flushScheduled = false;
        return false;
      }
      var head = pending.subList(0, Math.min(pending.size(), MAX_BATCH));
      batch = new ArrayList<>(head);
      head.clear();
      more = !pending.isEmpty();
      flushScheduled = more;
      notifyAll(); // room for a waiting setProps
    }
    var message = new LinkedHashMap<String, Object>(4);
    message.put("type", batch.size() == 1 ? "set_props" : "set_props_batch");
    message.put("payload", batch.size() == 1 ? batch.get(0) : batch);
    bus.send(address, JsonWriter.toJson(message));
    return more;
  }
}
