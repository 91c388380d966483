package io.dash4j.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dash4j.testing.Launched;
import io.dash4j.testing.Ports;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shaded jar as it ships ({@code target/dash4j.jar}), not the classes it was built from: its
 * manifest, its merged service files (the runtime is found by ServiceLoader) and the front end
 * packed into it. Run by the build's {@code jar-its} execution after {@code package} ({@code mvn
 * verify}); run in the test phase by name, before any jar was built, it is skipped.
 */
class LauncherJarIT {
  static final Path JAR = Path.of(System.getProperty("dash4j.jar", "target/dash4j.jar"));
  @TempDir Path dir;

  @BeforeAll
  static void theJarIsBuilt() {
    assumeTrue(
        Files.isRegularFile(JAR),
        JAR + " is not built yet: this test runs after package (mvn verify)");
  }

  /**
   * {@code java -jar}: the manifest's Main-Class is dash4j's launcher, which checks the config
   * before Vert.x runs.
   */
  @Test
  void javaDashJarRunsTheLauncher() throws Exception {
    Path stderr = dir.resolve("stderr.txt");
    Process jar =
        Launched.java(
            stderr, "-jar", JAR.toString(), "-conf", "{\"app\": \"com.example.NoSuchApp\"}");

    assertThat(jar.waitFor(30, TimeUnit.SECONDS)).as("exited").isTrue();
    List<String> lines = Files.readAllLines(stderr);
    assertThat(jar.exitValue()).as("exit code; stderr %s", lines).isEqualTo(2);
    assertThat(lines)
        .singleElement()
        .asString()
        .startsWith("dash4j:")
        .contains("com.example.NoSuchApp");
  }

  /**
   * The jar serves an app: the library holds none (the gallery is beside it), so the gallery's
   * classes are added to the jar's class path, and everything else (runtime, Vert.x, the front end)
   * comes from the jar.
   */
  @Test
  void theJarServesAnAppPageAssetsAndCallbacks() throws Exception {
    int port = Ports.free();
    Path stderr = dir.resolve("stderr.txt");
    String classPath = JAR + File.pathSeparator + Path.of("target", "test-classes");
    Process server =
        Launched.java(
            stderr,
            "-cp",
            classPath,
            DashLauncher.class.getName(),
            "-conf",
            LaunchedGallery.config("io.dash4j.gallery.Gallery", port));
    try {
      var http = LaunchedGallery.assertServes(server, stderr, port, "Jar");
      String index = http.get("").body();
      assertThat(index).contains("_dash-renderer");
      // a front-end script the index names, packed into the jar
      var script =
          Pattern.compile("src=\"/?([^\"]*dash_renderer[^\"]*\\.js[^\"]*)\"").matcher(index);
      assertThat(script.find()).as("the index names the renderer's script: %s", index).isTrue();
      assertThat(http.get(script.group(1)).statusCode()).isEqualTo(200);
    } finally {
      Launched.stop(server);
    }
  }

  static Stream<Arguments> vertxCommandLines() {
    String app = Path.of("target", "test-classes").toString();
    // What a Vert.x distribution's `vertx` command runs on: Vert.x core and its CLI, no dash4j.
    String vertxOnly =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(
                entry ->
                    Path.of(entry)
                        .getFileName()
                        .toString()
                        .matches(
                            "(vertx-core|vertx-launcher-legacy-cli|netty|jackson-core)-.*\\.jar"))
            .collect(Collectors.joining(File.pathSeparator));
    return Stream.of(
        Arguments.of("dash4j and the app on the class path", JAR + File.pathSeparator + app, null),
        Arguments.of("the app through run -cp", JAR.toString(), app),
        Arguments.of(
            "a vertx command, dash4j and the app through run -cp",
            vertxOnly,
            app + File.pathSeparator + JAR));
  }

  /**
   * Vert.x's own command line, {@code io.vertx.core.Launcher run dash4j:<app>}, as README gives it:
   * from the jar with the app beside it, or as a {@code vertx} command runs it, with the app (and
   * dash4j) handed to {@code run -cp}, which the CLI opens in a class loader of its own.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vertxCommandLines")
  void vertxsCommandLineRunsAnApp(String how, String classPath, String runClassPath)
      throws Exception {
    int port = Ports.free();
    Path stderr = dir.resolve("stderr.txt");
    var command =
        new ArrayList<>(
            List.of(
                "-cp",
                classPath,
                "io.vertx.core.Launcher",
                "run",
                "dash4j:io.dash4j.gallery.Gallery",
                "-conf",
                LaunchedGallery.config(null, port)));
    if (runClassPath != null) {
      command.addAll(List.of("-cp", runClassPath));
    }
    Process server = Launched.java(stderr, command.toArray(String[]::new));
    try {
      LaunchedGallery.assertServes(server, stderr, port, "Vert.x");
    } finally {
      Launched.stop(server);
    }
  }
}
