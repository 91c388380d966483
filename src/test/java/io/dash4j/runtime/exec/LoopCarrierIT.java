package io.dash4j.runtime.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dash4j.runtime.launch.DashLauncher;
import io.dash4j.testing.Eventually;
import io.dash4j.testing.Http;
import io.dash4j.testing.Launched;
import io.dash4j.testing.Ports;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTP callbacks on virtual threads carried by the event loop ({@link LoopCarrier}), in a JVM of
 * JDK 24 or later started as a user starts dash4j on a class path ({@code --add-opens
 * java.base/java.lang=ALL-UNNAMED}, the launcher, {@link LoopCarrierTestApp}). The build's own JDK
 * 17 never takes this path, so the class runs the app on the newer JDK this kind of machine has
 * (Temurin 25, or the one {@code DASH4J_TEST_JDK24} names), and is skipped where there is none.
 */
class LoopCarrierIT {
  private static final Path JDK =
      Path.of(
          System.getenv().getOrDefault("DASH4J_TEST_JDK24", "/usr/lib/jvm/temurin-25-jdk-amd64"));

  private static Path dir;
  private static Path stderr;
  private static Process server;
  private static Http http;

  @BeforeAll
  static void startTheAppOnJdk24OrLater() throws Exception {
    Path java = JDK.resolve("bin").resolve("java");
    assumeTrue(Files.isExecutable(java), "no JDK 24+ at " + JDK + " (DASH4J_TEST_JDK24)");
    dir = Files.createTempDirectory("dash4j-loop-carrier");
    stderr = dir.resolve("stderr.txt");
    int port = Ports.free();
    server =
        Launched.start(
            List.of(
                java.toString(),
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                DashLauncher.class.getName(),
                "-conf",
                new JsonObject()
                    .put("app", LoopCarrierTestApp.class.getName())
                    .put("host", "127.0.0.1")
                    .put("port", port)
                    .encode()),
            stderr);
    http = Http.to("http://127.0.0.1:" + port + "/");
    Launched.awaitIndex(http, server, stderr);
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      Launched.stop(server);
    }
  }

  @Test
  void aCallbackRunsOnAVirtualThreadCarriedByTheEventLoopThatReceivedIt() throws Exception {
    String thread = children(click("thread-btn", 1, "thread"), "thread");

    assertThat(thread).startsWith("VirtualThread[").contains("@vert.x-eventloop-thread-");
    assertThat(Files.readString(stderr))
        .contains("HTTP callbacks on virtual threads carried by the event loop");
  }

  @Test
  void aCallbackThatBlocksLeavesTheLoopToTheCallThatUnblocksIt() throws Exception {
    // The gate is opened only by the second call, which the loop could never run if the first
    // held it: with the loop held, the first would answer 504 at its deadline.
    var held = CompletableFuture.supplyAsync(() -> click("hold-btn", 1, "held"));
    // Calls served while the first waits at the gate: the loop is free. (Opened before the first
    // arrived, the gate would prove nothing.)
    int[] asked = {0};
    assertThat(
            Eventually.holds(
                () ->
                    children(click("waiting-btn", ++asked[0], "waiting"), "waiting")
                        .equals("1 waiting at the gate"),
                Duration.ofSeconds(10)))
        .as("the blocked call waits at the gate while the loop answers others")
        .isTrue();

    var opened = click("open-btn", 1, "opened");

    assertThat(children(opened, "opened")).isEqualTo("opened");
    assertThat(children(held.get(20, TimeUnit.SECONDS), "held"))
        .startsWith("released on VirtualThread[")
        .contains("@vert.x-eventloop-thread-");
  }

  @Test
  void aCallbackThatComputesWithoutBlockingMovesToThePoolAfterItsStrikes() throws Exception {
    for (int call = 1; call <= LoopCarrier.STRIKES; call++) {
      assertThat(children(click("spin-btn", call, "spin"), "spin"))
          .as("call %d, before its callback has used its strikes", call)
          .contains("on VirtualThread[")
          .contains("@vert.x-eventloop-thread-");
    }

    String after = children(click("spin-btn", LoopCarrier.STRIKES + 1, "spin"), "spin");

    assertThat(after).contains("on Thread[").contains("dash4j-callback-");
    assertThat(Files.readString(stderr))
        .contains("callback spin.children held the event loop for")
        .contains("its calls run on the callback pool from now on");
  }

  @Test
  void aCallbackPastItsDeadlineIsAnswered504AndTheLoopServesTheNext() throws Exception {
    var late = click("sleep-btn", 1, "sleepy");

    assertThat(late.statusCode()).isEqualTo(504);
    assertThat(late.body())
        .contains("Callback timed out after " + LoopCarrierTestApp.TIMEOUT.toMillis() + " ms");
    assertThat(children(click("thread-btn", 2, "thread"), "thread")).startsWith("VirtualThread[");
  }

  private static HttpResponse<String> click(String button, int clicks, String output) {
    return http.postJson(
        "_dash-update-component", UpdateRequests.click(button, clicks, output).encode());
  }

  /** The {@code children} a 200 answer gives {@code output}. */
  private static String children(HttpResponse<String> response, String output) {
    assertThat(response.statusCode())
        .as("answer for %s: %s", output, response.body())
        .isEqualTo(200);
    return new JsonObject(response.body())
        .getJsonObject("response")
        .getJsonObject(output)
        .getString("children");
  }
}
