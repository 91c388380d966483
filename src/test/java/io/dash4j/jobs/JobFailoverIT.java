package io.dash4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.runtime.launch.DashLauncher;
import io.dash4j.testing.Browser;
import io.dash4j.testing.Http;
import io.dash4j.testing.Launched;
import io.dash4j.testing.Ports;
import io.dash4j.testing.RedisServer;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with real processes: one web process (no workers) and two worker processes ({@code
 * "roles": ["workers"]}) of {@link JobsTestApp} share one persistent {@code redis-server}, and the
 * stock front end in Chromium runs jobs through the web process. Killing the worker that runs a job
 * ({@code kill -9} by PID) hands the job to the other when its lease expires; stopping Redis
 * mid-job and starting it again leaves the job running. Either way the page shows exactly one
 * result.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobFailoverIT {
  private static final String SECRET = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  private static final Pattern RAN_ON = Pattern.compile(" on (\\d+)$");

  @TempDir static Path dir;
  @RegisterExtension static final Browser browser = Browser.perClass();

  static RedisServer redis;
  static final List<Process> processes = new ArrayList<>();
  static Process web;
  static int port;

  @BeforeAll
  static void startRedisAndThreeProcesses() throws Exception {
    redis = RedisServer.persistent();
    port = Ports.free();
    web =
        launch(
            "web",
            "{\"app\": \"io.dash4j.jobs.JobsTestApp\", \"host\": \"127.0.0.1\", \"port\": "
                + port
                + ", \"jobs\": "
                + jobs(0)
                + "}");
    for (String name : List.of("worker-1", "worker-2")) {
      launch(
          name,
          "{\"app\": \"io.dash4j.jobs.JobsTestApp\", \"roles\": [\"workers\"], \"jobs\": "
              + jobs(1)
              + "}");
    }
    Launched.awaitIndex(http(), web, dir.resolve("web.err"));
    for (String name : List.of("worker-1", "worker-2")) {
      Path log = dir.resolve(name + ".err");
      for (int i = 0; i < 300 && !Files.readString(log).contains("dash4j worker: running"); i++) {
        Thread.sleep(100);
      }
      assertThat(Files.readString(log)).as(name + " started").contains("dash4j worker: running");
    }
  }

  /** The processes' shared job settings: a short lease, so a dead worker's job moves on soon. */
  private static String jobs(int poolSize) {
    return "{\"store\": \"redis\", \"redis\": {\"url\": \""
        + redis.url()
        + "\"}, \"secret\": \""
        + SECRET
        + "\", \"namespace\": \"failover\", \"leaseMillis\": 2400, \"claimPollMillis\": 300, "
        + "\"poolSize\": "
        + poolSize
        + "}";
  }

  private static Process launch(String name, String config) throws Exception {
    var process =
        Launched.java(
            dir.resolve(name + ".err"),
            "-cp",
            System.getProperty("java.class.path"),
            DashLauncher.class.getName(),
            "-conf",
            config);
    processes.add(process);
    return process;
  }

  private static Http http() {
    return Http.to("http://127.0.0.1:" + port + "/");
  }

  @AfterAll
  static void stopAll() throws Exception {
    for (Process process : processes) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (redis != null) {
      redis.stop();
    }
  }

  @Test
  @Order(1)
  void redisStoppedAndStartedAgainMidJobLeavesTheJobRunning() throws Exception {
    browser.openApp("http://127.0.0.1:" + port + "/");
    browser.recordTexts("result");
    browser.click("#run");
    browser.waitForTextContains("#status", "step 2/10 on ");

    redis.stop();
    Thread.sleep(1000); // the outage: polls wait it out, the worker keeps its own lease
    redis.restart();

    browser.waitForTextContains("#result", "done 1 on ");
    browser.waitForNoPendingCallbacks();
    assertThat(browser.recordedTexts("result")).containsExactly(browser.text("#result"));
    browser.assertNoErrorsLogged();
  }

  @Test
  @Order(2)
  void aJobWhoseWorkerIsKilledMidwayFinishesOnTheOtherAndThePageGetsOneResult() throws Exception {
    browser.openApp("http://127.0.0.1:" + port + "/");
    browser.recordTexts("result");
    browser.click("#run");
    browser.waitForTextContains("#status", "step 2/10 on ");
    long running = pidIn(browser.text("#status"));
    var worker = ProcessHandle.of(running).orElseThrow();
    assertThat(processes.stream().map(Process::pid)).contains(running);
    assertThat(running).as("a worker runs the job, not the web process").isNotEqualTo(web.pid());

    new ProcessBuilder("kill", "-9", Long.toString(running)).start().waitFor();
    worker.onExit().get(10, TimeUnit.SECONDS);

    browser.waitForTextContains("#result", "done 1 on ");
    String result = browser.text("#result");
    assertThat(pidIn(result)).as("the job finished on the other worker").isNotEqualTo(running);
    browser.waitForNoPendingCallbacks();
    assertThat(browser.recordedTexts("result")).containsExactly(result);
    browser.assertNoErrorsLogged();
  }

  @Test
  @Order(3)
  void withRedisAwayAStartIsRefusedWithAClearMessageAndWorksOnceItIsBack() throws Exception {
    var index = http().get("");
    var token = Pattern.compile("data-page=\"([A-Za-z0-9._-]+)\"").matcher(index.body());
    assertThat(token.find()).isTrue();
    var body = BackgroundProtocolIT.click("run", "result", 1);
    body.remove("state"); // JobsTestApp's callback reads no state
    String start = body.encode();
    redis.stop();
    try {
      var refused =
          http()
              .post(
                  "_dash-update-component",
                  start,
                  "Content-Type",
                  "application/json",
                  "X-Dash4j-Page",
                  token.group(1));
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.body())
          .isEqualTo("Background jobs unavailable: the job store cannot be reached");
    } finally {
      redis.restart();
    }
    for (int i = 0; i < 50; i++) {
      var started =
          http()
              .post(
                  "_dash-update-component",
                  start,
                  "Content-Type",
                  "application/json",
                  "X-Dash4j-Page",
                  token.group(1));
      if (started.statusCode() == 200) {
        assertThat(new JsonObject(started.body()).getString("job")).startsWith("j1.");
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("starts never worked again after Redis came back");
  }

  private static long pidIn(String text) {
    Matcher matcher = RAN_ON.matcher(text);
    assertThat(matcher.find()).as("a pid in \"%s\"", text).isTrue();
    return Long.parseLong(matcher.group(1));
  }
}
