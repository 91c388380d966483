package io.dash4j.runtime.socket;

import io.dash4j.protocol.AppendProps;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What the door writes to one socket, with a bound on what waits for a page that does not read.
 * Answers and {@code get_props} requests are always written; there are at most as many as the
 * socket's running calls ({@link CallSlots}). Pushes ({@code set_props}, {@code set_props_batch})
 * are written while the page keeps up; once more than {@code websocketMaxQueuedBytes} sent to the
 * socket are unwritten (or its SockJS queue is full) they are <em>coalesced</em> instead: one value
 * per page, component and prop, the latest, until the page reads again and gets them as one {@code
 * set_props_batch} per page; appends ({@code extendData}) are merged, not replaced ({@link
 * Appends}). So a page that falls behind still ends on the latest values, and what waits for it is
 * bounded by its distinct props and that bound, whatever the push rate; beyond the bound the oldest
 * props are dropped. Pushes waiting go out before any later answer, so a callback's updates still
 * reach the page before its result.
 *
 * <p>Everything here runs on the socket's event loop (the bridge's events and the writes'
 * completions), under this object's monitor for safety; nothing waits.
 */
final class Outbox {
  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

  private final SockJSSocket socket;
  // unread bytes after which pushes are coalesced, and the bound on what is coalesced
  private final long limit;
  private long unwritten;
  // page address + NUL + component id + NUL + prop -> the latest value not yet written
  private final Map<String, Waiting> waiting = new LinkedHashMap<>();
  private long waitingBytes;
  private long dropped;

  /** One prop's latest value for one page, and its encoded size. */
  private record Waiting(String address, String componentId, String prop, Object value, int size) {}

  Outbox(SockJSSocket socket, long limit) {
    this.socket = socket;
    this.limit = limit;
    // a write completes when it is queued, not read: the queue draining is when the page reads
    // again
    socket.drainHandler(v -> drained());
  }

  /**
   * Writes {@code frame} after the pushes waiting; the future completes once it left for the
   * network (or the socket closed).
   */
  synchronized Future<Void> write(Buffer frame) {
    flushWaiting();
    return send(frame);
  }

  /**
   * A push to the page at {@code address}: written now, or coalesced while the page is behind. A
   * frame that is not a push (the answer to a refused request) is dropped while the page is behind.
   */
  synchronized void push(String address, JsonObject envelope) {
    if (waiting.isEmpty() && !behind()) {
      send(envelope.toBuffer());
      return;
    }
    var updates = updatesOf(envelope.getValue("body"));
    if (updates == null) {
      countDropped();
      return;
    }
    for (var update : updates) {
      if (update instanceof JsonObject set
          && set.getValue("componentId") instanceof String componentId
          && set.getValue("props") instanceof JsonObject props) {
        props.forEach(prop -> keep(address, componentId, prop.getKey(), prop.getValue()));
      }
    }
    while (waitingBytes > limit && waiting.size() > 1) {
      Iterator<Waiting> oldest = waiting.values().iterator();
      waitingBytes -= oldest.next().size();
      oldest.remove();
      countDropped();
    }
    drained(); // caught up meanwhile: what waits goes now
  }

  private void keep(String address, String componentId, String prop, Object value) {
    String key = address + '\0' + componentId + '\0' + prop;
    var earlier = waiting.get(key);
    int size = JsonObject.of("v", value).encode().length();
    if (earlier != null && AppendProps.appends(prop)) {
      Object merged = Appends.merge(prop, earlier.value(), value);
      if (merged == null) {
        countDropped(); // appends that do not line up: the later replaces the earlier
      } else {
        value = merged;
        // the points of both, counted without encoding the merged whole again (at most: maxPoints
        // may have cut some)
        size += earlier.size();
      }
    }
    var replaced = waiting.put(key, new Waiting(address, componentId, prop, value, size));
    waitingBytes += size - (replaced == null ? 0 : replaced.size());
  }

  /** The {@code set_props} payloads of a push body, or null when it is not a push. */
  private static List<Object> updatesOf(Object body) {
    JsonObject message;
    try {
      message = body instanceof String text ? new JsonObject(text) : (JsonObject) body;
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
    if (message == null) {
      return null;
    }
    return switch (String.valueOf(message.getValue("type"))) {
      case "set_props" -> List.of(message.getValue("payload"));
      case "set_props_batch" ->
          // the array's own iteration hands out JSON objects; its backing list holds maps
          message.getValue("payload") instanceof JsonArray batch ? batch.stream().toList() : null;
      default -> null;
    };
  }

  /** Writes what waits, one {@code set_props_batch} per page, in the order first kept. */
  private void flushWaiting() {
    if (waiting.isEmpty()) {
      return;
    }
    var byPage = new LinkedHashMap<String, LinkedHashMap<String, JsonObject>>();
    for (var kept : waiting.values()) {
      byPage
          .computeIfAbsent(kept.address(), a -> new LinkedHashMap<>())
          .computeIfAbsent(kept.componentId(), c -> new JsonObject())
          .put(kept.prop(), kept.value());
    }
    waiting.clear();
    waitingBytes = 0;
    byPage.forEach(
        (address, components) -> {
          var payload = new ArrayList<JsonObject>();
          components.forEach(
              (componentId, props) ->
                  payload.add(
                      new JsonObject().put("componentId", componentId).put("props", props)));
          String body =
              new JsonObject().put("type", "set_props_batch").put("payload", payload).encode();
          send(
              new JsonObject()
                  .put("type", "rec")
                  .put("address", address)
                  .put("body", body)
                  .toBuffer());
        });
  }

  private Future<Void> send(Buffer frame) {
    long size = frame.length();
    unwritten += size;
    return socket
        .write(frame)
        .andThen(
            done -> {
              synchronized (this) {
                unwritten -= size;
              }
              drained();
            });
  }

  /** The page reads again: it gets the latest values. */
  private synchronized void drained() {
    if (!waiting.isEmpty() && !behind()) {
      flushWaiting();
    }
  }

  private boolean behind() {
    return unwritten >= limit || socket.writeQueueFull();
  }

  private void countDropped() {
    if (dropped++ == 0) {
      LOG.fine(
          () ->
              "a page on "
                  + socket.remoteAddress()
                  + " does not read; pushes to it are coalesced, the oldest dropped");
    }
  }
}
