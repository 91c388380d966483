package io.dash4j.websocket;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Dcc.slider;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h1;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.Results;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.Doors;
import io.dash4j.testing.ServedApp;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;

/**
 * Dash's {@code tests/websocket/test_ws_basic.py} (ws001–ws008): callbacks over the socket door,
 * per callback or app-wide, beside HTTP ones, with State, context, several outputs and an initial
 * call. Each app's {@link Doors} counts which door its calls came through, so a test fails if the
 * page quietly fell back to HTTP.
 */
class WebsocketBasicIT {
  static final Doors perCallbackDoors = new Doors();
  static final Doors globalDoors = new Doors();
  static final Doors mixedDoors = new Doors();
  static final Doors stateDoors = new Doors();
  static final Doors multiDoors = new Doors();
  static final Doors sliderDoors = new Doors();
  static final Doors cookieDoors = new Doors();

  @RegisterExtension
  static final ServedApp perCallback = ServedApp.of(WebsocketBasicIT::perCallbackApp);

  @RegisterExtension static final ServedApp global = ServedApp.of(WebsocketBasicIT::globalApp);
  @RegisterExtension static final ServedApp mixed = ServedApp.of(WebsocketBasicIT::mixedApp);
  @RegisterExtension static final ServedApp withState = ServedApp.of(WebsocketBasicIT::stateApp);
  @RegisterExtension static final ServedApp context = ServedApp.of(WebsocketBasicIT::contextApp);
  @RegisterExtension static final ServedApp multi = ServedApp.of(WebsocketBasicIT::multiOutputApp);
  @RegisterExtension static final ServedApp sliderApp = ServedApp.of(WebsocketBasicIT::sliderApp);
  @RegisterExtension static final ServedApp cookies = ServedApp.of(WebsocketBasicIT::cookieApp);
  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void reset() {
    browser.consoleErrors();
  }

