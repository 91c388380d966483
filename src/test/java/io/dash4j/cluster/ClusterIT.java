package io.dash4j.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.testing.BridgeClient;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ClusterNodes;
import io.dash4j.testing.Http;
import io.dash4j.testing.Launched;
import io.dash4j.testing.Ports;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * Three dash4j nodes in three JVMs, joined by Hazelcast on loopback, each with a role of its own: A
 * serves only the doors ({@code ["web"]}), B the doors and the app's callbacks, C the doors and
 * background workers. Whatever a node does, it says on which process it ran ({@link
 * ClusterTestApp}), so each test sees the work cross nodes: a page on A runs its callbacks on B;
 * B's pushes reach a page whose socket is on A, and B reads from it; a callback a dynamic creator
 * made on B is called through A, until B dies; a page joining on C is announced to pages on A and
 * B; a page's renderer id belongs to one socket in the whole cluster, and to another node's socket
 * once its node died; a node that joins late replays what was published before; a node with another
 * app is refused; with no node left to serve a callback, its calls answer 503.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
  @TempDir static Path dir;
  @RegisterExtension static final Browser browser = Browser.perClass();

  static ClusterNodes cluster;
  static Process a;
  static Process b;
  static Process c;
  static String urlA;
  static String urlB;
  static String urlC;

  @BeforeAll
  static void startThreeNodes() throws Exception {
    cluster = ClusterNodes.in(dir);
    int[] ports = {Ports.free(), Ports.free(), Ports.free()};
    a = cluster.launch("a", config(ports[0], "\"web\""));
    b = cluster.launch("b", config(ports[1], "\"web\", \"callbacks\""));
    c = cluster.launch("c", config(ports[2], "\"web\", \"workers\""));
    urlA = "http://127.0.0.1:" + ports[0] + "/";
    urlB = "http://127.0.0.1:" + ports[1] + "/";
    urlC = "http://127.0.0.1:" + ports[2] + "/";
    Launched.awaitIndex(Http.to(urlA), a, cluster.log("a"));
    Launched.awaitIndex(Http.to(urlB), b, cluster.log("b"));
    Launched.awaitIndex(Http.to(urlC), c, cluster.log("c"));
  }

  private static String config(int port, String roles) {
    return "{\"app\": \"io.dash4j.cluster.ClusterTestApp\", \"host\": \"127.0.0.1\", \"port\": "
        + port
        + ", \"roles\": ["
        + roles
        + "], \"callbackTimeoutMillis\": 3000}";
  }

  @AfterAll
  static void stopAll() throws Exception {
    cluster.close();
  }

  @Test
  @Order(1)
  void aPageFromTheWebOnlyNodeRunsItsCallbacksOnTheCallbacksNodeAndGetsItsPushes() {
    browser.openApp(urlA);
    browser.click("#run");
    browser.waitForTextContains("#result", "run 1 on " + b.pid());

    // over the socket, which lives on A: the callback runs on B and pushes to the page on A
    browser.click("#push");
    browser.waitForTextContains("#push-done", "push 1 done beside \"run 1 on " + b.pid() + "\"");
    assertThat(browser.text("#pushed")).isEqualTo("pushed 1 from " + b.pid());

    // a dynamic creator runs on B; the renderer fetches the callbacks again from A, which learnt
    // of the new one from B, and its calls go to B
    browser.click("#make");
    browser.waitForTextContains("#made", "made on " + b.pid());
    browser.click("#use");
    browser.waitForTextContains("#used", "used 1 on " + b.pid());
    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }

  @Test
  @Order(2)
  void aNodeWithoutCallbacksRelaysEachCallToANodeWithThem() throws Exception {
    var reply =
        Http.to(urlC)
            .postJson("_dash-update-component", UpdateRequests.click("run", 2, "result").encode());
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
    assertThat(reply.body()).contains("run 2 on " + b.pid());
    var unknown =
        Http.to(urlC)
            .postJson("_dash-update-component", UpdateRequests.click("run", 1, "nowhere").encode());
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
  }

  @Test
  @Order(3)
  void aPageJoiningOnOneNodeIsAnnouncedToPagesOnTheOthers() {
    try (var onA = BridgeClient.connect(urlA);
        var onB = BridgeClient.connect(urlB);
        var onC = BridgeClient.connect(urlC)) {
      onA.claim("listener-a");
      onB.claim("listener-b");
      onC.claim("joiner-c");
      String announced = "joiner-c joined on " + c.pid();
      assertThat(awaitFrameContaining(onA, announced)).isTrue();
      assertThat(awaitFrameContaining(onB, announced)).isTrue();
    }
  }

  @Test
  @Order(4)
  void aRendererIdBelongsToOneSocketInTheWholeCluster() {
    try (var onA = BridgeClient.connect(urlA);
        var onB = BridgeClient.connect(urlB)) {
      onA.claim("twin-4");
      onB.register("twin-4");
      assertThat(nextError(onB)).isEqualTo("rejected");

      // once A's socket lets the page go, the id may be claimed on B
      onA.send(new JsonObject().put("type", "unregister").put("address", "dash4j.renderer.twin-4"));
      awaitClaim(onB, "twin-4");
    }
  }

  @Test
  @Order(5)
  void aNodeThatJoinsLateReplaysWhatWasPublishedBeforeItCame() throws Exception {
    String before = "before-5 joined on " + a.pid();
    try (var onA = BridgeClient.connect(urlA)) {
      onA.claim("before-5");
      assertThat(awaitFrameContaining(onA, before)).as("published before the late node").isTrue();
    }
    int port = Ports.free();
    Process late = cluster.launch("late", config(port, "\"web\""));
    String url = "http://127.0.0.1:" + port + "/";
    Launched.awaitIndex(Http.to(url), late, cluster.log("late"));
    try (var onLate = BridgeClient.connect(url)) {
      onLate.claim("late-5");
      // the replay comes first, before the announcement of this page's own join
      JsonObject replay = BridgeClient.body(onLate.next());
      assertThat(replay.getString("type")).as("%s", replay).isEqualTo("set_props_batch");
      assertThat(replay.getBoolean("replay")).isTrue();
      assertThat(replay.encode()).contains(before);
    } finally {
      Launched.stop(late);
    }
  }

  @Test
  @Order(6)
  void aDifferentAppIsRefusedWhenItJoins() throws Exception {
    Process other =
        cluster.launch(
            "other",
            "{\"app\": \"io.dash4j.gallery.Gallery\", \"host\": \"127.0.0.1\", \"port\": "
                + Ports.free()
                + ", \"jobs\": {\"secret\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}}");
    assertThat(other.waitFor(90, TimeUnit.SECONDS)).as("the other app's node exited").isTrue();
    String log = Files.readString(cluster.log("other"));
    assertThat(other.exitValue()).as(log).isNotZero();
    assertThat(log)
        .contains("io.dash4j.gallery.Gallery")
        .contains("differs from the one the cluster serves")
        .contains("io.dash4j.cluster.ClusterTestApp");
  }

  @Test
  @Order(7)
  void aPageWhoseNodeDiedMayBeClaimedOnASurvivorAndTheNodesOtherClaimsExpire() throws Exception {
    var orphan = BridgeClient.connect(urlC);
    var neverBack = BridgeClient.connect(urlC);
    orphan.claim("orphan-6");
    neverBack.claim("never-back-6");
    ClusterNodes.kill(c);
    try (var onB = BridgeClient.connect(urlB)) {
      awaitClaim(onB, "orphan-6");
      // B, finding C gone, released the claims C held, the page that never came back included
      // (unless a survivor's minutely sweep found C gone first)
      var released = Pattern.compile("released [1-9]\\d* page claims of node");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!released.matcher(Files.readString(cluster.log("a"))).find()
          && !released.matcher(Files.readString(cluster.log("b"))).find()
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertThat(Files.readString(cluster.log("a")) + Files.readString(cluster.log("b")))
          .containsPattern(released);
    } finally {
      orphan.close();
      neverBack.close();
    }
  }

  @Test
  @Order(8)
  void aCallRunningOnANodeThatDiesAnswers503AndLaterCallsFindNoNodeTheDoorsStayUp()
      throws Exception {
    var http = Http.to(urlA);
    // a call through A is running on B (the only node with callbacks) when B is killed: A fails
    // it as soon as it finds B gone, not when the bus gives up (3 s + 5 s here, answered 504)
    var inFlight =
        CompletableFuture.supplyAsync(
            () ->
                http.postJson(
                    "_dash-update-component", UpdateRequests.click("slow-go", 1, "slow").encode()));
    cluster.awaitLog("b", b, "slow call 1 started");
    // a call says where it runs once it outlives a deadline sweep (a tenth of the 3 s timeout)
    Thread.sleep(1_000);
    ClusterNodes.kill(b);
    var lost = inFlight.get(60, TimeUnit.SECONDS);
    assertThat(lost.statusCode()).as(lost.body()).isEqualTo(503);
    assertThat(lost.body()).contains("The node running this callback left the cluster");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    var reply =
        http.postJson("_dash-update-component", UpdateRequests.click("run", 3, "result").encode());
    // until the cluster has seen B go, a call may still be sent its way: it times out (the bus
    // gives up 5 s after the callback timeout, 3 s here)
    while (reply.statusCode() != 503 && System.nanoTime() < deadline) {
      assertThat(reply.statusCode()).as(reply.body()).isIn(503, 504);
      reply =
          http.postJson(
              "_dash-update-component", UpdateRequests.click("run", 3, "result").encode());
    }
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(503);
    assertThat(reply.body()).contains("No node serves this callback now");
    assertThat(http.get("_dash-layout").statusCode()).isEqualTo(200);
    // the callback B's dynamic creator made went with B
    assertThat(http.get("_dash-dependencies").body())
        .contains("result.children")
        .doesNotContain("used.children");
  }

  /** Whether a frame containing {@code text} comes within 20 s, skipping others. */
  private static boolean awaitFrameContaining(BridgeClient client, String text) {
    return client.awaitFrame(frame -> frame.encode().contains(text), Duration.ofSeconds(20))
        != null;
  }

  /** The body of the next error frame, skipping pushes. */
  private static String nextError(BridgeClient client) {
    for (int i = 0; i < 20; i++) {
      JsonObject frame = client.next();
      if ("err".equals(frame.getString("type"))) {
        return frame.getString("body");
      }
    }
    throw new AssertionError("no error frame among 20: " + client.received());
  }

  /**
   * Registers {@code rendererId} until the door confirms it (a refusal is retried, as the page's
   * worker does), for up to 30 s.
   */
  private static void awaitClaim(BridgeClient client, String rendererId) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      client.register(rendererId);
      JsonObject frame;
      while ((frame = client.poll(2_000)) != null) {
        if ("err".equals(frame.getString("type"))) {
          break;
        }
        if (("dash4j.renderer." + rendererId).equals(frame.getString("address"))
            && frame.encode().contains("registered")) {
          return;
        }
      }
    }
    throw new AssertionError(rendererId + " could not be claimed: " + client.received());
  }
}
