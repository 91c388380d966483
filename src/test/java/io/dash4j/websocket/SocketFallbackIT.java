package io.dash4j.websocket;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.Doors;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.WebSocketBlockingProxy;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same socket app with WebSocket blocked between the browser and the server (a proxy that
 * refuses WebSocket tunnels, as some corporate proxies do): SockJS falls back to its HTTP
 * transports and every socket feature still works, pushes and {@code getProps} included, with no
 * callback going over {@code _dash-update-component}.
 */
class SocketFallbackIT {
  static final WebSocketBlockingProxy proxy = WebSocketBlockingProxy.start();
  static final Doors doors = new Doors();

  @RegisterExtension static final ServedApp server = ServedApp.of(SocketFallbackIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass(proxy.chromiumArguments());

  @AfterAll
  static void stopProxy() {
    proxy.close();
  }

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            input("name").type(Dcc.DccInput.Type.TEXT).value("world"),
            div().id("greeting"),
            button("Push").id("push"),
            div("waiting").id("pushed")));
    app.callback(
        Output.of("greeting", Html.Div.CHILDREN),
        Input.of("name", Dcc.DccInput.VALUE),
        name -> {
          doors.door();
          return "Hello " + name;
        });
    app.callback(
        Output.of("pushed", Html.Div.CHILDREN),
        Input.of("push", Html.Button.N_CLICKS),
        n -> {
          doors.door();
          if (n == null) {
            return "waiting";
          }
          var context = CallbackContext.current();
          context.setProps("greeting", Map.of("children", "pushed while running"));
          Thread.sleep(300);
          return "read back: " + context.getProp("greeting", "children");
        });
    return app;
  }

  @Test
  void socketCallbacksWorkOverSockJsHttpTransportsWhenWebSocketIsBlocked() {
    browser.openApp(server);
    browser.waitForText("#greeting", "Hello world");
    browser.type("#name", "proxy");
    browser.waitForText("#greeting", "Hello proxy");
    browser.click("#push");
    browser.waitForText("#pushed", "read back: pushed while running");
    browser.waitForText("#greeting", "pushed while running");

    assertThat(doors.overHttp).hasValue(0);
    assertThat(doors.overSocket.get()).isGreaterThanOrEqualTo(4);
    assertThat(proxy.refused())
        .as("the browser tried a WebSocket and the proxy refused it")
        .isNotEmpty();
    assertThat(proxy.forwarded())
        .as("SockJS fell back to an HTTP transport")
        .anyMatch(r -> r.matches("POST .*/_dash-ws/[^/]+/[^/]+/xhr(_streaming|_send)?"));
    assertThat(proxy.forwarded()).noneMatch(r -> r.contains("_dash-update-component"));
    browser.assertNoErrorsLogged();
  }
}
