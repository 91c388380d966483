package io.dash4j.bench;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.JobsConfig;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.runtime.launch.DashServer;
import io.dash4j.testing.BridgeClient;
import io.dash4j.testing.RedisServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Background jobs under load: how many trivial jobs a second go through the pool (start, then polls
 * with no pause until the result, as a page with {@code interval(0)}), with the embedded store and
 * with Redis, beside a bare Vert.x baseline in the same run (a route that runs each request's task
 * with {@code executeBlocking}: the least a server that runs work off the loop does). And how long
 * a progress report takes to reach a page, pushed through the socket and polled every 100 ms,
 * beside the bare server's own: a value made on a worker thread, sent over Vert.x's SockJS bridge
 * or read by a page polling a route every 100 ms. Servers run pinned to core 0 as in {@link
 * Benchmark}; the clients here run on the other cores.
 */
final class JobsBench {
  private static final int PAGES = 16;
  private static final int ROUNDS = 3;
  private static final int WARMUP_SECONDS = 4;
  private static final int MEASURE_SECONDS = 6;
  private static final Pattern TOKEN = Pattern.compile("data-page=\"([A-Za-z0-9._-]+)\"");
  private static final String START =
      "{\"output\":\"out.children\",\"outputs\":{\"id\":\"out\",\"property\":\"children\"},"
          + "\"inputs\":[{\"id\":\"in\",\"property\":\"n_clicks\",\"value\":1}],"
          + "\"changedPropIds\":[\"in.n_clicks\"]}";
  private static final String PROGRESS_START =
      "{\"output\":\"done.children\",\"outputs\":{\"id\":\"done\",\"property\":\"children\"},"
          + "\"inputs\":[{\"id\":\"go\",\"property\":\"n_clicks\",\"value\":1}],"
          + "\"changedPropIds\":[\"go.n_clicks\"]}";

  private JobsBench() {}

  /**
   * The baseline server: each request's task runs on a Vert.x worker thread, then answers. For the
   * delays, {@code POST /_report/<id>} makes a report (the time) on a worker thread, sends it to
   * {@code dash4j.renderer.<id>} over the SockJS bridge at {@code /_dash-ws} and keeps it for
   * {@code GET /_report/<id>}.
   */
  static int bareServer() {
    var vertx = Vertx.vertx();
    var router = Router.router(vertx);
    var reports = new ConcurrentHashMap<String, String>();
    router
        .post("/_report/:id")
        .handler(
            ctx -> {
              String id = ctx.pathParam("id");
              vertx
                  .executeBlocking(() -> Long.toString(System.currentTimeMillis()))
                  .onSuccess(
                      reported -> {
                        reports.put(id, reported);
                        vertx.eventBus().send("dash4j.renderer." + id, reported);
                        ctx.response().setStatusCode(204).end();
                      });
            });
    router
        .get("/_report/:id")
        .handler(
            ctx -> {
              String reported = reports.remove(ctx.pathParam("id"));
              ctx.response().setStatusCode(reported == null ? 204 : 200).end(reported);
            });
    router
        .route("/_dash-ws/*")
        .subRouter(
            SockJSHandler.create(vertx)
                .bridge(
                    new SockJSBridgeOptions()
                        .addOutboundPermitted(
                            new PermittedOptions().setAddressRegex("dash4j\\.renderer\\..+"))));
    router
        .post("/_dash-update-component")
        .handler(BodyHandler.create(false))
        .handler(
            ctx -> {
              var body = ctx.body().asJsonObject();
              vertx
                  .executeBlocking(() -> "echo " + body.getJsonArray("inputs").size())
                  .onSuccess(
                      value ->
                          ctx.response()
                              .putHeader("Content-Type", "application/json")
                              .end(
                                  new JsonObject()
                                      .put("multi", true)
                                      .put(
                                          "response",
                                          new JsonObject()
                                              .put("out", new JsonObject().put("children", value)))
                                      .toBuffer()));
            });
    return BenchServer.listen(vertx, router);
  }

  /** A dash4j app with a trivial background callback, and one that reports its progress. */
  static int dash4jServer(String redisUrl) {
    var app =
        Dash.create(
            config -> {
              config.port(0).host("127.0.0.1");
              config
                  .jobs()
                  .poolSize(PAGES)
                  .secret(Base64.getEncoder().encodeToString(new byte[32]));
              if (redisUrl != null) {
                config.jobs().store(JobsConfig.Store.REDIS).redisUrl(redisUrl);
              }
            });
    app.layout(
        div(
            button().id("in"),
            div().id("out"),
            button().id("go"),
            div().id("status"),
            div().id("done")));
    app.callback(
        Output.of("out", Html.Div.CHILDREN),
        Input.of("in", Html.Button.N_CLICKS),
        n -> "echo " + n,
        o -> o.background(true).interval(Duration.ZERO));
    app.callback(
        Output.of("done", Html.Div.CHILDREN),
        Input.of("go", Html.Button.N_CLICKS),
        n -> {
          CallbackContext.current().setProgress(Long.toString(System.currentTimeMillis()));
          Thread.sleep(300);
          return "done";
        },
        o ->
            o.background(true)
                .progress(Output.of("status", Html.Div.CHILDREN))
                .interval(Duration.ofMillis(100)));
    return DashServer.start(app).port();
  }

