package io.dash4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.runtime.launch.DashLauncher;
import io.dash4j.testing.Browser;
import io.dash4j.testing.Http;
import io.dash4j.testing.Launched;
import io.dash4j.testing.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded job store across a cluster: a web node with no workers and two worker nodes ({@code
 * "roles": ["workers"]}), three JVMs joined by Hazelcast on loopback, all on the default embedded
 * store. A job started on the web node runs on a worker node, through the cluster's shared data and
 * event bus; when that node is killed ({@code kill -9}) midway, the job runs again on the other
 * once its lease expires, and the page in Chromium shows one result.
 */
class ClusterJobsIT {
  private static final String SECRET = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
  private static final Pattern RAN_ON = Pattern.compile(" on (\\d+)$");

  @TempDir static Path dir;
  @RegisterExtension static final Browser browser = Browser.perClass();

  static final List<Process> processes = new ArrayList<>();
  static Process web;
  static final List<Process> workers = new ArrayList<>();
  static int port;

  @BeforeAll
  static void startTwoClusteredNodes() throws Exception {
    // a cluster of its own: the conf's members on loopback, under a name no other test uses
    Path cluster = dir.resolve("cluster.xml");
    Files.writeString(
        cluster,
        Files.readString(Path.of("conf", "cluster.xml"))
            .replace(
                "<cluster-name>dash4j</cluster-name>",
                "<cluster-name>jobs-" + UUID.randomUUID() + "</cluster-name>"));
    port = Ports.free();
    String jobs =
        "{\"secret\": \""
            + SECRET
            + "\", \"leaseMillis\": 2400, \"claimPollMillis\": 300, \"poolSize\": %d}";
    web =
        launch(
            "web",
            cluster,
            "{\"app\": \"io.dash4j.jobs.JobsTestApp\", \"host\": \"127.0.0.1\", \"port\": "
                + port
                + ", \"jobs\": "
                + String.format(jobs, 0)
                + "}");
    for (String name : List.of("worker-1", "worker-2")) {
      workers.add(
          launch(
              name,
              cluster,
              "{\"app\": \"io.dash4j.jobs.JobsTestApp\", \"roles\": [\"workers\"], \"jobs\": "
                  + String.format(jobs, 1)
                  + "}"));
    }
    Launched.awaitIndex(Http.to("http://127.0.0.1:" + port + "/"), web, dir.resolve("web.err"));
    for (String name : List.of("worker-1", "worker-2")) {
      Path log = dir.resolve(name + ".err");
      for (int i = 0; i < 600 && !Files.readString(log).contains("dash4j worker: running"); i++) {
        Thread.sleep(100);
      }
      assertThat(Files.readString(log)).as(name + " started").contains("dash4j worker: running");
    }
  }

  private static Process launch(String name, Path cluster, String config) throws Exception {
    var process =
        Launched.java(
            dir.resolve(name + ".err"),
            "-Dvertx.hazelcast.config=" + cluster,
            "-cp",
            System.getProperty("java.class.path"),
            DashLauncher.class.getName(),
            "-conf",
            config,
            "-cluster",
            "-cluster-host",
            "127.0.0.1");
    processes.add(process);
    return process;
  }

  @AfterAll
  static void stopAll() throws Exception {
    for (Process process : processes) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aJobStartedOnTheWebNodeRunsOnAWorkerNodeAndOnTheOtherWhenThatOneIsKilled() throws Exception {
    browser.openApp("http://127.0.0.1:" + port + "/");
    browser.recordTexts("result");
    browser.click("#run");
    // any report before the last: cluster-wide store calls are slower, so a poll may skip steps
    browser.waitUntil(
        "the job to report progress",
        () -> browser.text("#status").matches("step [1-8]/10 on \\d+"));
    long first = pidIn(browser.text("#status"));
    assertThat(browser.text("#result")).as("the job is still running").isEmpty();
    assertThat(workers.stream().map(Process::pid)).as("a worker node runs it").contains(first);

    new ProcessBuilder("kill", "-9", Long.toString(first)).start().waitFor();
    ProcessHandle.of(first).ifPresent(dead -> dead.onExit().join());

    browser.waitForTextContains("#result", "done 1 on ");
    String result = browser.text("#result");
    long second = pidIn(result);
    assertThat(second).isNotEqualTo(first).isNotEqualTo(web.pid());
    assertThat(workers.stream().map(Process::pid)).contains(second);
    browser.waitForNoPendingCallbacks();
    assertThat(browser.recordedTexts("result")).containsExactly(result);
    browser.assertNoErrorsLogged();
  }

  private static long pidIn(String text) {
    Matcher ranOn = RAN_ON.matcher(text);
    assertThat(ranOn.find()).as("a pid in \"%s\"", text).isTrue();
    return Long.parseLong(ranOn.group(1));
  }
}
