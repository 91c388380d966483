package io.dash4j.runtime.socket;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The socket calls running in this verticle instance, by page, so that a page going away stops its
 * calls: the door that held the page's socket publishes {@value SocketDoor#PAGE_CLOSED} on the
 * event bus, which reaches the node that runs the call wherever it is in the cluster.
 */
public final class SocketCalls {
  private final Map<String, Set<SocketCall>> byRenderer = new ConcurrentHashMap<>();
  private MessageConsumer<String> closures;

  /** Starts listening for pages that go away. */
  public Future<Void> start(Vertx vertx) {
    closures =
        vertx.eventBus().consumer(SocketDoor.PAGE_CLOSED, message -> pageClosed(message.body()));
    return closures.completion();
  }

  public Future<Void> stop() {
    return closures == null ? Future.succeededFuture() : closures.unregister();
  }

  public void add(SocketCall call) {
    byRenderer.computeIfAbsent(call.rendererId(), id -> ConcurrentHashMap.newKeySet()).add(call);
  }

  public void remove(SocketCall call) {
    byRenderer.computeIfPresent(
        call.rendererId(),
        (id, calls) -> {
          calls.remove(call);
          return calls.isEmpty() ? null : calls;
        });
  }

  private void pageClosed(String rendererId) {
    var calls = byRenderer.remove(rendererId);
    if (calls != null) {
      calls.forEach(SocketCall::shutdown);
    }
  }
}
