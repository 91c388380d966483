package io.dash4j.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.testing.Browser;
import io.dash4j.testing.ClusterNodes;
import io.dash4j.testing.Http;
import io.dash4j.testing.Launched;
import io.dash4j.testing.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  static ClusterNodes cluster;
  static Process web;
  static final List<Process> workers = new ArrayList<>();
  static int port;

  @BeforeAll
  static void startTwoClusteredNodes() throws Exception {
    cluster = ClusterNodes.in(dir);
    port = Ports.free();
    String jobs =
        "{\"secret\": \""
            + SECRET
            + "\", \"leaseMillis\": 2400, \"claimPollMillis\": 300, \"poolSize\": %d}";
    web =
        cluster.launch(
            "web",
            "{\"app\": \"io.dash4j.jobs.JobsTestApp\", \"host\": \"127.0.0.1\", \"port\": "
                + port
                + ", \"jobs\": "
                + String.format(jobs, 0)
                + "}");
    for (String name : List.of("worker-1", "worker-2")) {
      workers.add(
          cluster.launch(
              name,
              "{\"app\": \"io.dash4j.jobs.JobsTestApp\", \"roles\": [\"workers\"], \"jobs\": "
                  + String.format(jobs, 1)
                  + "}"));
    }
    Launched.awaitIndex(Http.to("http://127.0.0.1:" + port + "/"), web, cluster.log("web"));
    for (int i = 0; i < workers.size(); i++) {
      cluster.awaitLog("worker-" + (i + 1), workers.get(i), "dash4j worker: running");
    }
  }

  @AfterAll
  static void stopAll() throws Exception {
    cluster.close();
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

    ClusterNodes.kill(workers.stream().filter(w -> w.pid() == first).findFirst().orElseThrow());

    // the lease (2.4 s) expires, the cluster notices the death, the other worker runs the job's
    // ten steps again: beside a loaded run, more than a page's usual 10 s
    browser.waitUntil(
        "the job to finish on the other worker",
        Duration.ofSeconds(40),
        () -> browser.text("#result").contains("done 1 on "));
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
