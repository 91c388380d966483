package io.dash4j.runtime.jobs;

import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.MalformedRequest;
import io.dash4j.protocol.UpdateRequest;
import io.dash4j.runtime.wire.CallbackReply;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;

/**
 * A callback of the jobs room served at the HTTP door: its consumer lives at {@code
 * dash4j.callback.<output key>} on the door's context (as a callback verticle's does), and every
 * refusal is answered the same way: a malformed query 400, a refused handle its 4xx, a store that
 * cannot be reached 503. Over the socket there is nothing to serve: the renderer never calls these
 * there.
 */
abstract class JobDoorVerticle extends VerticleBase {
  static final String STORE_AWAY = "Background jobs unavailable: the job store cannot be reached";

  private final String outputKey;
  private final Context door;
  private MessageConsumer<Object> consumer;

  JobDoorVerticle(String outputKey, Context door) {
    this.outputKey = outputKey;
    this.door = door;
  }

  /** Answers one request; may throw {@link MalformedRequest} or {@link HandleRefused}. */
  abstract Future<CallbackReply> handle(UpdateRequest request);

  @Override
  public final Future<?> start() {
    Promise<Void> registered = Promise.promise();
    door.runOnContext(
        v -> {
          consumer = vertx.eventBus().consumer(CallbackKeys.address(outputKey), this::dispatch);
          consumer.completion().onComplete(registered);
        });
    return registered.future();
  }

  @Override
  public final Future<?> stop() {
    return consumer == null ? Future.succeededFuture() : consumer.unregister();
  }

  private void dispatch(Message<Object> message) {
    if (!(message.body() instanceof UpdateRequest request)) {
      message.reply(CallbackReply.error(400, "Not a websocket callback").toSocketJson());
      return;
    }
    Future<CallbackReply> reply;
    try {
      reply = handle(request);
    } catch (MalformedRequest e) {
      reply = Future.succeededFuture(CallbackReply.error(400, e.getMessage()));
    } catch (HandleRefused e) {
      reply = Future.succeededFuture(CallbackReply.error(e.status(), e.getMessage()));
    }
    reply
        .recover(failed -> Future.succeededFuture(CallbackReply.error(503, STORE_AWAY)))
        .onSuccess(message::reply);
  }

  /** The raw query of a request's path, or null. */
  static String rawQuery(String path) {
    int q = path.indexOf('?');
    return q < 0 ? null : path.substring(q + 1);
  }

  /** The page id of the request's page token. */
  static String pageId(Handles handles, UpdateRequest request) {
    var tokens = request.caller().headers(BackgroundVerticle.PAGE_HEADER);
    return handles.pageId(tokens.isEmpty() ? null : tokens.get(0));
  }
}