  record Round(double jobsPerSecond, long errors) {}

  /** Runs the three servers in alternating rounds and returns the table. */
  static String run(String java) throws Exception {
    var rounds = new LinkedHashMap<String, List<Round>>();
    var delays = new LinkedHashMap<String, List<Long>>();
    RedisServer redis = RedisServer.start();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        for (String mode : List.of("bare-jobs", "dash4j-jobs", "dash4j-jobs-redis")) {
          Process server =
              mode.equals("dash4j-jobs-redis")
                  ? Benchmark.startServer(java, mode, redis.url())
                  : Benchmark.startServer(java, mode);
          try {
            int port =
                Benchmark.awaitReady(
                    new BufferedReader(
                        new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)),
                    true);
            var client = new JobClient(port, !mode.equals("bare-jobs"));
            client.load(WARMUP_SECONDS);
            rounds.computeIfAbsent(mode, m -> new ArrayList<>()).add(client.load(MEASURE_SECONDS));
            for (int i = 0; i < 10; i++) {
              if (mode.equals("bare-jobs")) {
                add(delays, "bare: pushed over the bridge", client.barePushDelayMillis());
                add(delays, "bare: polled every 100 ms", client.barePollDelayMillis());
              } else {
                add(delays, mode + ": pushed", client.pushedDelayMillis());
                add(delays, mode + ": polled every 100 ms", client.progressDelayMillis());
              }
            }
          } finally {
            server.destroy();
            server.waitFor();
          }
        }
      }
    } finally {
      redis.stop();
    }
    return table(rounds, delays);
  }

  private static void add(Map<String, List<Long>> delays, String what, long millis) {
    delays.computeIfAbsent(what, k -> new ArrayList<>()).add(millis);
  }

  private static String table(Map<String, List<Round>> rounds, Map<String, List<Long>> delays) {
    var out =
        new StringBuilder(
            "\n## Background jobs ("
                + PAGES
                + " pages, interval 0: a job is its start and its polls until the result;"
                + " the baseline, one request run with executeBlocking)\n\n");
    out.append("| server | jobs/s, median (range) | ratio to bare, per round | errors |\n");
    out.append("|---|---|---|---|\n");
    var bare = rounds.get("bare-jobs");
    rounds.forEach(
        (mode, runs) -> {
          var rates = runs.stream().mapToDouble(Round::jobsPerSecond).sorted().toArray();
          var ratios = new ArrayList<String>();
          for (int i = 0; i < runs.size(); i++) {
            ratios.add(
                String.format("%.2f", runs.get(i).jobsPerSecond() / bare.get(i).jobsPerSecond()));
          }
          out.append(
              String.format(
                  "| %s | %.0f (%.0f–%.0f) | %s | %d |%n",
                  mode,
                  rates[rates.length / 2],
                  rates[0],
                  rates[rates.length - 1],
                  String.join(", ", ratios),
                  runs.stream().mapToLong(Round::errors).sum()));
        });
    out.append(
        "\nFrom a progress report (made as its job starts) to the page, in ms: the renderer polls"
            + " first one interval after the start, so a polled report waits about that long.\n\n");
    out.append("| path | median | range | samples |\n|---|---|---|---|\n");
    delays.forEach(
        (what, millis) -> {
          var sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
          out.append(
              String.format(
                  "| %s | %d | %d–%d | %d |%n",
                  what,
                  sorted[sorted.length / 2],
                  sorted[0],
                  sorted[sorted.length - 1],
                  sorted.length));
        });
    return out.toString();
  }

  /** Pages driving one server: each starts a job and polls it to its end, again and again. */
  private static final class JobClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final boolean jobs;

    JobClient(int port, boolean jobs) {
      this.base = "http://127.0.0.1:" + port + "/";
      this.jobs = jobs;
    }

    Round load(int seconds) throws InterruptedException {
      var done = new AtomicLong();
      var errors = new AtomicLong();
      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      var threads = new ArrayList<Thread>();
      for (int i = 0; i < PAGES; i++) {
        var page =
            new Thread(
                () -> {
                  try {
                    String token = jobs ? token() : null;
                    while (System.nanoTime() < end) {
                      if (job(token, START)) {
                        done.incrementAndGet();
                      } else {
                        errors.incrementAndGet();
                      }
                    }
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                });
        page.start();
        threads.add(page);
      }
      for (Thread thread : threads) {
        thread.join();
      }
      return new Round(done.get() / (double) seconds, errors.get());
    }

    /** Runs one job (or, for the baseline, one request) to its end; false on an error. */
    private boolean job(String token, String body) throws Exception {
      var first = post("", token, body);
      if (first.statusCode() != 200) {
        return false;
      }
      if (!jobs) {
        return true;
      }
      var handles = new JsonObject(first.body());
      String query =
          "?cacheKey=" + handles.getString("cacheKey") + "&job=" + handles.getString("job");
      for (int polls = 0; polls < 10_000; polls++) {
        var answer = post(query, token, body);
        if (answer.statusCode() != 200) {
          return false;
        }
        if (new JsonObject(answer.body()).containsKey("response")) {
          return true;
        }
      }
      return false;
    }

    /** Starts a job that reports the time, polls every 100 ms, and returns how late it was seen. */
    long progressDelayMillis() throws Exception {
      String token = token();
      var handles = new JsonObject(post("", token, PROGRESS_START).body());
      String query =
          "?cacheKey=" + handles.getString("cacheKey") + "&job=" + handles.getString("job");
      long seen = -1;
      while (true) {
        Thread.sleep(100);
        var answer = new JsonObject(post(query, token, PROGRESS_START).body());
        if (seen < 0 && answer.containsKey("progress")) {
          long reported =
              Long.parseLong(answer.getJsonObject("progress").getString("status.children"));
          seen = System.currentTimeMillis() - reported;
        }
        if (answer.containsKey("response")) {
          return seen;
        }
      }
    }

    /**
     * Starts a job that reports the time as a page whose socket holds, and returns how late the
     * push brought it; acknowledges the pushes and polls the job to its end.
     */
    long pushedDelayMillis() throws Exception {
      String token = token();
      String rendererId = UUID.randomUUID().toString();
      try (var socket = BridgeClient.connect(base).claim(rendererId, token)) {
        var handles =
            new JsonObject(post("", token, PROGRESS_START, "X-Dash4j-Renderer", rendererId).body());
        long delay = -1;
        boolean result = false;
        while (!result) {
          JsonObject frame = socket.next();
          long now = System.currentTimeMillis();
          for (Object payload : BridgeClient.body(frame).getJsonArray("payload")) {
            var set = (JsonObject) payload;
            if (delay < 0 && set.getString("componentId").equals("status")) {
              delay = now - Long.parseLong(set.getJsonObject("props").getString("children"));
            }
            result |= set.getString("componentId").equals("done");
          }
          socket.reply(frame.getString("replyAddress"), new JsonObject().put("ok", true));
        }
        String query =
            "?cacheKey=" + handles.getString("cacheKey") + "&job=" + handles.getString("job");
        for (int polls = 0; polls < 100; polls++) {
          var answer = post(query, token, PROGRESS_START);
          if (answer.statusCode() != 200) {
            return delay; // the result came pushed: the poll that ends the job is a 204
          }
          if (new JsonObject(answer.body()).containsKey("response")) {
            throw new IllegalStateException("a pushed and acknowledged result was polled again");
          }
          Thread.sleep(20);
        }
        throw new IllegalStateException("the job never ended");
      }
    }

    /** The bare server's report, sent over its bridge to a registered page. */
    long barePushDelayMillis() throws Exception {
      String id = UUID.randomUUID().toString();
      try (var socket = BridgeClient.connect(base)) {
        socket.register(id);
        Thread.sleep(100); // the bare bridge confirms nothing: give the registration its moment
        report(id);
        JsonObject frame = socket.next();
        return System.currentTimeMillis() - Long.parseLong(frame.getString("body"));
      }
    }

    /** The bare server's report, read by a page polling for it every 100 ms. */
    long barePollDelayMillis() throws Exception {
      String id = UUID.randomUUID().toString();
      report(id);
      while (true) {
        Thread.sleep(100);
        var answer =
            http.send(
                HttpRequest.newBuilder(URI.create(base + "_report/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() == 200) {
          return System.currentTimeMillis() - Long.parseLong(answer.body());
        }
      }
    }

    /** Has the bare server make report {@code id}. */
    private void report(String id) throws Exception {
      http.send(
          HttpRequest.newBuilder(URI.create(base + "_report/" + id))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build(),
          HttpResponse.BodyHandlers.discarding());
    }

    private String token() throws Exception {
      var index =
          http.send(
              HttpRequest.newBuilder(URI.create(base)).build(),
              HttpResponse.BodyHandlers.ofString());
      var matcher = TOKEN.matcher(index.body());
      if (!matcher.find()) {
        throw new IllegalStateException("no page token in the index");
      }
      return matcher.group(1);
    }

    private HttpResponse<String> post(String query, String token, String body, String... headers)
        throws Exception {
      var request =
          HttpRequest.newBuilder(URI.create(base + "_dash-update-component" + query))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body));
      if (token != null) {
        request.header("X-Dash4j-Page", token);
      }
      if (headers.length > 0) {
        request.headers(headers);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
