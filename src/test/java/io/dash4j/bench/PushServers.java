package io.dash4j.bench;

import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.broadcast.Topic;
import io.dash4j.runtime.launch.DashServer;
import io.dash4j.websocket.PageGone;
import io.dash4j.websocket.Websocket;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The two servers of {@link PushBench}, each driven by the same ticker (app code on a scheduled
 * thread, as a user would write it) through {@link #command} lines on standard input:
 *
 * <ul>
 *   <li>{@code fanout <n>}: every page gets {@code n} updates a second, each its own push ({@code
 *       0} stops);
 *   <li>{@code broadcast <n>}: {@code n} broadcasts a second, one publish each, to every page;
 *   <li>{@code flood <renderer id> <n> <bytes>}: {@code n} updates a second of {@code bytes} each
 *       to one page, under {@value #FLOOD_KEYS} distinct components, so coalescing alone cannot
 *       keep what waits small.
 * </ul>
 *
 * <p>Every update is {@code set_props} of one prop {@code children}, whose value is the time it was
 * made, in microseconds since the epoch ({@link #nowMicros()}: both ends run on this machine and
 * read the same wall clock).
 */
final class PushServers {
  /** Updates of fan-out set {@code fan.children}, broadcasts {@code all.children}. */
  static final String FAN = "fan";

  static final String ALL = "all";

  /** The address every page of the bare bridge registers for broadcasts. */
  static final String BARE_BROADCAST = "bench.all";

  static final int FLOOD_KEYS = 4096;

  private PushServers() {}

  /** The wall clock in microseconds. */
  static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /** Where the ticker's updates go: one server's way of pushing. */
  interface Sink {
    /** The renderer ids of the pages connected now. */
    Set<String> pages();

    /** One update to one page; false when the page is gone. */
    boolean push(String rendererId, String componentId, Object value);

    /** One update to every page. */
    void broadcast(String componentId, Object value);
  }

  /** The ticker and the commands it takes. */
  static final class Ticker {
    private final Sink sink;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private ScheduledFuture<?> fanOut;
    private ScheduledFuture<?> broadcast;
    private ScheduledFuture<?> flood;
    private long flooded;

    Ticker(Sink sink) {
      this.sink = sink;
    }

    /** One line from the harness. */
    synchronized void command(String line) {
      String[] words = line.trim().split(" ");
      switch (words[0]) {
        case "fanout" -> fanOut = restart(fanOut, Integer.parseInt(words[1]), this::fanOutOnce);
        case "broadcast" ->
            broadcast =
                restart(
                    broadcast, Integer.parseInt(words[1]), () -> sink.broadcast(ALL, nowMicros()));
        case "flood" -> {
          String page = words[1];
          int rate = Integer.parseInt(words[2]);
          // 100 ticks a second, each a hundredth of the rate
          int perTick = Math.max(1, rate / 100);
          String filler = "x".repeat(Integer.parseInt(words[3]));
          flood =
              restart(
                  flood,
                  rate > 0 ? 100 : 0,
                  () -> {
                    for (int i = 0; i < perTick; i++) {
                      sink.push(page, "c" + (flooded++ % FLOOD_KEYS), filler + nowMicros());
                    }
                  });
        }
        default -> throw new IllegalArgumentException("unknown command: " + line);
      }
    }

    private void fanOutOnce() {
      // one pass over the pages, each update stamped as it is made
      for (String page : sink.pages()) {
        sink.push(page, FAN, nowMicros());
      }
    }

    private ScheduledFuture<?> restart(ScheduledFuture<?> running, int perSecond, Runnable tick) {
      if (running != null) {
        running.cancel(false);
      }
      if (perSecond <= 0) {
        return null;
      }
      long period = 1_000_000L / perSecond;
      return timer.scheduleAtFixedRate(
          () -> {
            try {
              tick.run();
            } catch (RuntimeException e) {
              e.printStackTrace(System.out);
            }
          },
          period,
          period,
          TimeUnit.MICROSECONDS);
    }
  }

  /** A {@code set_props} of one prop, as the worker applies it. */
  static String setProps(String componentId, Object value) {
    return new JsonObject()
        .put("type", "set_props")
        .put(
            "payload",
            new JsonObject()
                .put("componentId", componentId)
                .put("props", new JsonObject().put("children", value)))
        .encode();
  }

  /**
   * The baseline: Vert.x's SockJS event-bus bridge at {@code /_dash-ws}, with the least event
   * handler that knows its pages (by the renderer address they register, confirmed as dash4j's door
   * does); a push is an event-bus send to the page's address, a broadcast one publish to {@value
   * #BARE_BROADCAST}, which every page registers.
   */
  static int bare() {
    var vertx = Vertx.vertx();
    var pages = ConcurrentHashMap.<String>newKeySet();
    var bySocket = new ConcurrentHashMap<SockJSSocket, String>();
    var bridge =
        new SockJSBridgeOptions()
            .addOutboundPermitted(new PermittedOptions().setAddressRegex("dash4j\\.renderer\\..+"))
            .addOutboundPermitted(new PermittedOptions().setAddress(BARE_BROADCAST));
    var router = Router.router(vertx);
    router
        .route("/_dash-ws/*")
        .subRouter(
            SockJSHandler.create(vertx)
                .bridge(
                    bridge,
                    event -> {
                      String address =
                          event.getRawMessage() == null
                              ? null
                              : event.getRawMessage().getString("address");
                      if (event.type() == BridgeEventType.REGISTERED
                          && address != null
                          && address.startsWith("dash4j.renderer.")) {
                        String id = address.substring("dash4j.renderer.".length());
                        bySocket.put(event.socket(), id);
                        pages.add(id);
                        vertx.eventBus().send(address, "{\"type\":\"registered\"}");
                      } else if (event.type() == BridgeEventType.SOCKET_CLOSED) {
                        String id = bySocket.remove(event.socket());
                        if (id != null) {
                          pages.remove(id);
                        }
                      }
                      event.complete(true);
                    }));
    var bus = vertx.eventBus();
    var ticker =
        new Ticker(
            new Sink() {
              @Override
              public Set<String> pages() {
                return pages;
              }

              @Override
              public boolean push(String rendererId, String componentId, Object value) {
                bus.send("dash4j.renderer." + rendererId, setProps(componentId, value));
                return true;
              }

              @Override
              public void broadcast(String componentId, Object value) {
                bus.publish(BARE_BROADCAST, setProps(componentId, value));
              }
            });
    BenchServer.commands(ticker::command);
    return BenchServer.listen(vertx, router);
  }

  /**
   * dash4j as a user would write it: the pages' handles kept from {@code onPageJoin} until {@code
   * onPageLeave}, a push is {@code page.setProp}, and a broadcast one {@code topic.publish} to a
   * topic every page is subscribed to.
   */
  static int dash4j() {
    var app = Dash.create(config -> config.port(0).host("127.0.0.1"));
    app.layout(div(div().id(FAN), div().id(ALL)));
    Map<String, Websocket> pages = new ConcurrentHashMap<>();
    app.onPageJoin(page -> pages.put(page.rendererId(), page));
    app.onPageLeave(page -> pages.remove(page.rendererId()));
    Topic all = app.topic("bench");
    app.subscribe(all);
    var ticker =
        new Ticker(
            new Sink() {
              @Override
              public Set<String> pages() {
                return pages.keySet();
              }

              @Override
              public boolean push(String rendererId, String componentId, Object value) {
                var page = pages.get(rendererId);
                try {
                  if (page != null) {
                    page.setProp(componentId, "children", value);
                    return true;
                  }
                } catch (PageGone e) {
                  pages.remove(rendererId);
                }
                return false;
              }

              @Override
              public void broadcast(String componentId, Object value) {
                all.publish(componentId, "children", value);
              }
            });
    BenchServer.commands(ticker::command);
    return DashServer.start(app).port();
  }
}
