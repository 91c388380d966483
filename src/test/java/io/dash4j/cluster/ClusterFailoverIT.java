package io.dash4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.testing.BridgeClient;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ClusterNodes;
import io.dash4j.testing.Http;
import io.dash4j.testing.Launched;
import io.dash4j.testing.Ports;
import io.dash4j.testing.RoundRobinProxy;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * A page behind a plain round-robin load balancer in front of three full nodes (every role), in
 * three JVMs: nothing is sticky, so the page's requests alternate nodes; a stream restarted or
 * stopped by a call another node serves stops where it runs; when the node holding its socket dies
 * ({@code kill -9}), the page reconnects through the balancer to a survivor, which announces it,
 * and its persistent callback runs again; a socket call running on a node that dies is answered so
 * (it has no deadline, and would otherwise wait for good).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {
  private static final Pattern ON = Pattern.compile(" on (\\d+)$");

  @TempDir static Path dir;
  @RegisterExtension static final Browser browser = Browser.perClass();

  static ClusterNodes cluster;
  static final List<Process> nodes = new ArrayList<>();
  static final List<Integer> ports = new ArrayList<>();
  static RoundRobinProxy balancer;

  @BeforeAll
  static void startThreeNodesBehindABalancer() throws Exception {
    cluster = ClusterNodes.in(dir);
    for (String name : List.of("n1", "n2", "n3")) {
      int port = Ports.free();
      ports.add(port);
      nodes.add(
          cluster.launch(
              name,
              "{\"app\": \"io.dash4j.cluster.ClusterTestApp\", \"host\": \"127.0.0.1\", \"port\": "
                  + port
                  + "}"));
    }
    for (int i = 0; i < nodes.size(); i++) {
      Launched.awaitIndex(
          Http.to("http://127.0.0.1:" + ports.get(i) + "/"),
          nodes.get(i),
          cluster.log("n" + (i + 1)));
    }
    balancer = RoundRobinProxy.start(ports);
  }

  @AfterAll
  static void stopAll() throws Exception {
    if (balancer != null) {
      balancer.close();
    }
    cluster.close();
  }

  @Test
  @Order(1)
  void aStreamRestartedOrStoppedThroughAnotherNodeStopsWhereItRuns() throws Exception {
    browser.openApp(balancer.url());
    browser.recordTexts("progress");
    for (int round = 1; round <= 3; round++) {
      // each call goes to the next node with callbacks: the restart and the stop reach another
      // node than the run they stop
      int first = 2 * round - 1;
      browser.click("#start");
      awaitTicking(first);
      browser.click("#start");
      awaitTicking(first + 1);
      int seen = browser.recordedTexts("progress").size();
      Thread.sleep(1_000); // long enough for a run left behind to tick ten times
      assertThat(since(seen))
          .as("the restarted run pushes no more")
          .noneMatch(text -> text.startsWith("run " + first + " "));

      browser.click("#stop");
      browser.waitForText("#progress", "idle");
      seen = browser.recordedTexts("progress").size();
      Thread.sleep(1_000);
      assertThat(since(seen)).as("the stopped run pushes no more").isEmpty();
    }
  }

  @Test
  @Order(2)
  void whenThePagesSocketNodeDiesThePageReconnectsToASurvivorAndItsPersistentCallbackRunsAgain()
      throws Exception {
    browser.openApp(balancer.url());
    browser.waitForTextContains("#joined", " joined on ");
    browser.waitForTextContains("#persistent", "persistent run ");
    browser.click("#run");
    browser.waitForTextContains("#result", "run 1 on ");
    assertThat(balancer.requests().values().stream().filter(n -> n > 0).count())
        .as("the page's requests went to every node: %s", balancer.requests())
        .isEqualTo(3);

    long socketNode = pidIn(browser.text("#joined"));
    String persistentBefore = browser.text("#persistent");
    Process dying = nodes.stream().filter(n -> n.pid() == socketNode).findFirst().orElseThrow();
    ClusterNodes.kill(dying);

    // the worker reconnects after about a second, through the balancer, to a live node
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline
        && (pidIn(browser.text("#joined")) == socketNode
            || browser.text("#persistent").equals(persistentBefore))) {
      Thread.sleep(200);
    }
    assertThat(pidIn(browser.text("#joined")))
        .as("the page joined again on a survivor")
        .isNotEqualTo(socketNode);
    assertThat(browser.text("#persistent"))
        .as("the persistent callback ran again")
        .isNotEqualTo(persistentBefore)
        .startsWith("persistent run ");

    // and callbacks go on, to live nodes only
    browser.click("#run");
    browser.waitForTextContains("#result", "run 2 on ");
    assertThat(pidIn(browser.text("#result"))).isNotEqualTo(socketNode);
  }

  @Test
  @Order(3)
  void aSocketCallWhoseNodeDiesIsAnsweredThatItsNodeLeft() throws Exception {
    int survivor = 0;
    while (!nodes.get(survivor).isAlive()) {
      survivor++;
    }
    long doorPid = nodes.get(survivor).pid();
    try (var page = BridgeClient.connect("http://127.0.0.1:" + ports.get(survivor) + "/")) {
      page.claim("failover-socket");
      // the bus takes turns between the survivors: the calls that run on the door's own node go on
      for (int click = 1; click <= 8; click++) {
        String reply = "r.failover." + click;
        page.callback(
            "slow-socket.children",
            UpdateRequests.click("slow-socket-go", click, "slow-socket"),
            "failover-socket",
            reply);
        long runner = runnerOf(page, click);
        if (runner == doorPid) {
          continue;
        }
        ClusterNodes.kill(nodes.stream().filter(n -> n.pid() == runner).findFirst().orElseThrow());
        JsonObject answer = frameFor(page, reply);
        assertThat(answer.getString("type")).as("%s", answer).isEqualTo("err");
        assertThat(answer.getInteger("failureCode")).isEqualTo(503);
        assertThat(answer.getString("message"))
            .isEqualTo("The node running this callback left the cluster");
        return;
      }
      throw new AssertionError("no call ran on the other survivor: " + page.received());
    }
  }

  /** The pid a running slow socket call said it runs on. */
  private static long runnerOf(BridgeClient page, int click) {
    var runs = Pattern.compile("slow socket " + click + " runs on (\\d+)");
    JsonObject said =
        page.awaitFrame(frame -> runs.matcher(frame.encode()).find(), Duration.ofSeconds(20));
    if (said == null) {
      throw new AssertionError("call " + click + " did not start: " + page.received());
    }
    Matcher m = runs.matcher(said.encode());
    m.find();
    return Long.parseLong(m.group(1));
  }

  /** The frame answering {@code replyAddress}, within 30 s (the bus alone would never answer). */
  private static JsonObject frameFor(BridgeClient page, String replyAddress) {
    JsonObject answer =
        page.awaitFrame(
            frame -> replyAddress.equals(frame.getString("address")), Duration.ofSeconds(30));
    if (answer == null) {
      throw new AssertionError("no answer at " + replyAddress + ": " + page.received());
    }
    return answer;
  }

  /** The texts {@code #progress} showed after the first {@code seen} recorded. */
  private static List<String> since(int seen) {
    List<String> texts = browser.recordedTexts("progress");
    return texts.subList(seen, texts.size());
  }

  /** Waits until the stream's run {@code run} has pushed three ticks or more. */
  private static void awaitTicking(int run) {
    var tick = Pattern.compile("^run " + run + " tick (\\d+) on ");
    browser.waitUntil(
        "run " + run + " ticking",
        () -> {
          Matcher m = tick.matcher(browser.text("#progress"));
          return m.find() && Integer.parseInt(m.group(1)) >= 3;
        });
  }

  private static long pidIn(String text) {
    Matcher joined = ON.matcher(text);
    assertThat(joined.find()).as("a pid in \"%s\"", text).isTrue();
    return Long.parseLong(joined.group(1));
  }
}
