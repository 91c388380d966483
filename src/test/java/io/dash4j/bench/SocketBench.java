package io.dash4j.bench;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The socket figures, each beside Vert.x's bare SockJS bridge in the same run: callback round trips
 * over the socket (as our worker makes them: SockJS's WebSocket transport, a {@code send} with a
 * reply address), and the heap an idle connected page costs the server (a SockJS session with its
 * renderer address registered, measured with {@value #PAGES} pages after full collections).
 */
final class SocketBench {
  private static final int PAGES = 1000;
  private static final int CONNECTIONS = 64;

  /** Alternating rounds of the two socket servers, each started afresh. */
  static final int ROUNDS = 3;

  private static final int WARMUP_SECONDS = 4;
  private static final int MEASURE_SECONDS = 8;
  private static final String BODY =
      """
      {"output":"out.children","outputs":{"id":"out","property":"children"},\
      "inputs":[{"id":"in","property":"children","value":"hello"}],"changedPropIds":["in.children"]}""";

  private SocketBench() {}

  /** One server's figures. */
  record Result(
      String mode,
      double perSecond,
      long p50Micros,
      long p99Micros,
      long errors,
      long idleBytesPerPage) {}

  static Result measure(String java, String mode) throws Exception {
    Process server = Benchmark.startServer(java, mode);
    try {
      var out = Benchmark.input(server);
      var in = Benchmark.output(server);
      int port = Benchmark.awaitReady(in, false);
      var vertx = Vertx.vertx();
      try {
        var client =
            vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(PAGES + 10));
        long before = heap(out, in);
        var pages = open(client, port, PAGES, mode.startsWith("dash4j"));
        long after = heap(out, in);
        for (var page : pages) {
          page.socket().close();
        }
        long idle = (after - before) / PAGES;
        var load = open(client, port, CONNECTIONS, mode.startsWith("dash4j"));
        run(vertx, load, WARMUP_SECONDS, null);
        long[] latencies = new long[4_000_000];
        var stats = run(vertx, load, MEASURE_SECONDS, latencies);
        var latency = Benchmark.Latency.of(latencies, stats[0].get());
        return new Result(
            mode,
            stats[0].get() / (double) MEASURE_SECONDS,
            latency.p50Micros(),
            latency.p99Micros(),
            stats[1].get(),
            idle);
      } finally {
        vertx.close().await();
      }
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  private static long heap(PrintStream out, BufferedReader in) throws IOException {
    out.println("heap");
    for (String line; (line = in.readLine()) != null; ) {
      if (line.startsWith("HEAP ")) {
        return Long.parseLong(line.substring(5).trim());
      }
    }
    throw new IllegalStateException("the bench server exited");
  }

  /** A page's socket: SockJS framing over a WebSocket, and where the next frame for it goes. */
  record Page(String rendererId, WebSocket socket, AtomicReference<Consumer<JsonObject>> onFrame) {
    void send(JsonObject frame) {
      socket.writeTextMessage(new JsonArray().add(frame.encode()).encode());
    }
  }

  /**
   * Opens {@code count} pages as our worker does: SockJS's WebSocket transport, then the page's
   * renderer address registered. Returns once every page is registered (dash4j confirms; the bare
   * bridge is given a moment).
   */
  private static List<Page> open(WebSocketClient client, int port, int count, boolean confirmed)
      throws Exception {
    var pages = new ArrayList<Page>();
    var registered = new CountDownLatch(count);
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      String session = UUID.randomUUID().toString().substring(0, 8);
      var options =
          new WebSocketConnectOptions()
              .setHost("127.0.0.1")
              .setPort(port)
              .setURI("/_dash-ws/000/" + session + "/websocket")
              .addHeader("Origin", "http://127.0.0.1:" + port);
      var socket =
          client
              .connect(options)
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      var onFrame =
          new AtomicReference<Consumer<JsonObject>>(
              frame -> {
                if (frame.getString("address", "").startsWith("dash4j.renderer.")) {
                  registered.countDown();
                }
              });
      socket.textMessageHandler(
          text -> {
            if (text.startsWith("a")) {
              for (Object item : new JsonArray(text.substring(1))) {
                onFrame.get().accept(new JsonObject((String) item));
              }
            }
          });
      var page = new Page(id, socket, onFrame);
      page.send(new JsonObject().put("type", "register").put("address", "dash4j.renderer." + id));
      pages.add(page);
    }
    if (confirmed) {
      if (!registered.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("pages were not registered");
      }
    } else {
      Thread.sleep(2000);
    }
    return pages;
  }

  /**
   * Each page sends its next callback request as soon as the last is answered; returns {done,
   * errors}.
   */
  private static AtomicLong[] run(Vertx vertx, List<Page> pages, int seconds, long[] latencies)
      throws Exception {
    var done = new AtomicLong();
    var errors = new AtomicLong();
    var running = new AtomicBoolean(true);
    JsonObject body = new JsonObject(BODY);
    for (var page : pages) {
      var sequence = new AtomicLong();
      var started = new AtomicLong();
      Runnable[] next = new Runnable[1];
      next[0] =
          () -> {
            if (!running.get()) {
              return;
            }
            started.set(System.nanoTime());
            page.send(
                new JsonObject()
                    .put("type", "send")
                    .put("address", "dash4j.callback.out.children")
                    .put("body", body)
                    .put("headers", new JsonObject().put("dash4j-renderer", page.rendererId()))
                    .put("replyAddress", "r." + sequence.incrementAndGet()));
          };
      page.onFrame()
          .set(
              frame -> {
                if (!"rec".equals(frame.getString("type"))
                    || !frame.getString("address", "").startsWith("r.")) {
                  errors.incrementAndGet();
                } else {
                  long index = done.getAndIncrement();
                  if (latencies != null && index < latencies.length) {
                    latencies[(int) index] = System.nanoTime() - started.get();
                  }
                }
                next[0].run();
              });
      vertx.runOnContext(v -> next[0].run());
    }
    Thread.sleep(seconds * 1000L);
    running.set(false);
    Promise<Void> settle = Promise.promise();
    vertx.setTimer(500, t -> settle.complete());
    settle.future().await();
    return new AtomicLong[] {done, errors};
  }

  /** The socket table, alternating rounds as the HTTP one does. */
  static String table(Map<String, List<Result>> rounds) {
    var bare = Benchmark.median(rounds.get("bare-socket"), Result::perSecond);
    var md =
        new StringBuilder("\n## Socket door\n\n")
            .append(CONNECTIONS)
            .append(
                " pages each sending its next callback as the last is answered (SockJS WebSocket ")
            .append("transport); idle heap per page after full GCs, ")
            .append(PAGES)
            .append(" pages connected and ")
            .append("registered.\n\n")
            .append(
                "| path | callbacks/s (median) | × bare | p50 µs | p99 µs | errors | idle heap per page |\n")
            .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (var entry : rounds.entrySet()) {
      Result r = Benchmark.median(entry.getValue(), Result::perSecond);
      long errors = entry.getValue().stream().mapToLong(Result::errors).sum();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.0f | %.2f | %d | %d | %d | %.1f KB |%n",
              r.mode(),
              r.perSecond(),
              r.perSecond() / bare.perSecond(),
              r.p50Micros(),
              r.p99Micros(),
              errors,
              r.idleBytesPerPage() / 1024.0));
    }
    return md.toString();
  }
}
