package io.dash4j.runtime.socket;

import io.dash4j.DashConfig;
import io.dash4j.model.AppModel;
import io.dash4j.runtime.topics.Broadcasts;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The door's side of broadcasts: the path each page last named ({@value SocketDoor#PATH_HEADER})
 * and the topics that path subscribes it to. A page never names a topic: the door resolves its path
 * against the app's declarations ({@link AppModel#topicsAt}).
 */
final class PageTopics {
  private static final int MAX_PATH_LENGTH = 2048;

  private final Broadcasts broadcasts;
  private final AppModel model;
  private final String prefix;
  // renderer id -> the path its page last named: a path frame may overtake its registration's end
  private final Map<String, String> paths = new ConcurrentHashMap<>();

  PageTopics(Broadcasts broadcasts, AppModel model, DashConfig config) {
    this.broadcasts = broadcasts;
    this.model = model;
    this.prefix = config.requestsPathnamePrefix();
  }

  /**
   * Lets pages say they moved ({@value SocketDoor#PATH_ADDRESS}); the door handles those frames,
   * and a no-op consumer takes them so the bridge finds a handler.
   */
  void permit(SockJSBridgeOptions bridge, Vertx vertx) {
    bridge.addInboundPermitted(new PermittedOptions().setAddress(SocketDoor.PATH_ADDRESS));
    vertx.eventBus().localConsumer(SocketDoor.PATH_ADDRESS, message -> {});
  }

  /** Notes the path a page's frame names, if it names one of a sane length. */
  void notePath(String rendererId, JsonObject frame) {
    JsonObject headers = frame.getJsonObject("headers");
    if (headers != null
        && headers.getValue(SocketDoor.PATH_HEADER) instanceof String path
        && path.length() <= MAX_PATH_LENGTH) {
      paths.put(rendererId, path);
    }
  }

  /**
   * Subscribes a page to the topics of the path it last named: those of every page, and those of
   * the app's page at that path. It gets their latest values first, through its outbox.
   */
  void subscribe(String rendererId, Outbox outbox) {
    String address = SocketDoor.RENDERER_ADDRESS + rendererId;
    broadcasts.subscribe(
        rendererId,
        model.topicsAt(paths.get(rendererId), prefix),
        body -> outbox.push(address, SocketDoor.rec(address, body)));
  }

  void unsubscribe(String rendererId) {
    paths.remove(rendererId);
    broadcasts.unsubscribe(rendererId);
  }
}
