package io.dash4j.runtime.exec;

import io.dash4j.runtime.wire.CallbackReply;
import io.dash4j.runtime.wire.PlainJson;
import io.dash4j.runtime.wire.HeaderCaller;
import io.dash4j.runtime.socket.SocketCall;
import io.dash4j.runtime.socket.SocketCalls;
import io.dash4j.runtime.socket.SocketDoor;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.Caller;
import io.dash4j.protocol.MalformedRequest;
import io.dash4j.protocol.UpdateRequest;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves one callback on the event bus at {@code dash4j.callback.<output key>}: every door (HTTP, the socket
 * bridge, another node, another language) reaches the callback by a request to that address. The message arrives on
 * this verticle's event loop and the user code runs on a {@link UserCodeExecutor} thread: one hop off the loop.
 *
 * <p>The HTTP door sends a parsed {@link UpdateRequest} and gets a {@link CallbackReply}. The socket door's bridge
 * sends the request as a {@link JsonObject} with headers the door stamped, and gets JSON text
 * ({@link CallbackReply#toSocketJson()}); such a call gets a {@link SocketCall}, through which it pushes to its page,
 * and which stops it when the page goes away.
 *
 * <p>An HTTP call still running at its deadline is answered with 504 and its thread interrupted. Deadlines are
 * checked by one periodic sweep rather than a timer per call, which would cost a timer and a cross-thread cancel per
 * request. A socket call has no deadline, as in Dash: it runs until it returns or its page goes away (a persistent
 * stream runs for as long as its page is open).
 */
public final class CallbackVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(CallbackVerticle.class.getName());

  private final String address;
  private final CallbackInvoker invoker;
  private final ExecutorService userCode;
  private final ExecutorService socketCode;
  private final long timeoutNanos;
  private final Set<Call> running = ConcurrentHashMap.newKeySet();
  private final java.util.function.Supplier<Future<?>> afterRun;
  private final boolean overSocket;
  private final SocketCalls socketCalls;
  private MessageConsumer<Object> consumer;
  private long sweeper;

  /** One call in progress; answered exactly once, by its task or by the sweep. */
  private static final class Call {
    final Message<Object> message;
    final UpdateRequest request;
    final SocketCall socket; // null over HTTP
    final long deadline;
    final AtomicBoolean answered = new AtomicBoolean();
    volatile java.util.concurrent.Future<?> task;

    Call(Message<Object> message, UpdateRequest request, SocketCall socket, long deadline) {
      this.message = message;
      this.request = request;
      this.socket = socket;
      this.deadline = deadline;
    }

    boolean answer(CallbackReply reply) {
      if (!answered.compareAndSet(false, true)) {
        return false;
      }
      if (socket == null) {
        message.reply(reply);
      } else {
        socket.answer(() -> message.reply(reply.toSocketJson()));
      }
      return true;
    }
  }

  /**
   * @param afterRun for a dynamic creator: deploys the callbacks it registered, before it answers; else null
   */
  public CallbackVerticle(String outputKey, CallbackInvoker invoker, ExecutorService userCode, ExecutorService socketCode,
      long timeoutMillis,
      java.util.function.Supplier<Future<?>> afterRun, boolean overSocket, SocketCalls socketCalls) {
    this.afterRun = afterRun;
    this.overSocket = overSocket;
    this.socketCalls = socketCalls;
    this.address = CallbackKeys.address(outputKey);
    this.invoker = invoker;
    this.userCode = userCode;
    this.socketCode = socketCode;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
  }

  @Override
  public Future<?> start() {
    // A tenth of the timeout keeps a timed-out call's answer within 10 % of its deadline.
    long sweepMillis = Math.max(10, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) / 10));
    sweeper = vertx.setPeriodic(sweepMillis, id -> sweep());
    consumer = vertx.eventBus().<Object>consumer(address, this::dispatch);
    return consumer.completion();
  }

  private void dispatch(Message<Object> message) {
    Call call;
    if (message.body() instanceof UpdateRequest request) {
      call = new Call(message, request, null, System.nanoTime() + timeoutNanos);
    } else {
      call = socketCall(message);
      if (call == null) {
        return;
      }
    }
    running.add(call);
    try {
      // Dispatched on this verticle's context: a reply made from a thread without one would make Vert.x create a
      // new context for every call (measured: one ContextImpl per request).
      call.task = (call.socket == null ? userCode : socketCode)
          .submit(() -> ((ContextInternal) context).dispatch(() -> run(call)));
    } catch (RejectedExecutionException shuttingDown) {
      running.remove(call);
      call.answer(CallbackReply.error(503, "Server is shutting down"));
    }
  }

  /**
   * A request from the socket door, or null when it was answered at once (not a socket callback, refused by the
   * door's limits, malformed).
   */
  private Call socketCall(Message<Object> message) {
    String rendererId = message.headers().get(SocketDoor.RENDERER_HEADER);
    if (!overSocket || rendererId == null || !(message.body() instanceof JsonObject json)) {
      message.reply(CallbackReply.error(400, "Not a websocket callback").toSocketJson());
      return null;
    }
    String refused = message.headers().get(SocketDoor.REFUSED_HEADER);
    if (refused != null) { // beyond the limits of running calls: answered at once, never run
      message.reply(CallbackReply.error(429, refused).toSocketJson());
      return null;
    }
    UpdateRequest request;
    try {
      request = UpdateRequest.of(PlainJson.map(json))
          .from(new HeaderCaller(message.headers(), "", message.headers().get(SocketDoor.REMOTE_HEADER)));
    } catch (MalformedRequest e) {
      message.reply(CallbackReply.error(400, e.getMessage()).toSocketJson());
      return null;
    }
    var socket = new SocketCall(rendererId, context, vertx.eventBus());
    var call = new Call(message, request, socket, System.nanoTime() + timeoutNanos);
    socket.onShutdown(() -> stop(call));
    socketCalls.add(socket);
    return call;
  }

  /**
   * The page went away: the call is interrupted and nothing of it reaches the page. The bridge still gets a 204, so
   * it can forget the request at once rather than when its reply timeout fires.
   */
  private void stop(Call call) {
    if (call.answered.compareAndSet(false, true)) {
      call.message.reply(CallbackReply.noContent().toSocketJson());
      running.remove(call);
      var task = call.task;
      if (task != null) {
        task.cancel(true);
      }
    }
  }

  private void run(Call call) {
    CallbackReply reply;
    try {
      reply = invoker.invoke(call.request, call.socket);
    } catch (RuntimeException | Error unexpected) {
      // The invoker answers every failure of user code itself; this is a bug of ours, still answered at once.
      LOG.log(Level.SEVERE, "callback " + address + " failed unexpectedly", unexpected);
      reply = CallbackReply.error(500, ErrorPages.INTERNAL_ERROR);
    } finally {
      running.remove(call);
      if (call.socket != null) {
        socketCalls.remove(call.socket);
      }
    }
    if (afterRun == null) {
      call.answer(reply);
    } else {
      CallbackReply answer = reply;
      context.runOnContext(v -> afterRun.get().onComplete(done -> call.answer(answer)));
    }
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Call call : running) {
      if (call.socket == null && now - call.deadline >= 0 && call.answer(timedOut())) {
        running.remove(call);
        var task = call.task;
        if (task != null) {
          task.cancel(true);
        }
      }
    }
  }

  private CallbackReply timedOut() {
    return CallbackReply.error(504, "Callback timed out after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweeper);
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
