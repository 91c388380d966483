package io.dash4j.scenarios;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dash's tests/integration/callbacks/test_dynamic_callback.py: a callback registers callbacks while
 * it runs. dyn003 (importing a component library inside a callback) does not apply: a Java app's
 * component packages are all in the jar and loaded with the page.
 */
class DynamicCallbackIT {
  @RegisterExtension static final ServedApp dync001 = ServedApp.of(DynamicCallbackIT::dync001App);

  @RegisterExtension static final ServedApp dync002 = ServedApp.of(DynamicCallbackIT::dync002App);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp dync001App() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            div().id("output"),
            button("create").id("create"),
            div("initial").id("output-2"),
            button("dynamic").id("dynamic")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("create", Html.Button.N_CLICKS),
        clicks -> {
          app.callback(
              Output.of("output-2", Html.Div.CHILDREN),
              Input.of("dynamic", Html.Button.N_CLICKS),
              clicks2 -> "Dynamic clicks " + clicks2,
              options -> options.preventInitialCall(true));
          return "creator " + clicks;
        },
        options -> options.allowDynamicCallbacks().preventInitialCall(true));
    return app;
  }

  static DashApp dync002App() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(button("Add callbacks").id("add-callbacks"), div().id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("add-callbacks", Html.Button.N_CLICKS),
        clicks -> {
          app.callback(
              Output.of("no-exist", Html.Div.CHILDREN),
              Input.of("invalid", Html.Button.N_CLICKS),
              x -> "additional");
          return div("add callbacks");
        },
        options -> options.allowDynamicCallbacks().preventInitialCall(true));
    return app;
  }

  /** dync001: the callback made by a click works from the next click on. */
  @Test
  void dync001_dynamicCallback() {
    browser.openApp(dync001);
    browser.click("#dynamic");
    browser.click("#create");
    browser.waitForText("#output", "creator 1");
    browser.waitForText("#output-2", "initial");

    browser.click("#dynamic");
    browser.waitForText("#output-2", "Dynamic clicks 2");
  }

  /** dync002: a dynamic callback whose components are not in the page logs nothing. */
  @Test
  void dync002_dynamicCallbackWithoutElement() {
    browser.consoleErrors(); // start from a clean log
    browser.openApp(dync002);
    browser.click("#add-callbacks");
    browser.waitForText("#output", "add callbacks");
    browser.waitForNoPendingCallbacks();
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
