package io.dash4j.bench;

import io.dash4j.bench.Benchmark.Result;
import io.dash4j.testing.ClusterNodes;
import io.dash4j.testing.Http;
import io.dash4j.testing.Launched;
import io.dash4j.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP callbacks across a cluster ({@code ./run bench java cluster}): the same traffic through one
 * node (every role, alone in its Hazelcast cluster) and through two nodes of one cluster, the first
 * serving only the doors ({@code "roles": ["web"]}) and the second only the callbacks, so that
 * every call crosses the clustered event bus and back. Nodes are started by the launcher as a user
 * starts them ({@code -cluster}, {@code conf/cluster.xml} under a name of their own), all pinned to
 * core 0, the load ({@code wrk}) on the other cores; rounds alternate the two layouts.
 */
final class ClusterBench {
  private static final String ONE = "one node";
  private static final String TWO = "two nodes (web → callbacks)";

  /**
   * Rounds, and each cell's warm-up and measure: nodes start afresh every round (a layout is two
   * processes or one), so each cell warms its own.
   */
  private static final int ROUNDS = 3;

  private static final int WARMUP_SECONDS = 4;
  private static final int MEASURE_SECONDS = 6;

  private ClusterBench() {}

  static String run(String java) throws Exception {
    if (!WrkLoad.available()) {
      throw new IllegalStateException("the cluster benchmark needs wrk (./run bench installs it)");
    }
    Path dir = Files.createTempDirectory("dash4j-cluster-bench");
    var rounds = new LinkedHashMap<Integer, Map<String, List<Result>>>();
    for (int round = 0; round < ROUNDS; round++) {
      for (String layout : List.of(ONE, TWO)) {
        try (var cluster = ClusterNodes.in(dir).pinned(java, "0")) {
          int port = Ports.free();
          String app = "{\"app\": \"io.dash4j.bench.BenchApp\", \"host\": \"127.0.0.1\"";
          Process web =
              cluster.launch(
                  "web-" + round,
                  app
                      + ", \"port\": "
                      + port
                      + (layout.equals(ONE) ? "}" : ", \"roles\": [\"web\"]}"));
          var pids = new ArrayList<>(List.of(web.pid()));
          if (layout.equals(TWO)) {
            pids.add(
                cluster.launch("callbacks-" + round, app + ", \"roles\": [\"callbacks\"]}").pid());
          }
          var http = Http.to("http://127.0.0.1:" + port + "/");
          Launched.awaitIndex(http, web, cluster.log("web-" + round));
          awaitCallbacks(http);
          for (int connections : Benchmark.CONNECTIONS) {
            rounds
                .computeIfAbsent(connections, c -> new LinkedHashMap<>())
                .computeIfAbsent(layout, l -> new ArrayList<>())
                .add(
                    Benchmark.measureWithWrk(
                        layout,
                        port,
                        connections,
                        WARMUP_SECONDS,
                        MEASURE_SECONDS,
                        pids.stream().mapToLong(Long::longValue).toArray()));
          }
        }
      }
    }
    String table =
        "# dash4j across a cluster\n\nHTTP callbacks through one node, and through two nodes"
            + " with the callbacks on the second only; every node pinned to core 0, load from wrk"
            + " on the other cores; "
            + WARMUP_SECONDS
            + " s warm-up, "
            + MEASURE_SECONDS
            + " s measured, "
            + ROUNDS
            + " alternating rounds; medians, with the range of the rounds. Switches: all the nodes'"
            + " context switches per request.\n\n"
            + Benchmark.rows(rounds, ONE);
    Path out = Path.of("target", "bench", "cluster.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
    return table;
  }

  /** Waits until a call through the web node is answered: the callbacks' node has joined. */
  private static void awaitCallbacks(Http http) throws InterruptedException {
    String body = Benchmark.body();
    for (int i = 0; i < 900; i++) {
      if (http.postJson("_dash-update-component", body).statusCode() == 200) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no node answered the callback within 90 s");
  }
}
