package io.dash4j.server;

import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.UpdateRequest;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves one callback on the event bus at {@code dash4j.callback.<output key>}: every door (HTTP, the socket
 * bridge, another node, another language) reaches the callback by a request to that address. The message arrives on
 * this verticle's event loop and the user code runs on a {@link UserCodeExecutor} thread: one hop off the loop.
 */
final class CallbackVerticle extends VerticleBase {
  private static final Logger LOG = Logger.getLogger(CallbackVerticle.class.getName());
  private final String address;
  private final CallbackInvoker invoker;
  private final ExecutorService userCode;
  private final long timeoutMillis;
  private MessageConsumer<UpdateRequest> consumer;

  CallbackVerticle(String outputKey, CallbackInvoker invoker, ExecutorService userCode, long timeoutMillis) {
    this.address = CallbackKeys.address(outputKey);
    this.invoker = invoker;
    this.userCode = userCode;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public Future<?> start() {
    consumer = vertx.eventBus().consumer(address, this::dispatch);
    return consumer.completion();
  }

  private void dispatch(Message<UpdateRequest> message) {
    var answered = new AtomicBoolean();
    java.util.concurrent.Future<?> task;
    long[] timer = {-1};
    try {
      task = userCode.submit(() -> {
        CallbackReply reply;
        try {
          reply = invoker.invoke(message.body());
        } catch (RuntimeException | Error unexpected) {
          // The invoker answers every failure of user code itself; this is a bug of ours, still answered at once.
          LOG.log(Level.SEVERE, "callback " + address + " failed unexpectedly", unexpected);
          reply = CallbackReply.error(500, ErrorPages.INTERNAL_ERROR);
        }
        if (answered.compareAndSet(false, true)) {
          vertx.cancelTimer(timer[0]);
          message.reply(reply);
        }
      });
    } catch (RejectedExecutionException shuttingDown) {
      message.reply(CallbackReply.error(503, "Server is shutting down"));
      return;
    }
    timer[0] = vertx.setTimer(timeoutMillis, id -> {
      if (answered.compareAndSet(false, true)) {
        task.cancel(true);
        message.reply(CallbackReply.error(504, "Callback timed out after " + timeoutMillis + " ms"));
      }
    });
    if (answered.get()) {
      // the task finished before the timer existed
      vertx.cancelTimer(timer[0]);
    }
  }

  @Override
  public Future<?> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }
}
