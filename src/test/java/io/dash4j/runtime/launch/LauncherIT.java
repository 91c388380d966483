package io.dash4j.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.testing.Launched;
import io.dash4j.testing.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The jar's entry point, {@link DashLauncher}, run as a child JVM the way {@code java -jar
 * dash4j.jar} runs it.
 */
class LauncherIT {
  @TempDir Path dir;

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        Arguments.of("a missing config file", null),
        Arguments.of("a file that is not JSON", "port: 8050\n"),
        Arguments.of("a file holding a JSON array", "[{\"app\": \"io.dash4j.gallery.Gallery\"}]"),
        Arguments.of("a config without app", "{\"port\": 8050}"),
        Arguments.of("an app class that does not exist", "{\"app\": \"com.example.NoSuchApp\"}"),
        Arguments.of("an app class that is no DashApplication", "{\"app\": \"java.lang.String\"}"),
        Arguments.of(
            "an unknown key", "{\"app\": \"io.dash4j.gallery.Gallery\", \"colour\": \"blue\"}"),
        Arguments.of(
            "a port that is a string",
            "{\"app\": \"io.dash4j.gallery.Gallery\", \"port\": \"8050\"}"),
        Arguments.of(
            "a port out of range", "{\"app\": \"io.dash4j.gallery.Gallery\", \"port\": 70000}"),
        Arguments.of(
            "an unknown role",
            "{\"app\": \"io.dash4j.gallery.Gallery\", \"roles\": [\"web\", \"cache\"]}"),
        Arguments.of(
            "an unknown jobs key",
            "{\"app\": \"io.dash4j.gallery.Gallery\", \"jobs\": {\"workers\": 2}}"),
        Arguments.of(
            "a job store that does not exist",
            "{\"app\": \"io.dash4j.gallery.Gallery\", \"jobs\": {\"store\": \"disk\"}}"),
        Arguments.of(
            "a jobs secret that is too short",
            "{\"app\": \"io.dash4j.jobs.JobsTestApp\", \"port\": 0, "
                + "\"jobs\": {\"secret\": \"c2hvcnQ=\"}}"),
        Arguments.of(
            "background callbacks in production without a jobs secret",
            "{\"app\": \"io.dash4j.jobs.JobsTestApp\", \"port\": 0, \"debug\": false}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void aBadConfigEndsTheLauncherWithOneLineOnStderr(String what, String content) throws Exception {
    Path config = dir.resolve("config.json");
    if (content != null) {
      Files.writeString(config, content);
    }
    Path stderr = dir.resolve("stderr.txt");
    Process launcher = launcher(stderr, "-conf", config.toString());

    assertFailsWithOneLine(what, launcher, stderr);
  }

  @Test
  void aPortAlreadyInUseEndsTheLauncherWithOneLineOnStderr() throws Exception {
    try (var taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      Path stderr = dir.resolve("stderr.txt");
      Process launcher =
          launcher(
              stderr,
              "-conf",
              "{\"app\":\"io.dash4j.gallery.Gallery\",\"port\":"
                  + taken.getLocalPort()
                  + ",\"host\":\"127.0.0.1\"}");

      assertFailsWithOneLine("a port in use", launcher, stderr);
    }
  }

  @Test
  void aGoodInlineConfigStartsTheGallery() throws Exception {
    int port = Ports.free();
    Path stderr = dir.resolve("stderr.txt");
    Process launcher =
        launcher(stderr, "-conf", LaunchedGallery.config("io.dash4j.gallery.Gallery", port));
    try {
      LaunchedGallery.assertServes(launcher, stderr, port, "Launcher");
    } finally {
      Launched.stop(launcher);
    }
  }

