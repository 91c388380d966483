package io.dash4j.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dash4j.testing.Http;
import io.dash4j.testing.Launched;
import io.dash4j.testing.Ports;
import io.dash4j.testing.UpdateRequests;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
            "{\"app\": \"io.dash4j.gallery.Gallery\", \"port\": "
                + port
                + ", \"host\": \"127.0.0.1\", \"jobs\": {\"secret\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}}");
    try {
      var http = Http.to("http://127.0.0.1:" + port + "/");
      Launched.awaitIndex(http, server, stderr);
      String index = http.get("").body();
      assertThat(index).contains("_dash-renderer");
      assertThat(http.get("_dash-layout").body()).contains("dash4j gallery");
      // a front-end script the index names, packed into the jar
      var script =
          Pattern.compile("src=\"/?([^\"]*dash_renderer[^\"]*\\.js[^\"]*)\"").matcher(index);
      assertThat(script.find()).as("the index names the renderer's script: %s", index).isTrue();
      assertThat(http.get(script.group(1)).statusCode()).isEqualTo(200);
      var greeting =
          http.postJson(
              "_dash-update-component",
              UpdateRequests.valueChange("greeting", "name", "Jar").encode());
      assertThat(greeting.statusCode()).as(greeting.body()).isEqualTo(200);
      assertThat(greeting.body()).contains("Hello, Jar!");
    } finally {
      Launched.stop(server);
    }
  }
}
