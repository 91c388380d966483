package io.dash4j.runtime.socket;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages this process's socket calls talk to, one {@link PageLink} each, so that a page going
 * away stops its running calls and shuts every handle to it: the door that held the page's socket
 * publishes {@value SocketDoor#PAGE_CLOSED} on the event bus, which reaches the node that runs the
 * call wherever it is in the cluster.
 *
 * <p>A page has one entry from its first socket call until it goes, whatever number of calls it
 * makes. (A call still travelling when its page's close is published opens an entry that no close
 * will remove; such a race costs one small entry.)
 */
public final class SocketCalls {
  private final Map<String, PageLink> pages = new ConcurrentHashMap<>();
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

  /**
   * A handle to the page {@code rendererId} for a call, or a hook, of this process.
   *
   * @param context where the handle's messages leave from
   */
  public SocketCall open(String rendererId, Context context) {
    return new SocketCall(
        pages.computeIfAbsent(rendererId, PageLink::new), context, context.owner().eventBus());
  }

  private void pageClosed(String rendererId) {
    var page = pages.remove(rendererId);
    if (page != null) {
      page.markGone();
    }
  }
}
