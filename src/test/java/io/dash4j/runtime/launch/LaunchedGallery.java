package io.dash4j.runtime.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.testing.Http;
import io.dash4j.testing.Launched;
import io.dash4j.testing.UpdateRequests;
import java.nio.file.Path;

/** The example gallery as the launcher tests start it in a child JVM and check that it serves. */
final class LaunchedGallery {
  private LaunchedGallery() {}

  /**
   * Inline config for the gallery on loopback at {@code port}, with a jobs secret (its background
   * callbacks need one outside debug mode); {@code "app"} too unless {@code app} is null.
   */
  static String config(String app, int port) {
    return "{"
        + (app == null ? "" : "\"app\": \"" + app + "\", ")
        + "\"port\": "
        + port
        + ", \"host\": \"127.0.0.1\", \"jobs\": {\"secret\": \""
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\"}}";
  }

  /**
   * Waits for {@code server}'s index, then checks the gallery's layout and its greeting callback,
   * greeting {@code name}; returns the client for more checks.
   */
  static Http assertServes(Process server, Path stderr, int port, String name) throws Exception {
    var http = Http.to("http://127.0.0.1:" + port + "/");
    Launched.awaitIndex(http, server, stderr);
    var layout = http.get("_dash-layout");
    assertThat(layout.statusCode()).isEqualTo(200);
    assertThat(layout.body()).contains("dash4j gallery");
    var greeting =
        http.postJson(
            "_dash-update-component",
            UpdateRequests.valueChange("greeting", "name", name).encode());
    assertThat(greeting.statusCode()).as(greeting.body()).isEqualTo(200);
    assertThat(greeting.body()).contains("Hello, " + name + "!");
    return http;
  }
}
