package io.dash4j.jobs;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.testing.BridgeClient;
import io.dash4j.testing.IndexHtml;
import io.dash4j.testing.ServedApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code jobs.push}: on (the default), a background app's pages connect to the socket door, which
 * plain callbacks still do not use unless asked; off, pages do not connect and jobs are polled
 * only.
 */
class PushSettingIT {
  @RegisterExtension static final ServedApp pushing = ServedApp.of(() -> app(true));
  @RegisterExtension static final ServedApp polling = ServedApp.of(() -> app(false));

  static DashApp app(boolean push) {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.config().jobs().push(push);
    app.layout(div(button("Go").id("go"), div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("go", Html.Button.N_CLICKS),
        n -> "done " + n,
        options -> options.background(true).preventInitialCall(true));
    return app;
  }

  @Test
  void pagesOfABackgroundAppConnectForPushesButPlainCallbacksKeepHttp() {
    JsonObject websocket =
        new IndexHtml(pushing.http().get("").body()).config().getJsonObject("websocket");
    assertThat(websocket).isNotNull();
    assertThat(websocket.getBoolean("enabled")).isFalse();
    assertThat(websocket.getString("url")).endsWith("_dash-ws");
    assertThat(websocket.getString("worker_url")).isNotBlank();
    try (var socket = BridgeClient.connect(pushing.url())) {
      socket.claim("renderer-1", BackgroundProtocolIT.pageToken(pushing));
    }
  }

  @Test
  void withPushOffPagesDoNotConnect() {
    var index = new IndexHtml(polling.http().get("").body());
    assertThat(index.config().containsKey("websocket")).isFalse();
    assertThatThrownBy(() -> BridgeClient.connect(polling.url()).close())
        .as("no socket door to connect to")
        .hasMessageContaining("cannot open a socket");
  }
}
