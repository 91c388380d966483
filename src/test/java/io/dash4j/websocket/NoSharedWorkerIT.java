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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * HTTP stays the fallback: in a browser without SharedWorker (removed here before the page's
 * scripts run) the renderer sends socket callbacks to {@code _dash-update-component}, and they
 * still work, their {@code setProps} arriving with the answer. A persistent callback runs once, at
 * page load. {@code getProps}, which needs the socket, says that the page has none.
 */
class NoSharedWorkerIT {
  static final Doors doors = new Doors();

  @RegisterExtension static final ServedApp server = ServedApp.of(NoSharedWorkerIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeAll
  static void withoutSharedWorker() {
    ((ChromiumDriver) browser.driver())
        .executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument",
            Map.of("source", "delete window.SharedWorker;"));
  }

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            input("name").type(Dcc.DccInput.Type.TEXT).value("world"),
            div().id("greeting"),
            button("Go").id("go"),
            div().id("side"),
            div().id("persistent"),
            button("Ask").id("ask"),
            div().id("asked")));
    app.callback(
        Output.of("greeting", Html.Div.CHILDREN),
        Input.of("name", Dcc.DccInput.VALUE),
        name -> {
          doors.door();
          return "Hello " + name;
        });
    app.callback(
        Output.of("side", Html.Div.CHILDREN),
        Input.of("go", Html.Button.N_CLICKS),
        n -> {
          doors.door();
          CallbackContext.current().setProps("greeting", Map.of("children", "set by go " + n));
          return "go " + n;
        },
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of("asked", Html.Div.CHILDREN),
        Input.of("ask", Html.Button.N_CLICKS),
        n -> {
          try {
            return "name is " + CallbackContext.current().getProp("name", "value");
          } catch (IllegalStateException noSocket) {
            return noSocket.getMessage();
          }
        },
        options -> options.preventInitialCall(true));
    app.persistentCallback(
        () -> {
          doors.door();
          CallbackContext.current()
              .setProps("persistent", Map.of("children", "run " + doors.runs.incrementAndGet()));
        });
    return app;
  }

  @Test
  void socketCallbacksFallBackToHttp() {
    browser.openApp(server);
    assertThat(browser.javascript("return typeof window.SharedWorker;")).isEqualTo("undefined");
    browser.waitForText("#greeting", "Hello world");
    browser.waitForText("#persistent", "run 1");
    browser.type("#name", "http");
    browser.waitForText("#greeting", "Hello http");
    browser.click("#go");
    browser.waitForText("#side", "go 1");
    browser.waitForText("#greeting", "set by go 1");

    assertThat(doors.overSocket).hasValue(0);
    assertThat(doors.overHttp.get()).isGreaterThanOrEqualTo(4);
    assertThat(doors.runs).hasValue(1);
    browser.click("#ask");
    browser.waitForText(
        "#asked",
        "this call came over HTTP: the page has no socket (no SharedWorker), so getProps "
            + "cannot ask it; read the value with a State");
    browser.assertNoErrorsLogged();
  }
}