  /**
   * Vert.x's own command line, {@code io.vertx.core.Launcher run dash4j:<app class>} (what {@code
   * vertx run} runs): {@link DashVerticleFactory} serves the app the verticle name gives, with no
   * {@code "app"} in the config.
   */
  @Test
  void vertxsCommandLineRunsAnAppByItsVerticleName() throws Exception {
    int port = Ports.free();
    Path stderr = dir.resolve("stderr.txt");
    Process launcher =
        vertxRun(
            stderr,
            "dash4j:io.dash4j.gallery.Gallery",
            "-conf",
            LaunchedGallery.config(null, port));
    try {
      LaunchedGallery.assertServes(launcher, stderr, port, "CLI");
    } finally {
      Launched.stop(launcher);
    }
  }

  static Stream<Arguments> badVerticleNames() {
    return Stream.of(
        Arguments.of(
            "dash4j:com.example.NoSuchApp", "{}", "app class not found: com.example.NoSuchApp"),
        Arguments.of(
            "dash4j:java.lang.String",
            "{}",
            "app class java.lang.String does not implement io.dash4j.DashApplication"),
        Arguments.of("dash4j:", "{}", "verticle dash4j: names no app: give dash4j:<app class>"),
        Arguments.of(
            "dash4j:io.dash4j.gallery.Gallery",
            "{\"app\": \"io.dash4j.jobs.JobsTestApp\"}",
            "verticle dash4j:io.dash4j.gallery.Gallery and config \"app\" io.dash4j.jobs.JobsTestApp"
                + " name two apps: give one of them, or the same in both"));
  }

  /**
   * A bad app name is logged by Vert.x as dash4j's one line, with no stack trace; Vert.x's Launcher
   * then closes Vert.x, and the JVM ends with status 0: its handling of every failed deployment
   * ({@code Launcher.handleDeployFailed}), which {@code java -jar dash4j.jar} does not share.
   */
  @ParameterizedTest(name = "{0} with config {1}")
  @MethodSource("badVerticleNames")
  void vertxsCommandLineReportsABadAppInOneLine(String verticle, String config, String message)
      throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    Process launcher = vertxRun(stderr, verticle, "-conf", config);

    boolean exited = launcher.waitFor(20, TimeUnit.SECONDS);
    if (!exited) {
      launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    List<String> lines = Files.readAllLines(stderr);
    assertThat(exited).as("exited within 20 s; stderr %s", lines).isTrue();
    assertThat(lines).containsExactly("SEVERE: " + message);
    assertThat(launcher.exitValue()).as("Vert.x's exit status, as README says").isZero();
  }

  /** The launcher exits non-zero within 20 s, with exactly one line on stderr: dash4j's. */
  private static void assertFailsWithOneLine(String what, Process launcher, Path stderr)
      throws Exception {
    boolean exited = launcher.waitFor(20, TimeUnit.SECONDS);
    if (!exited) {
      launcher.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(exited).as("%s: exited within 20 s", what).isTrue();
    List<String> lines = Files.readAllLines(stderr);
    assertThat(launcher.exitValue()).as("%s: exit code; stderr %s", what, lines).isNotZero();
    assertThat(lines).as("%s: stderr", what).singleElement().asString().startsWith("dash4j:");
  }

  /**
   * Starts {@code java -cp <test class path> io.dash4j.runtime.launch.DashLauncher <args>}, stdout
   * discarded.
   */
  private static Process launcher(Path stderr, String... args) throws IOException {
    var command =
        new ArrayList<>(
            List.of("-cp", System.getProperty("java.class.path"), DashLauncher.class.getName()));
    command.addAll(List.of(args));
    return Launched.java(stderr, command.toArray(String[]::new));
  }

  /**
   * Starts {@code java -cp <test class path> io.vertx.core.Launcher run <verticle> <args>}, stdout
   * discarded; Java's log records on stderr one line each ({@code LEVEL: message}).
   */
  private static Process vertxRun(Path stderr, String verticle, String... args) throws IOException {
    var command =
        new ArrayList<>(
            List.of(
                "-Djava.util.logging.SimpleFormatter.format=%4$s: %5$s%6$s%n",
                "-cp",
                System.getProperty("java.class.path"),
                "io.vertx.core.Launcher",
                "run",
                verticle));
    command.addAll(List.of(args));
    return Launched.java(stderr, command.toArray(String[]::new));
  }
}
