package io.dash4j.bench;

import io.dash4j.DashConfig;
import io.dash4j.runtime.launch.DashServer;
import io.netty.util.internal.PlatformDependent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A server under benchmark, in its own process so the harness can pin it to one core. Prints {@code
 * READY <port>} once it listens.
 *
 * <ul>
 *   <li>{@code bare}: the baseline, a Vert.x route that parses the JSON body, makes an event-bus
 *       request to a consumer that answers a JSON object, and writes that reply: the least any
 *       event-bus server does.
 *   <li>{@code bare-worker}: the same, with the reply made on a Vert.x worker thread ({@code
 *       executeBlocking}): the least a Vert.x server whose handlers may block does.
 *   <li>{@code dash4j}: a dash4j app with one trivial callback, reached through {@code
 *       _dash-update-component}: on JDK 24+ (the harness opens {@code java.lang}) its calls run on
 *       virtual threads carried by the event loop, else on the worker pool.
 *   <li>{@code dash4j-pool}: the same app with {@code loopVirtualThreads} off, its calls on the
 *       worker pool on any JDK.
 *   <li>{@code dash4j-nonblocking}: the same app with its callback declared {@code nonBlocking}, so
 *       it runs on the event loop.
 *   <li>{@code bare-socket}: the socket baseline, Vert.x's SockJS event-bus bridge at {@code
 *       /_dash-ws} with an echo consumer at the callback's address and no event handler: the least
 *       a SockJS bridge server does.
 *   <li>{@code dash4j-socket}: the same dash4j app with its callbacks over the socket door.
 *   <li>{@code bare-jobs}, {@code dash4j-jobs}, {@code dash4j-jobs-redis <url>}: see {@link
 *       JobsBench}.
 *   <li>{@code bare-push}, {@code dash4j-push}: see {@link PushServers}.
 * </ul>
 *
 * <p>A line {@code heap} on standard input answers {@code HEAP <bytes>}: the heap in use after full
 * collections, for the memory figures; {@code memory} answers {@code MEMORY <heap> <direct>}, with
 * the direct memory in use as well (Netty's pooled chunks included), where writes wait for a
 * socket. Other lines go to the mode's {@link #commands}, if it takes any.
 */
public final class BenchServer {
  private static volatile Consumer<String> commands =
      line -> {
        throw new IllegalArgumentException("this mode takes no command: " + line);
      };

  private BenchServer() {}

  /** Where the lines of standard input that are not memory queries go. */
  static void commands(Consumer<String> handler) {
    commands = handler;
  }

  /** {@code BenchServer bare|dash4j}. */
  public static void main(String[] args) {
    int port =
        switch (args[0]) {
          case "bare" -> bare(false);
          case "bare-worker" -> bare(true);
          case "dash4j" -> dash4j(false, config -> {});
          case "dash4j-pool" -> dash4j(false, config -> config.loopVirtualThreads(false));
          case "dash4j-nonblocking" -> dash4j(true, config -> {});
          case "bare-socket" -> bareSocket();
          case "dash4j-socket" -> dash4j(false, config -> config.websocketCallbacks(true));
          case "bare-jobs" -> JobsBench.bareServer();
          case "dash4j-jobs" -> JobsBench.dash4jServer(null);
          case "dash4j-jobs-redis" -> JobsBench.dash4jServer(args[1]);
          case "bare-push" -> PushServers.bare();
          case "dash4j-push" -> PushServers.dash4j();
          default ->
              throw new IllegalArgumentException(
                  "mode: bare | bare-worker | dash4j | dash4j-pool | dash4j-nonblocking | bare-socket | dash4j-socket | bare-jobs | dash4j-jobs"
                      + " | dash4j-jobs-redis <url> | bare-push | dash4j-push");
        };
    System.out.println("READY " + port);
    answerHeapQueries();
  }

  private static void answerHeapQueries() {
    var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.equals("heap")) {
          System.out.println("HEAP " + usedHeapAfterGc());
        } else if (line.equals("memory")) {
          long heap = usedHeapAfterGc();
          System.out.println("MEMORY " + heap + " " + usedDirectMemory());
        } else if (!line.isBlank()) {
          try {
            commands.accept(line);
          } catch (RuntimeException e) {
            e.printStackTrace(System.out);
          }
        }
      }
    } catch (IOException e) {
      System.exit(1);
    }
  }

  private static long usedHeapAfterGc() {
    var runtime = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /**
   * Direct buffers in use: the JDK's (Netty's chunks when it allocates them with cleaners) and
   * those Netty allocates without one; either may be empty.
   */
  private static long usedDirectMemory() {
    long jdk =
        ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
            .filter(pool -> pool.getName().equals("direct"))
            .mapToLong(BufferPoolMXBean::getMemoryUsed)
            .sum();
    return jdk + Math.max(0, PlatformDependent.usedDirectMemory());
  }

  /** Serves {@code router} on a free port of the loopback; returns the port. */
  static int listen(Vertx vertx, Router router) {
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(0, "127.0.0.1")
        .await()
        .actualPort();
  }

  private static int bareSocket() {
    var vertx = Vertx.vertx();
    vertx
        .eventBus()
        .<JsonObject>consumer(
            "dash4j.callback.out.children",
            message -> {
              String value =
                  message.body().getJsonArray("inputs").getJsonObject(0).getString("value");
              message.reply(
                  new JsonObject()
                      .put("status", 200)
                      .put(
                          "body",
                          new JsonObject()
                              .put("multi", true)
                              .put(
                                  "response",
                                  new JsonObject()
                                      .put(
                                          "out",
                                          new JsonObject().put("children", "echo " + value)))));
            });
    var router = Router.router(vertx);
    var bridge =
        new SockJSBridgeOptions()
            .addInboundPermitted(new PermittedOptions().setAddressRegex("dash4j\\.callback\\..+"))
            .addOutboundPermitted(new PermittedOptions().setAddressRegex("dash4j\\.renderer\\..+"));
    router.route("/_dash-ws/*").subRouter(SockJSHandler.create(vertx).bridge(bridge));
    return listen(vertx, router);
  }

  /**
   * The baseline route; with {@code offTheLoop}, its consumer builds the reply on a Vert.x worker
   * thread ({@code executeBlocking}), as a Vert.x app whose handler may block does.
   */
  private static int bare(boolean offTheLoop) {
    var vertx = Vertx.vertx();
    vertx
        .eventBus()
        .<JsonObject>consumer(
            "bench.echo",
            message -> {
              if (offTheLoop) {
                vertx.executeBlocking(() -> echo(message.body())).onSuccess(message::reply);
              } else {
                message.reply(echo(message.body()));
              }
            });
    var router = Router.router(vertx);
    router
        .post("/_dash-update-component")
        .handler(BodyHandler.create(false))
        .handler(
            ctx ->
                vertx
                    .eventBus()
                    .<JsonObject>request("bench.echo", ctx.body().asJsonObject())
                    .onSuccess(
                        reply ->
                            ctx.response()
                                .putHeader("Content-Type", "application/json")
                                .end(reply.body().toBuffer())));
    return listen(vertx, router);
  }

  private static JsonObject echo(JsonObject request) {
    String value = request.getJsonArray("inputs").getJsonObject(0).getString("value");
    return new JsonObject()
        .put("multi", true)
        .put(
            "response",
            new JsonObject().put("out", new JsonObject().put("children", "echo " + value)));
  }

  /**
   * The bench app on a free loopback port, its callback {@code nonBlocking} or not, with {@code
   * settings} beyond those.
   */
  private static int dash4j(boolean nonBlocking, Consumer<DashConfig> settings) {
    var app = BenchApp.create(nonBlocking);
    settings.accept(app.config().port(0).host("127.0.0.1"));
    return DashServer.start(app).port();
  }
}