  static DashApp perCallbackApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            h1("Per-Callback WebSocket Test"),
            input("ws-input").type(Dcc.DccInput.Type.TEXT).placeholder("Type here..."),
            div().id("ws-output")));
    app.callback(
        Output.of("ws-output", Html.Div.CHILDREN),
        Input.of("ws-input", Dcc.DccInput.VALUE),
        value -> {
          perCallbackDoors.door();
          return "WS: " + (value == null ? "" : value);
        },
        options -> options.websocket(true));
    return app;
  }

  /** test_ws001_per_callback_websocket. */
  @Test
  void ws001_perCallbackWebsocket() {
    browser.openApp(perCallback);
    browser.waitForText("#ws-output", "WS:");
    browser.waitForElement("#ws-input").sendKeys("hello");
    browser.waitForText("#ws-output", "WS: hello");
    assertThat(perCallbackDoors.overHttp).hasValue(0);
    assertThat(perCallbackDoors.overSocket.get()).isGreaterThanOrEqualTo(2);
    browser.assertNoErrorsLogged();
  }

  static DashApp globalApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            button("Click me").id("btn").nClicks(0),
            div().id("output"),
            input("input").type(Dcc.DccInput.Type.TEXT),
            div().id("input-output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          globalDoors.door();
          return "Clicked " + n + " times";
        });
    app.callback(
        Output.of("input-output", Html.Div.CHILDREN),
        Input.of("input", Dcc.DccInput.VALUE),
        value -> {
          globalDoors.door();
          return "Input: " + (value == null ? "" : value);
        });
    return app;
  }

  /** test_ws002_global_websocket_callbacks. */
  @Test
  void ws002_globalWebsocketCallbacks() {
    browser.openApp(global);
    browser.waitForText("#output", "Clicked 0 times");
    browser.click("#btn");
    browser.waitForText("#output", "Clicked 1 times");
    browser.waitForElement("#input").sendKeys("test");
    browser.waitForText("#input-output", "Input: test");
    assertThat(globalDoors.overHttp).hasValue(0);
    browser.assertNoErrorsLogged();
  }

  static DashApp mixedApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            div(input("ws-input").type(Dcc.DccInput.Type.TEXT), div().id("ws-output")),
            div(input("http-input").type(Dcc.DccInput.Type.TEXT), div().id("http-output"))));
    app.callback(
        Output.of("ws-output", Html.Div.CHILDREN),
        Input.of("ws-input", Dcc.DccInput.VALUE),
        value -> (mixedDoors.door() ? "[WebSocket] " : "[HTTP?] ") + (value == null ? "" : value),
        options -> options.websocket(true));
    app.callback(
        Output.of("http-output", Html.Div.CHILDREN),
        Input.of("http-input", Dcc.DccInput.VALUE),
        value -> (mixedDoors.door() ? "[WebSocket?] " : "[HTTP] ") + (value == null ? "" : value));
    return app;
  }

  /** test_ws003_mixed_http_and_websocket: each callback answers through its own door. */
  @Test
  void ws003_mixedHttpAndWebsocket() {
    browser.openApp(mixed);
    browser.waitForElement("#ws-input").sendKeys("ws-test");
    browser.waitForText("#ws-output", "[WebSocket] ws-test");
    browser.waitForElement("#http-input").sendKeys("http-test");
    browser.waitForText("#http-output", "[HTTP] http-test");
    browser.assertNoErrorsLogged();
  }

  static DashApp stateApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            input("state-input").type(Dcc.DccInput.Type.TEXT).value("initial"),
            button("Submit").id("btn"),
            div().id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        State.of("state-input", Dcc.DccInput.VALUE),
        (n, state) -> {
          stateDoors.door();
          return n == null || n == 0 ? "Click to submit" : "Submitted: " + state;
        });
    return app;
  }

  /** test_ws004_websocket_with_state. */
  @Test
  void ws004_websocketWithState() {
    browser.openApp(withState);
    browser.waitForText("#output", "Click to submit");
    browser.type("#state-input", "new value");
    browser.click("#btn");
    browser.waitForText("#output", "Submitted: new value");
    assertThat(stateDoors.overHttp).hasValue(0);
    browser.assertNoErrorsLogged();
  }

  static DashApp contextApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(div(button("Check context").id("btn"), div().id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          if (n == null || n == 0) {
            return "Click to check";
          }
          var socket = CallbackContext.current().websocket();
          return socket != null && !socket.rendererId().isEmpty()
              ? "WebSocket context available"
              : "No WebSocket context";
        });
    return app;
  }

  /** test_ws005_websocket_context_available. */
  @Test
  void ws005_websocketContextAvailable() {
    browser.openApp(context);
    browser.waitForText("#output", "Click to check");
    browser.click("#btn");
    browser.waitForText("#output", "WebSocket context available");
    browser.assertNoErrorsLogged();
  }

  static DashApp multiOutputApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            button("Update").id("btn"),
            div().id("output1"),
            div().id("output2"),
            div().id("output3")));
    app.callback(
        Outputs.of(
            Output.of("output1", Html.Div.CHILDREN),
            Output.of("output2", Html.Div.CHILDREN),
            Output.of("output3", Html.Div.CHILDREN)),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          multiDoors.door();
          int clicks = n == null ? 0 : n;
          return Results.of("First: " + clicks, "Second: " + clicks * 2, "Third: " + clicks * 3);
        });
    return app;
  }

  /** test_ws006_websocket_multiple_outputs. */
  @Test
  void ws006_websocketMultipleOutputs() {
    browser.openApp(multi);
    browser.waitForText("#output1", "First: 0");
    browser.waitForText("#output2", "Second: 0");
    browser.waitForText("#output3", "Third: 0");
    browser.click("#btn");
    browser.waitForText("#output1", "First: 1");
    browser.waitForText("#output2", "Second: 2");
    browser.waitForText("#output3", "Third: 3");
    assertThat(multiDoors.overHttp).hasValue(0);
    browser.assertNoErrorsLogged();
  }

  static DashApp sliderApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(div(slider("slider").min(0).max(100).value(50).step(10), div().id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("slider", Dcc.Slider.VALUE),
        value -> {
          sliderDoors.door();
          return "Slider value: " + value;
        });
    return app;
  }

  /** test_ws007_websocket_slider_callback: the initial call goes over the socket. */
  @Test
  void ws007_sliderInitialCall() {
    browser.openApp(sliderApp);
    browser.waitForText("#output", "Slider value: 50");
    assertThat(sliderDoors.overSocket).hasValue(1);
    assertThat(sliderDoors.overHttp).hasValue(0);
    browser.assertNoErrorsLogged();
  }

  static DashApp cookieApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(input("ws-input").type(Dcc.DccInput.Type.TEXT), div().id("ws-output")));
    app.callback(
        Output.of("ws-output", Html.Div.CHILDREN),
        Input.of("ws-input", Dcc.DccInput.VALUE),
        value -> {
          cookieDoors.door();
          var context = CallbackContext.current();
          Map<String, String> jar = context.cookies();
          return "cookie="
              + jar.getOrDefault("wscookie", "")
              + " headers="
              + !context.headers().isEmpty();
        },
        options -> options.websocket(true));
    return app;
  }

  /**
   * test_ws008_websocket_request_context_cookies: the handshake's cookies reach the callback
   * context.
   */
  @Test
  void ws008_requestContextCookies() {
    browser.openApp(cookies);
    browser.waitForText("#ws-output", "cookie= headers=true");
    browser.driver().manage().addCookie(new Cookie("wscookie", "wsval"));
    int socketCallsBefore = cookieDoors.overSocket.get();
    int httpCallsBefore = cookieDoors.overHttp.get();
    browser.driver().navigate().refresh();
    browser.waitForPageReady();
    browser.waitForText("#ws-output", "cookie=wsval headers=true");
    // the reloaded page's one initial call, and it came over the socket: over HTTP the cookie would
    // reach it too
    assertThat(cookieDoors.overSocket).hasValue(socketCallsBefore + 1);
    assertThat(cookieDoors.overHttp).hasValue(httpCallsBefore);
    browser.assertNoErrorsLogged();
  }
}
