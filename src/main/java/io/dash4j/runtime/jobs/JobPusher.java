package io.dash4j.runtime.jobs;

import io.dash4j.DashConfig;
import io.dash4j.protocol.JsonWriter;
import io.dash4j.runtime.jobs.JobStore.Push;
import io.dash4j.runtime.socket.SocketDoor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes a job's progress, {@code setProps} updates and value to its page through the socket door,
 * as they happen (design §3.10). On every door process: when the store says a job has something new
 * for a renderer id whose socket this process holds, it marks a push in the store, sends one {@code
 * set_props_batch} to the page and waits for the page's acknowledgement; acknowledged, the store
 * counts it delivered; not (the page went away, the socket dropped, the ack timed out), the job
 * becomes poll-only and the next poll delivers all of it. Polls deliver nothing of a job while its
 * push is on the way, so nothing reaches the page twice unless an acknowledgement is lost after the
 * page applied the push.
 *
 * <p>Each job has at most one push in flight; news arriving meanwhile is pushed once it settled.
 * All state lives on the door's context.
 */
final class JobPusher {
  private static final Logger LOG = Logger.getLogger(JobPusher.class.getName());

  private final Vertx vertx;
  private final Context door;
  private final JobStore store;
  private final long ackTimeoutMillis;
  private final Map<String, JobAnswers> callbacks;
  // job id -> whether news came while its push was in flight; on the door's context only
  private final Map<String, Boolean> inFlight = new HashMap<>();

  /**
   * @param callbacks each background callback's answers (they shape its pushes), by output key
   */
  JobPusher(
      Vertx vertx,
      Context door,
      JobStore store,
      Map<String, JobAnswers> callbacks,
      DashConfig config) {
    this.vertx = vertx;
    this.door = door;
    this.store = store;
    this.callbacks = Map.copyOf(callbacks);
    this.ackTimeoutMillis = config.jobs().pushAckTimeout().toMillis();
  }

  /** Starts listening for the store's news. */
  void start() {
    store.onNotify(
        (jobId, rendererId) -> {
          if (SocketDoor.servesHere(vertx, rendererId)) {
            door.runOnContext(v -> push(jobId));
          }
        });
  }

  private void push(String jobId) {
    if (inFlight.containsKey(jobId)) {
      inFlight.put(jobId, true); // pushed once this one settles
      return;
    }
    inFlight.put(jobId, false);
    store
        .markPush(jobId, ackTimeoutMillis)
        .compose(push -> push == null ? Future.succeededFuture() : deliver(jobId, push))
        .onComplete(
            done -> {
              if (done.failed()) {
                LOG.log(Level.FINE, "push of job " + jobId + " failed", done.cause());
              }
              if (Boolean.TRUE.equals(inFlight.remove(jobId))) {
                push(jobId);
              }
            });
  }

  /** Sends one push and settles it in the store by the page's answer. */
  private Future<?> deliver(String jobId, Push push) {
    List<Map<String, Object>> payloads;
    try {
      payloads = payloads(push);
    } catch (RuntimeException e) {
      // a value that does not fit its outputs: the poll answers it as the error it is
      return store.abortPush(jobId, push.upTo());
    }
    if (payloads.isEmpty()) {
      return store.commitPush(jobId, push.upTo()); // a PreventUpdate: nothing to set
    }
    var message = new LinkedHashMap<String, Object>(4);
    message.put("type", "set_props_batch");
    message.put("payload", payloads);
    message.put("job", true);
    var options =
        new DeliveryOptions()
            .addHeader(SocketDoor.PAGE_HEADER, push.pageId())
            .setSendTimeout(ackTimeoutMillis);
    return vertx
        .eventBus()
        .request(SocketDoor.RENDERER_ADDRESS + push.target(), JsonWriter.toJson(message), options)
        .map(reply -> acknowledged(reply.body()))
        .otherwise(false)
        .compose(
            ok ->
                ok
                    ? store.commitPush(jobId, push.upTo()).<Void>mapEmpty()
                    : store.abortPush(jobId, push.upTo()));
  }

  private List<Map<String, Object>> payloads(Push push) {
    var answers = callbacks.get(push.callback());
    if (answers == null) {
      throw new IllegalStateException("not a background callback of this app");
    }
    return answers.pushed(push);
  }

  private static boolean acknowledged(Object body) {
    JsonObject answer =
        body instanceof JsonObject json
            ? json
            : body instanceof String text ? new JsonObject(text) : null;
    return answer != null && Boolean.TRUE.equals(answer.getValue("ok"));
  }
}
