package io.dash4j.runtime.exec;

import io.dash4j.model.AppModel;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Executor;

/**
 * Stream stops across a cluster: a page's run of a stream may live on another node than the call
 * that stops it (its cancel input, or the stream triggered again), as any node with callbacks may
 * serve either. Each stop is published on {@value #ADDRESS}; every node with callbacks stops its
 * run of that stream for that page, unless it is the run the stop was made for, off the event loop
 * (a run that ignores its interrupt holds its stopper up to a second). Outside a cluster the
 * process's own table suffices, and nothing is published.
 */
public final class StreamStopRelay {
  /** Where stops travel, cluster-wide. */
  static final String ADDRESS = "dash4j.stream.stop";

  private StreamStopRelay() {}

  /**
   * Relays this node's stream stops to the others and applies theirs here, on {@code userCode}
   * threads.
   */
  public static Future<Void> start(Vertx vertx, AppModel model, Executor userCode) {
    if (!vertx.isClustered()) {
      return Future.succeededFuture();
    }
    model.streamStops(
        (stream, page, keepRun) ->
            vertx
                .eventBus()
                .publish(
                    ADDRESS,
                    new JsonObject().put("stream", stream).put("page", page).put("keep", keepRun)));
    return vertx
        .eventBus()
        .<JsonObject>consumer(
            ADDRESS,
            stop -> {
              JsonObject body = stop.body();
              userCode.execute(
                  () ->
                      model.stopStream(
                          body.getString("stream"),
                          body.getString("page"),
                          body.getString("keep")));
            })
        .completion();
  }
}
