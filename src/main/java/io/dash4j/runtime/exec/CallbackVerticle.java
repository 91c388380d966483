package io.dash4j.runtime.exec;

import io.dash4j.protocol.BackgroundQuery;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.MalformedRequest;
import io.dash4j.protocol.UpdateRequest;
import io.dash4j.runtime.cluster.RemoteCalls;
import io.dash4j.runtime.socket.SocketCall;
import io.dash4j.runtime.socket.SocketCalls;
import io.dash4j.runtime.socket.SocketDoor;
import io.dash4j.runtime.wire.CallbackReply;
import io.dash4j.runtime.wire.HeaderCaller;
import io.dash4j.runtime.wire.PlainJson;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves one callback on the event bus at {@code dash4j.callback.<output key>}: every door (HTTP,
 * the socket bridge, another node, another language) reaches the callback by a request to that
 * address, and the user code runs on a {@link UserCodeExecutor} thread, or on JDK 24+ on a virtual
 * thread the event loop carries only while it does not block, never on the loop itself unless the
 * app declared the callback non-blocking.
 *
 * <p>The verticle owns the consumer's lifecycle, but registers it on the <em>door's</em> context
 * (the event loop of the app's HTTP server): a request from that door is then delivered on the loop
 * it already runs on, with no wake-up of another loop, and the answer goes back to that loop. A
 * request costs two thread hops, to the user-code thread and back, as little as running user code
 * off the loop can (measured in {@code ./run bench}: with the consumer on a loop of its own, a
 * request at one connection cost the server 5.9 context switches instead of about 4, and 16
 * connections ran at 0.36× the bare route instead of 0.6–0.7×). On JDK 17 the user-code thread is
 * whichever {@link UserCodePool} thread is already awake: under load one thread takes the calls
 * back to back instead of a pool handing them round (at 16 connections 1.4 context switches and 31
 * µs of server CPU per request instead of 1.6 and 35 µs; the bare route costs 20.5 µs). And the
 * loop wakes that thread at the end of its turn, not at each call ({@link
 * UserCodePool#executeAtTurnEnd}): the calls that arrived together then cost one hand-over each way
 * between them (on one core at 16 connections 0.2 context switches a request instead of 1.4, and
 * 0.9–1.0× the bare route's throughput instead of 0.65–0.7×).
 *
 * <p>The HTTP door sends a parsed {@link UpdateRequest} and gets a {@link CallbackReply}. The
 * socket door's bridge sends the request as a {@link JsonObject} with headers the door stamped, and
 * gets JSON text ({@link CallbackReply#toSocketJson()}); such a call gets a {@link SocketCall},
 * through which it pushes to its page, and which stops it when the page goes away.
 *
 * <p>On JDK 24+ (with {@code java.lang} opened) an HTTP call runs instead on a virtual thread
 * carried by the door's loop ({@link LoopCarrier}): no hop while it computes, and the loop is free
 * whenever it blocks; a callback that holds the loop computing moves to the pool by itself.
 *
 * <p>A callback the app declared {@code nonBlocking} runs an HTTP call on the door's loop itself,
 * with no hop at all; it has no deadline, since nothing could stop it there.
 *
 * <p>An HTTP call still running at its deadline is answered with 504 and its thread interrupted, by
 * the Vert.x instance's one {@link CallDeadlines} sweep. A socket call has no deadline, as in Dash:
 * it runs until it returns or its page goes away (a persistent stream runs for as long as its page
 * is open).
 */
public final class CallbackVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(CallbackVerticle.class.getName());

  private final String address;
  private final CallbackInvoker invoker;
  private final UserCodePool userCode;
  private final ExecutorService socketCode;
  private final long timeoutNanos;
  private final Supplier<Future<?>> afterRun;
  private final boolean overSocket;
  private final boolean onTheLoop;
  private final SocketCalls socketCalls;
  private final Context door;
  private final Executor turnEnd;
  private final LoopCarrier loopCarrier; // null: calls run on the pool
  private CallDeadlines deadlines;
  private RemoteCalls remoteCalls;
  private MessageConsumer<Object> consumer;

  /** One call in progress; answered exactly once, by its task or by the deadline sweep. */
  private final class Call implements CallDeadlines.Expiring {
    final Message<Object> message;
    final UpdateRequest request;
    final SocketCall socket; // null over HTTP
    final long deadline;
    final AtomicBoolean answered = new AtomicBoolean();
    boolean receiptSent; // only the one sweep thread reads and writes it
    volatile java.util.concurrent.Future<?> task;
    Runnable ended = () -> {}; // over the socket: forgets the stop once the call is over

    Call(Message<Object> message, UpdateRequest request, SocketCall socket, long deadline) {
      this.message = message;
      this.request = request;
      this.socket = socket;
      this.deadline = deadline;
    }

    /**
     * Sends the reply from the door's loop, where the requester waits for it: no other loop is
     * woken.
     */
    boolean answer(CallbackReply reply) {
      if (!answered.compareAndSet(false, true)) {
        return false;
      }
      if (socket == null) {
        if (onTheLoop) {
          message.reply(reply); // a nonBlocking callback's HTTP call ran where it arrived
        } else {
          door.runOnContext(v -> message.reply(reply));
        }
      } else {
        socket.answer(() -> message.reply(reply.toSocketJson()));
      }
      return true;
    }

    @Override
    public long deadlineNanos() {
      return deadline;
    }

    /**
     * A call still running at a sweep tells a door on another node, once, that it runs here: only
     * calls that long pay the message, and a call's node dying matters most to those.
     */
    @Override
    public void outlivedASweep() {
      if (!receiptSent) {
        receiptSent = true;
        remoteCalls.taken(message.headers());
      }
    }

    @Override
    public void expire() {
      if (answer(timedOut())) {
        var running = task;
        if (running != null) {
          running.cancel(true);
        }
      }
    }
  }

  /**
   * @param door the context of the app's HTTP server: where the consumer is registered and answers
   *     leave from
   * @param afterRun for a dynamic creator: deploys the callbacks it registered, before it answers;
   *     else null
   * @param onTheLoop whether the app promised the callback never blocks: an HTTP call then runs it
   *     on the door's event loop, with no deadline ({@code CallbackOptions.nonBlocking})
   * @param loopVirtualThreads whether an HTTP call runs on a virtual thread carried by the door's
   *     loop where the JVM allows it ({@link LoopCarrier}), else on {@code userCode}
   */
  public CallbackVerticle(
      String outputKey,
      CallbackInvoker invoker,
      Context door,
      UserCodePool userCode,
      ExecutorService socketCode,
      long timeoutMillis,
      Supplier<Future<?>> afterRun,
      boolean overSocket,
      boolean onTheLoop,
      boolean loopVirtualThreads,
      SocketCalls socketCalls) {
    this.door = door;
    this.turnEnd = task -> door.runOnContext(v -> task.run());
    this.loopCarrier =
        loopVirtualThreads && !onTheLoop ? LoopCarrier.on(turnEnd, invoker.callbackName()) : null;
    this.onTheLoop = onTheLoop;
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
    deadlines = CallDeadlines.acquire(vertx, TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
    remoteCalls = RemoteCalls.of(vertx);
    Promise<Void> registered = Promise.promise();
    door.runOnContext(
        v -> {
          consumer = vertx.eventBus().<Object>consumer(address, this::dispatch);
          consumer.completion().onComplete(registered);
        });
    return registered.future();
  }

  private void dispatch(Message<Object> message) {
    Call call;
    if (message.body() instanceof UpdateRequest request) {
      String refused = refusedQuery(request);
      if (refused != null) {
        message.reply(CallbackReply.error(400, refused));
        return;
      }
      call = new Call(message, request, null, System.nanoTime() + timeoutNanos);
    } else {
      call = socketCall(message);
      if (call == null) {
        return;
      }
    }
    if (call.socket == null && onTheLoop) {
      run(call); // no hop, and no deadline: nothing could stop it on this thread anyway
      return;
    }
    if (call.socket == null) {
      deadlines.add(call);
    }
    try {
      if (call.socket == null) {
        var task = new FutureTask<Void>(() -> run(call), null);
        call.task = task;
        if (loopCarrier == null || !loopCarrier.start(task)) {
          userCode.executeAtTurnEnd(task, turnEnd);
        }
      } else {
        call.task = socketCode.submit(() -> run(call));
      }
    } catch (RejectedExecutionException shuttingDown) {
      deadlines.remove(call);
      call.answer(CallbackReply.error(503, "Server is shutting down"));
    }
  }

  /**
   * Why a request's query is refused, or null: a background poll ({@code cacheKey}, {@code job})
   * for a callback that is not background, or a malformed one. Other callbacks get {@code
   * cancelJob} args too (the renderer adds them to any callback sharing a cancel input), which only
   * the cancel callbacks read.
   */
  private static String refusedQuery(UpdateRequest request) {
    String path = request.caller().path();
    int query = path.indexOf('?');
    if (query < 0) {
      return null;
    }
    try {
      return BackgroundQuery.parse(path.substring(query + 1)).isPoll()
          ? "Not a background callback"
          : null;
    } catch (MalformedRequest e) {
      return e.getMessage();
    }
  }

  /**
   * A request from the socket door, or null when it was answered at once (not a socket callback,
   * refused by the door's limits, malformed).
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
      request =
          UpdateRequest.of(PlainJson.map(json))
              .from(
                  new HeaderCaller(
                      message.headers(), "", message.headers().get(SocketDoor.REMOTE_HEADER)));
    } catch (MalformedRequest e) {
      message.reply(CallbackReply.error(400, e.getMessage()).toSocketJson());
      return null;
    }
    // A socket call has no deadline, so nothing else would end it if this node died: a door on
    // another node learns at once where it runs, not after a sweep as for a long HTTP call.
    remoteCalls.taken(message.headers());
    var socket = socketCalls.open(rendererId, door);
    var call = new Call(message, request, socket, System.nanoTime() + timeoutNanos);
    call.ended = socket.whileRunning(() -> stop(call));
    return call.answered.get() ? null : call; // the page went already: answered 204 by stop
  }

  /**
   * The page went away: the call is interrupted and nothing of it reaches the page. The bridge
   * still gets a 204, so it can forget the request at once rather than when its reply timeout
   * fires.
   */
  private void stop(Call call) {
    if (call.answered.compareAndSet(false, true)) {
      call.message.reply(CallbackReply.noContent().toSocketJson());
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
      // The invoker answers every failure of user code itself; this is a bug of ours, still
      // answered at once.
      LOG.log(Level.SEVERE, "callback " + address + " failed unexpectedly", unexpected);
      reply = CallbackReply.error(500, ErrorPages.INTERNAL_ERROR);
    } finally {
      if (call.socket == null) {
        deadlines.remove(call);
      } else {
        call.ended.run();
      }
    }
    if (afterRun == null) {
      call.answer(reply);
    } else {
      CallbackReply answer = reply;
      door.runOnContext(v -> afterRun.get().onComplete(done -> call.answer(answer)));
    }
  }

  private CallbackReply timedOut() {
    return CallbackReply.error(
        504, "Callback timed out after " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
  }

  @Override
  public Future<?> stop() {
    deadlines.release();
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
