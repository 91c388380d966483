package io.dash4j.bench;

import io.vertx.core.Future;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pushes to many pages, dash4j beside Vert.x's bare SockJS bridge in the same run ({@link
 * PushServers}): {@value #PAGES} pages connected as our worker connects (SockJS's WebSocket
 * transport, the renderer address registered), then
 *
 * <ol>
 *   <li>the heap an idle connected page costs the server;
 *   <li>fan-out: every page gets {@value #RATE} updates a second, each its own push: delivered
 *       rate, delay from the update's making to its arrival (p50, p99), the server's CPU;
 *   <li>broadcast: {@value #BROADCASTS} broadcasts a second, one publish each reaching every page:
 *       delivered rate, delay per page, and delay of the last page of each broadcast;
 *   <li>a page that stops reading while updates pour in at it: the growth of the server's heap and
 *       direct memory over time, which must level off.
 * </ol>
 *
 * Servers run pinned to core 0 as in {@link Benchmark}, this client on the other core(s).
 */
final class PushBench {
  static final int PAGES = 1000;
  private static final int RATE = 10;
  private static final int BROADCASTS = 10;
  private static final int ROUNDS = 2;
  private static final int WARMUP_SECONDS = 3;
  private static final int FAN_OUT_SECONDS = 10;
  private static final int BROADCAST_SECONDS = 8;
  private static final int FLOOD_RATE = 5_000;
  private static final int FLOOD_BYTES = 1_000;
  private static final int FLOOD_SAMPLES = 4;
  private static final int FLOOD_SAMPLE_SECONDS = 3;
  private static final List<String> MODES = List.of("bare-push", "dash4j-push");

  private PushBench() {}

  /** One server's figures in one round; delays in microseconds, memory in bytes. */
  record Result(
      String mode,
      double fanOutPerSecond,
      long fanOutP50,
      long fanOutP99,
      double cpuShare,
      double clientCpuShare,
      double broadcastPerSecond,
      long pageP50,
      long pageP99,
      long lastPageP50,
      long lastPageP99,
      int broadcastsComplete,
      int broadcastsSeen,
      long idleBytesPerPage,
      long[] floodSeconds,
      long[] floodHeap,
      long[] floodDirect) {}

  /** Runs the servers in alternating rounds, writes {@code target/bench/push.md}, returns it. */
  static String run(String java) throws Exception {
    var rounds = new ConcurrentHashMap<String, List<Result>>();
    for (int round = 0; round < ROUNDS; round++) {
      for (String mode : MODES) {
        var result = measure(java, mode);
        System.out.println(PushTable.line(round, result));
        rounds.computeIfAbsent(mode, m -> new ArrayList<>()).add(result);
      }
    }
    String table = PushTable.of(java, rounds, MODES);
    Path out = Path.of("target", "bench", "push.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    return table;
  }

  /** Collects delays while on. */
  static final class Delays {
    private final long[] micros = new long[4_000_000];
    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean on;

    void add(long delay) {
      if (on) {
        int index = count.getAndIncrement();
        if (index < micros.length) {
          micros[index] = delay;
        }
      }
    }

    int count() {
      return count.get();
    }

    long[] sorted() {
      long[] sorted = Arrays.copyOf(micros, Math.min(count.get(), micros.length));
      Arrays.sort(sorted);
      return sorted;
    }
  }

  /** Every page's frames, sorted into what each phase measures. */
  private static final class Pages {
    final Delays fanOut = new Delays();
    final Delays broadcast = new Delays();
    // a broadcast's stamp -> {pages reached, the latest delay}
    final Map<Long, long[]> perBroadcast = new ConcurrentHashMap<>();
    // pinged from the client's loop while pages are added
    final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
    final AtomicInteger closed = new AtomicInteger();
    // while the broadcast phase runs: each broadcast is then measured whole, by its stamp
    volatile boolean broadcasting;
    volatile long lastFanOut = System.nanoTime();

    /**
     * Waits until no fan-out update arrived for half a second (at most 30 s), so a server's backlog
     * does not spill into the broadcast phase.
     */
    void awaitFanOutDrained() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (System.nanoTime() - lastFanOut < TimeUnit.MILLISECONDS.toNanos(500)
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }

    void arrived(String componentId, Object value, long now) {
      if (!(value instanceof Number stamp)) {
        return; // a flood's filler
      }
      long delay = now - stamp.longValue();
      if (componentId.equals(PushServers.FAN)) {
        lastFanOut = System.nanoTime();
        fanOut.add(delay);
      } else if (componentId.equals(PushServers.ALL) && broadcasting) {
        broadcast.add(delay);
        perBroadcast.merge(
            stamp.longValue(),
            new long[] {1, delay},
            (a, b) -> new long[] {a[0] + 1, Math.max(a[1], b[1])});
      }
    }
  }

  private static Result measure(String java, String mode) throws Exception {
    Process server = Benchmark.startServer(java, mode);
    var vertx = Vertx.vertx();
    try {
      var out = Benchmark.input(server);
      var in = Benchmark.output(server);
      int port = Benchmark.awaitReady(in, false);
      var client =
          vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(PAGES + 10));
      var pages = new Pages();
      boolean bare = mode.startsWith("bare");
      // the bare bridge closes a socket silent for 10 s; our worker pings too
      vertx.setPeriodic(
          4_000,
          t -> pages.sockets.forEach(s -> s.writeTextMessage("[\"{\\\"type\\\":\\\"ping\\\"}\"]")));
      long before = memory(out, in)[0];
      connect(client, port, PAGES, bare, pages);
      long idle = (memory(out, in)[0] - before) / PAGES;

      out.println("fanout " + RATE);
      Thread.sleep(WARMUP_SECONDS * 1000L);
      pages.fanOut.on = true;
      long cpuStart = Cpu.ticks(server.pid());
      long clientStart = Cpu.ticks(ProcessHandle.current().pid());
      Thread.sleep(FAN_OUT_SECONDS * 1000L);
      pages.fanOut.on = false;
      double cpuShare = Cpu.share(cpuStart, Cpu.ticks(server.pid()), FAN_OUT_SECONDS);
      double clientShare =
          Cpu.share(clientStart, Cpu.ticks(ProcessHandle.current().pid()), FAN_OUT_SECONDS);
      out.println("fanout 0");
      pages.awaitFanOutDrained();
      long[] fan = pages.fanOut.sorted();

      pages.broadcasting = true;
      out.println("broadcast " + BROADCASTS);
      Thread.sleep(WARMUP_SECONDS * 1000L);
      long from = PushServers.nowMicros();
      pages.broadcast.on = true;
      Thread.sleep(BROADCAST_SECONDS * 1000L);
      pages.broadcast.on = false;
      long to = PushServers.nowMicros();
      out.println("broadcast 0");
      Thread.sleep(1000);
      pages.broadcasting = false;
      long[] perPage = pages.broadcast.sorted();
      // the broadcasts made in the window, each with the delay of its last page
      var made =
          pages.perBroadcast.entrySet().stream()
              .filter(b -> b.getKey() >= from && b.getKey() < to)
              .map(Map.Entry::getValue)
              .toList();
      long[] last = made.stream().mapToLong(b -> b[1]).sorted().toArray();
      int complete = (int) made.stream().filter(b -> b[0] >= PAGES).count();

      var flood = flood(client, port, bare, pages, out, in);
      if (pages.closed.get() > 0) {
        System.out.println("warning: " + mode + " closed " + pages.closed.get() + " pages");
      }
      return new Result(
          mode,
          pages.fanOut.count() / (double) FAN_OUT_SECONDS,
          percentile(fan, 0.50),
          percentile(fan, 0.99),
          cpuShare,
          clientShare,
          pages.broadcast.count() / (double) BROADCAST_SECONDS,
          percentile(perPage, 0.50),
          percentile(perPage, 0.99),
          percentile(last, 0.50),
          percentile(last, 0.99),
          complete,
          made.size(),
          idle,
          flood[0],
          flood[1],
          flood[2]);
    } finally {
      vertx.close().await();
      server.destroy();
      server.waitFor();
    }
  }

  /**
   * One more page, which stops reading; updates pour in at it. Returns the seconds since the flood
   * began, and the growth of heap and direct memory at each.
   */
  private static long[][] flood(
      WebSocketClient client,
      int port,
      boolean bare,
      Pages pages,
      PrintStream out,
      BufferedReader in)
      throws Exception {
    var stalled = new Pages();
    String id = connect(client, port, 1, bare, stalled).get(0);
    stalled.sockets.get(0).pause();
    pages.sockets.addAll(stalled.sockets); // still pinged
    long[] base = memory(out, in);
    out.println("flood " + id + " " + FLOOD_RATE + " " + FLOOD_BYTES);
    long start = System.nanoTime();
    long[][] samples = new long[3][FLOOD_SAMPLES];
    for (int i = 0; i < FLOOD_SAMPLES; i++) {
      Thread.sleep(FLOOD_SAMPLE_SECONDS * 1000L);
      long[] now = memory(out, in);
      samples[0][i] = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      samples[1][i] = now[0] - base[0];
      samples[2][i] = now[1] - base[1];
    }
    out.println("flood - 0 0");
    return samples;
  }

  /**
   * Opens {@code count} pages as our worker does (SockJS's WebSocket transport, then the renderer
   * address registered, with the path for dash4j's topics; the bare bridge's pages also register
   * its broadcast address) and waits until every one is confirmed. Returns their renderer ids.
   */
  private static List<String> connect(
      WebSocketClient client, int port, int count, boolean bare, Pages pages) throws Exception {
    var registered = new CountDownLatch(count);
    var opening = new ArrayList<Future<WebSocket>>();
    var ids = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      var options =
          new WebSocketConnectOptions()
              .setHost("127.0.0.1")
              .setPort(port)
              .setURI("/_dash-ws/000/" + id.substring(0, 8) + "/websocket")
              .addHeader("Origin", "http://127.0.0.1:" + port);
      opening.add(
          client
              .connect(options)
              .onSuccess(
                  socket -> {
                    socket.textMessageHandler(text -> frames(text, pages, registered));
                    socket.closeHandler(v -> pages.closed.incrementAndGet());
                    var register =
                        new JsonObject()
                            .put("type", "register")
                            .put("address", "dash4j.renderer." + id)
                            .put("headers", new JsonObject().put("dash4j-path", "/"));
                    send(socket, register);
                    if (bare) {
                      send(
                          socket,
                          new JsonObject()
                              .put("type", "register")
                              .put("address", PushServers.BARE_BROADCAST));
                    }
                    pages.sockets.add(socket);
                  }));
      if (opening.size() == 100) {
        Future.all(opening).await(30, TimeUnit.SECONDS);
        opening.clear();
      }
    }
    Future.all(opening).await(30, TimeUnit.SECONDS);
    if (!registered.await(60, TimeUnit.SECONDS)) {
      throw new IllegalStateException(registered.getCount() + " pages were not registered");
    }
    return ids;
  }

  private static void send(WebSocket socket, JsonObject frame) {
    socket.writeTextMessage(new JsonArray().add(frame.encode()).encode());
  }

  /** A SockJS frame: {@code a[...]} holds bridge frames, each a push's text as its body. */
  private static void frames(String text, Pages pages, CountDownLatch registered) {
    if (!text.startsWith("a")) {
      return;
    }
    long now = PushServers.nowMicros();
    for (Object item : new JsonArray(text.substring(1))) {
      var frame = new JsonObject((String) item);
      if (!(frame.getValue("body") instanceof String body)) {
        continue;
      }
      var message = new JsonObject(body);
      switch (String.valueOf(message.getValue("type"))) {
        case "registered" -> registered.countDown();
        case "set_props" -> update(message.getJsonObject("payload"), pages, now);
        case "set_props_batch" ->
            message.getJsonArray("payload").forEach(u -> update((JsonObject) u, pages, now));
        default -> {}
      }
    }
  }

  private static void update(JsonObject payload, Pages pages, long now) {
    var props = payload.getJsonObject("props");
    pages.arrived(payload.getString("componentId"), props.getValue("children"), now);
  }

  /** The server's heap and direct memory in use, after full collections. */
  private static long[] memory(PrintStream out, BufferedReader in) throws IOException {
    out.println("memory");
    for (String line; (line = in.readLine()) != null; ) {
      if (line.startsWith("MEMORY ")) {
        String[] words = line.split(" ");
        return new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])};
      }
      System.out.println("server: " + line);
    }
    throw new IllegalStateException("the bench server exited");
  }

  static long percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)];
  }

  /** A process's CPU time from {@code /proc/<pid>/stat}, in clock ticks (1/100 s). */
  private static final class Cpu {
    private Cpu() {}

    static long ticks(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime: fields 14 and 15 of the line, 12 and 13 after the command
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (IOException | RuntimeException e) {
        return 0;
      }
    }

    /** The share of one core used over {@code seconds}. */
    static double share(long from, long to, int seconds) {
      return (to - from) / (100.0 * seconds);
    }
  }
}
