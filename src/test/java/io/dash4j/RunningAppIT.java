package io.dash4j;

import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.testing.Http;
import java.io.IOException;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * {@code app.run()} finds the runtime through the service loader, says where it listens, and stops
 * when closed.
 */
class RunningAppIT {
  @Test
  void runServesTheAppOnTheBoundPortUntilClosed() {
    var app = Dash.create(config -> config.port(0).title("Run me"));
    app.layout(div("hello").id("greeting"));

    int port;
    try (RunningApp running = app.run()) {
      port = running.port();
      assertThat(port).isPositive();
      assertThat(running.url()).isEqualTo("http://localhost:" + port + "/");
      assertThat(Http.to(running.url()).get("").body()).contains("<title>Run me</title>");
    }

    assertThatThrownBy(() -> new Socket("localhost", port).close()).isInstanceOf(IOException.class);
  }
}
