package io.dash4j.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * The benchmark harness: starts each {@link BenchServer} pinned to one core, drives it from the
 * other cores with {@code wrk} ({@link WrkLoad}; the Vert.x HTTP client of this process where wrk
 * is missing), and prints each figure beside the bare Vert.x baseline measured in the same run. Run
 * with {@code ./run bench}; results also go to {@code target/bench/results.md}.
 *
 * <p>The HTTP servers run side by side, warmed first, and are measured in short slices that take
 * turns ({@link #httpRounds}): each ratio compares two servers seconds apart and in their steady
 * state, where one fresh server after another, each warmed for a few seconds, compared servers
 * still compiling, minutes apart.
 */
public final class Benchmark {
  private static final String BODY =
      """
      {"output":"out.children","outputs":{"id":"out","property":"children"},\
      "inputs":[{"id":"in","property":"children","value":"hello"}],"changedPropIds":["in.children"]}""";

  /**
   * Concurrent keep-alive connections, one table row each: interactive apps live at 1–16 requests
   * in flight per core, where each request pays its thread hops; at 64 batching hides them.
   */
  static final List<Integer> CONNECTIONS = List.of(1, 4, 16, 64);

  /**
   * The HTTP paths, each row beside the first: the bare route, the bare route with its reply made
   * on a Vert.x worker thread (what a Vert.x app whose handlers may block pays), dash4j's default
   * path (user code off the loop: on JDK 24+ virtual threads carried by the loop, and then the
   * worker pool beside it) and a callback declared {@code nonBlocking} (on the loop).
   */
  static List<String> httpModes(String java) throws IOException, InterruptedException {
    return featureVersion(java) >= 24
        ? List.of("bare", "bare-worker", "dash4j", "dash4j-pool", "dash4j-nonblocking")
        : List.of("bare", "bare-worker", "dash4j", "dash4j-nonblocking");
  }

  /** The JDK release of {@code java} (17, 25, …), from its {@code -version}. */
  private static int featureVersion(String java) throws IOException, InterruptedException {
    var process = new ProcessBuilder(java, "-version").redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    var version = Pattern.compile("version \"(\\d+)").matcher(out);
    if (!version.find()) {
      throw new IllegalStateException("cannot tell the version of " + java + ": " + out);
    }
    return Integer.parseInt(version.group(1));
  }

  /**
   * How long each server is warmed before anything is measured, at 16 connections. On the one core
   * a server is pinned to, its JIT compilers share that core with the load: the bare route took
   * 10–25 s to reach its steady rate on a 2-core VM, and dash4j, with more code to compile, longer;
   * a few seconds' warm-up measured the compilers, not the servers.
   */
  static final int WARMUP_SECONDS = 20;

  /** One measured slice of one server at one connection count. */
  static final int SLICE_SECONDS = 2;

  /**
   * Rounds of slices: every server is measured once a round, in an order that rotates from round to
   * round, so each ratio compares slices taken seconds apart, and the noise of a shared host (whose
   * rates drift by 2× over minutes) hits both sides of it.
   */
  static final int ROUNDS = 7;

  private Benchmark() {}

  /** One measurement: completed requests per second and latency percentiles in microseconds. */
  record Result(
      String mode,
      double perSecond,
      long p50Micros,
      long p99Micros,
      long errors,
      double switchesPerRequest) {}

  /** Runs the baseline and dash4j, then prints and writes the table. */
  public static void main(String[] args) throws Exception {
    String java =
        args.length > 0
            ? args[0]
            : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    if (args.length > 1 && args[1].equals("jobs")) {
      String table = JobsBench.run(java);
      System.out.println(table);
      Path out = Path.of("target", "bench", "jobs.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, table);
      return;
    }
    if (args.length > 1 && args[1].equals("cluster")) {
      System.out.println(ClusterBench.run(java)); // also in target/bench/cluster.md
      return;
    }
    if (args.length > 1 && args[1].equals("push")) {
      System.out.println(PushBench.run(java)); // also in target/bench/push.md
      return;
    }
    var rounds = httpRounds(java);
    var socketRounds = new LinkedHashMap<String, List<SocketBench.Result>>();
    boolean httpOnly = args.length > 1 && args[1].equals("http");
    for (int round = 0; round < SocketBench.ROUNDS && !httpOnly; round++) {
      for (String mode : List.of("bare-socket", "dash4j-socket")) {
        socketRounds
            .computeIfAbsent(mode, m -> new ArrayList<>())
            .add(SocketBench.measure(java, mode));
      }
    }
    String table = table(java, rounds) + (httpOnly ? "" : SocketBench.table(socketRounds));
    System.out.println(table);
    Path out = Path.of("target", "bench", "results.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
  }

  /** Starts a {@link BenchServer} pinned to core 0. */
  static Process startServer(String java, String mode, String... modeArgs) throws IOException {
    // One collector for both servers: the JVM's default choice depends on the cores it sees.
    var command =
        new ArrayList<>(
            List.of(
                "taskset",
                "-c",
                "0",
                java,
                "-Xmx1g",
                "-XX:+UseSerialGC",
                // as dash4j's jar does for java -jar: virtual threads carried by the loop on JDK
                // 24+
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Djava.util.logging.config.file=src/test/resources/logging.properties",
                "-cp",
                System.getProperty("java.class.path"),
                BenchServer.class.getName(),
                mode));
    command.addAll(List.of(modeArgs));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /**
   * Starts every HTTP server at once (each pinned to core 0, idle while another is measured), warms
   * each, then measures them in rounds of {@link #SLICE_SECONDS} slices at each connection count:
   * connections → path → each round's result.
   */
  private static Map<Integer, Map<String, List<Result>>> httpRounds(String java) throws Exception {
    List<String> modes = httpModes(java);
    var servers = new LinkedHashMap<String, Process>();
    var ports = new LinkedHashMap<String, Integer>();
    Vertx client = WrkLoad.available() ? null : Vertx.vertx();
    try {
      for (String mode : modes) {
        servers.put(mode, startServer(java, mode));
      }
      for (var server : servers.entrySet()) {
        ports.put(server.getKey(), awaitReady(output(server.getValue()), true));
      }
      for (String mode : modes) {
        slice(client, mode, ports.get(mode), 16, WARMUP_SECONDS, servers.get(mode).pid());
      }
      var rounds = new LinkedHashMap<Integer, Map<String, List<Result>>>();
      for (int connections : CONNECTIONS) {
        var byMode = new LinkedHashMap<String, List<Result>>();
        modes.forEach(mode -> byMode.put(mode, new ArrayList<>()));
        rounds.put(connections, byMode);
        for (int round = 0; round < ROUNDS; round++) {
          for (int i = 0; i < modes.size(); i++) {
            String mode = modes.get((round + i) % modes.size());
            byMode
                .get(mode)
                .add(
                    slice(
                        client,
                        mode,
                        ports.get(mode),
                        connections,
                        SLICE_SECONDS,
                        servers.get(mode).pid()));
          }
        }
      }
      return rounds;
    } finally {
      for (Process server : servers.values()) {
        server.destroy();
        server.waitFor();
      }
      if (client != null) {
        client.close().await();
      }
    }
  }

  /**
   * {@code connections} posting to one server for {@code seconds}, with wrk or else {@code vertx}.
   */
  private static Result slice(
      Vertx vertx, String mode, int port, int connections, int seconds, long pid) throws Exception {
    if (vertx == null) {
      return measureWithWrk(mode, port, connections, 0, seconds, pid);
    }
    long[] latencies = new long[4_000_000];
    long switchesBefore = ContextSwitches.of(pid);
    var stats = load(vertx, port, connections, seconds, latencies);
    long switches = ContextSwitches.of(pid) - switchesBefore;
    return stats.toResult(mode, seconds, latencies, switches);
  }

  /** The update request every HTTP benchmark posts. */
  static String body() {
    return BODY;
  }

  /**
   * Warms up for {@code warmupSeconds} (none at 0), then measures {@code connections} posting the
   * update request to {@code port} with wrk for {@code seconds}; the context switches are those of
   * the server processes {@code pids}, all told.
   */
  static Result measureWithWrk(
      String mode, int port, int connections, int warmupSeconds, int seconds, long... pids)
      throws Exception {
    if (warmupSeconds > 0) {
      WrkLoad.post(port, BODY, connections, warmupSeconds);
    }
    long switchesBefore = 0;
    for (long pid : pids) {
      switchesBefore += ContextSwitches.of(pid);
    }
    var run = WrkLoad.post(port, BODY, connections, seconds);
    long switches = -switchesBefore;
    for (long pid : pids) {
      switches += ContextSwitches.of(pid);
    }
    return new Result(
        mode,
        run.perSecond(),
        run.p50Micros(),
        run.p99Micros(),
        run.errors(),
        switches / (double) Math.max(1, run.requests()));
  }

  /** What a server prints: its {@code READY}, and its answers to memory queries. */
  static BufferedReader output(Process server) {
    return new BufferedReader(
        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
  }

  /** Where a server takes its memory queries and commands, a line each. */
  static PrintStream input(Process server) {
    return new PrintStream(server.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  /**
   * Waits for the server's {@code READY <port>}; with {@code drain}, then discards its output in
   * the background (else the caller reads it, e.g. for {@code HEAP} answers).
   */
  static int awaitReady(BufferedReader reader, boolean drain) throws IOException {
    for (String line; (line = reader.readLine()) != null; ) {
      if (line.startsWith("READY ")) {
        if (drain) {
          Thread drainer = new Thread(() -> reader.lines().forEach(l -> {}));
          drainer.setDaemon(true);
          drainer.start();
        }
        return Integer.parseInt(line.substring(6).trim());
      }
    }
    throw new IllegalStateException("bench server exited before it was ready");
  }

  /** Counts of one load phase. */
  private record Stats(AtomicLong done, AtomicLong errors) {
    Result toResult(String mode, int seconds, long[] latencies, long switches) {
      var latency = Latency.of(latencies, done.get());
      return new Result(
          mode,
          done.get() / (double) seconds,
          latency.p50Micros(),
          latency.p99Micros(),
          errors.get(),
          switches / (double) Math.max(1, done.get()));
    }
  }

  /** Latency percentiles of one measured phase, in microseconds. */
  record Latency(long p50Micros, long p99Micros) {
    /** From the first {@code count} latencies recorded, in nanoseconds. */
    static Latency of(long[] latencies, long count) {
      long[] sorted = Arrays.copyOf(latencies, (int) Math.min(count, latencies.length));
      Arrays.sort(sorted);
      return new Latency(percentile(sorted, 0.50) / 1000, percentile(sorted, 0.99) / 1000);
    }

    private static long percentile(long[] sorted, double p) {
      return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)];
    }
  }

  /**
   * {@code connections} keep-alive connections, each sending the next request as soon as the last
   * answers.
   */
  private static Stats load(Vertx vertx, int port, int connections, int seconds, long[] latencies)
      throws Exception {
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(connections));
    var options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost("127.0.0.1")
            .setPort(port)
            .setURI("/_dash-update-component")
            .putHeader("Content-Type", "application/json");
    Buffer body = Buffer.buffer(BODY);
    var running = new AtomicBoolean(true);
    var stats = new Stats(new AtomicLong(), new AtomicLong());
    for (int i = 0; i < connections; i++) {
      vertx.runOnContext(v -> next(client, options, body, running, stats, latencies));
    }
    Thread.sleep(seconds * 1000L);
    running.set(false);
    Thread.sleep(500);
    client.close().await();
    return stats;
  }

  private static void next(
      HttpClient client,
      RequestOptions options,
      Buffer body,
      AtomicBoolean running,
      Stats stats,
      long[] latencies) {
    if (!running.get()) {
      return;
    }
    long start = System.nanoTime();
    client
        .request(options)
        .compose(request -> request.send(body))
        .compose(
            response ->
                response.statusCode() == 200 ? response.body() : Future.failedFuture("status"))
        .onComplete(
            done -> {
              if (!running.get()) {
                return;
              }
              if (done.succeeded()) {
                long index = stats.done().getAndIncrement();
                if (latencies != null && index < latencies.length) {
                  latencies[(int) index] = System.nanoTime() - start;
                }
              } else {
                stats.errors().incrementAndGet();
              }
              next(client, options, body, running, stats, latencies);
            });
  }

  /** The run with the median throughput. */
  static <T> T median(List<T> runs, ToDoubleFunction<T> perSecond) {
    var sorted = new ArrayList<>(runs);
    sorted.sort(Comparator.comparingDouble(perSecond));
    return sorted.get(sorted.size() / 2);
  }

  private static String table(String java, Map<Integer, Map<String, List<Result>>> rounds)
      throws IOException {
    var md = new StringBuilder("# dash4j benchmark\n\n");
    md.append("Machine: ")
        .append(cpuCount())
        .append(" cores, ")
        .append(cpuModel())
        .append("; server pinned to core 0 (taskset), load from the other core(s).\n")
        .append("Server JVM: ")
        .append(java)
        .append("; load from ")
        .append(WrkLoad.available() ? "wrk" : "the Vert.x HTTP client (wrk is not installed)")
        .append("; every server started at once and warmed ")
        .append(WARMUP_SECONDS)
        .append(" s, then ")
        .append(ROUNDS)
        .append(" rounds of ")
        .append(SLICE_SECONDS)
        .append(" s slices per connection count, the servers' order rotating from round to round;")
        .append(" medians, with the range of the rounds (ratios: against the bare slice of the")
        .append(" same round). ")
        .append("Switches: the server process's context switches (all threads) per request.\n\n")
        .append(rows(rounds, "bare"));
    return md.toString();
  }

  /**
   * The table of {@code rounds} (connections → path → each round's result), each path's figures
   * beside those of {@code baselineMode} in the same rounds.
   */
  static String rows(Map<Integer, Map<String, List<Result>>> rounds, String baselineMode) {
    var md = new StringBuilder();
    md.append("| connections | path | callbacks/s (median) | range | × ")
        .append(baselineMode)
        .append(" (median, range) | p50 µs | p99 µs | switches/request | errors |\n")
        .append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (var byConnections : rounds.entrySet()) {
      List<Result> bare = byConnections.getValue().get(baselineMode);
      for (var entry : byConnections.getValue().entrySet()) {
        List<Result> runs = entry.getValue();
        Result r = median(runs, Result::perSecond);
        double min = runs.stream().mapToDouble(Result::perSecond).min().orElse(0);
        double max = runs.stream().mapToDouble(Result::perSecond).max().orElse(0);
        // Each round's ratio against the baseline's run of the same round: the noise of a moment
        // hits both.
        var ratios = new ArrayList<Double>();
        for (int i = 0; i < runs.size(); i++) {
          ratios.add(runs.get(i).perSecond() / bare.get(i).perSecond());
        }
        ratios.sort(null);
        long errors = runs.stream().mapToLong(Result::errors).sum();
        md.append(
            String.format(
                Locale.ROOT,
                "| %d | %s | %.0f | %.0f–%.0f | %.2f (%.2f–%.2f) | %d | %d | %.1f | %d |%n",
                byConnections.getKey(),
                r.mode(),
                r.perSecond(),
                min,
                max,
                ratios.get(ratios.size() / 2),
                ratios.get(0),
                ratios.get(ratios.size() - 1),
                r.p50Micros(),
                r.p99Micros(),
                r.switchesPerRequest(),
                errors));
      }
    }
    return md.toString();
  }

  /** The machine's processors (this JVM is pinned, so availableProcessors() would undercount). */
  private static long cpuCount() throws IOException {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("processor"))
        .count();
  }

  private static String cpuModel() throws IOException {
    return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
        .filter(l -> l.startsWith("model name"))
        .findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).trim())
        .orElse("unknown CPU");
  }
}
