package io.dash4j.scenarios;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.CallbackDeclaration;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Dash's {@code tests/integration/callbacks/test_arbitrary_callbacks.py}: {@code set_props} from
 * server and clientside callbacks, callbacks without outputs, and what the renderer shows when one
 * of those returns a value. Each Dash test has its own app, served once for the class.
 */
class ArbitraryCallbacksIT {
  private static final AtomicInteger noOutput3Calls = new AtomicInteger();
  private static final AtomicInteger generateButtonCalls = new AtomicInteger();

  @RegisterExtension
  static final ServedApp globalSetProps = ServedApp.of(ArbitraryCallbacksIT::globalSetPropsApp);

  @RegisterExtension
  static final ServedApp noOutputs = ServedApp.of(ArbitraryCallbacksIT::noOutputsApp);

  @RegisterExtension static final ServedApp pages = ServedApp.of(ArbitraryCallbacksIT::pagesApp);

  @RegisterExtension
  static final ServedApp wildcard = ServedApp.of(ArbitraryCallbacksIT::wildcardSetPropsApp);

  @RegisterExtension
  static final ServedApp noOutputError = ServedApp.of(ArbitraryCallbacksIT::noOutputErrorApp);

  @RegisterExtension
  static final ServedApp multiSetProps = ServedApp.of(ArbitraryCallbacksIT::multiSetPropsApp);

  @RegisterExtension
  static final ServedApp clientside = ServedApp.of(ArbitraryCallbacksIT::clientsideNoOutputApp);

  @RegisterExtension
  static final ServedApp chain = ServedApp.of(ArbitraryCallbacksIT::setPropsChainApp);

  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void resetCounts() {
    noOutput3Calls.set(0);
    generateButtonCalls.set(0);
  }

  /**
   * Dash's {@code no_output} callbacks: a click on {@code button} sets secondary-output's children
   * to the id.
   */
  private static void setSecondaryOutputOnClick(DashApp app, String button) {
    app.callbackWithoutOutput(
        Input.of(button, Html.Button.N_CLICKS),
        clicks ->
            CallbackContext.current().setProps("secondary-output", Map.of("children", button)),
        options -> options.preventInitialCall(true));
  }

  static DashApp globalSetPropsApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(div().id("output"), div().id("secondary-output"), button("click").id("clicker")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("clicker", Html.Button.N_CLICKS),
        clicks -> {
          CallbackContext.current().setProps("secondary-output", Map.of("children", "secondary"));
          return "Clicked " + clicks + " times";
        },
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * test_arb001_global_set_props: a callback sets its Output and, through setProps, another div.
   */
  @Test
  void arb001_setPropsUpdatesAComponentBesidesTheOutput() {
    browser.openApp(globalSetProps);
    browser.click("#clicker");
    browser.waitForText("#output", "Clicked 1 times");
    browser.waitForText("#secondary-output", "secondary");
  }

  static DashApp noOutputsApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            div().id("secondary-output"),
            button("no-output").id("no-output"),
            button("no-output2").id("no-output2"),
            button("no-output3").id("no-output3")));
    setSecondaryOutputOnClick(app, "no-output");
    setSecondaryOutputOnClick(app, "no-output2");
    app.callbackWithoutOutput(
        Input.of("no-output3", Html.Button.N_CLICKS),
        clicks -> noOutput3Calls.incrementAndGet(),
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * test_arb002_no_output_callbacks: callbacks without outputs act through setProps, and one that
   * only has a side effect runs exactly once per click.
   */
  @Test
  void arb002_callbacksWithoutOutputsSetPropsAndRunOncePerClick() {
    browser.openApp(noOutputs);
    browser.click("#no-output");
    browser.waitForText("#secondary-output", "no-output");
    browser.click("#no-output2");
    browser.waitForText("#secondary-output", "no-output2");

    browser.click("#no-output3");
    // Dash sleeps 1 s then reads the count; here: wait for the call, let the renderer settle, then
    // check no second one
    browser.waitUntil("no_output3 to run", () -> noOutput3Calls.get() >= 1);
    browser.waitForNoPendingCallbacks();
    assertThat(noOutput3Calls.get()).isEqualTo(1);
  }

  /**
   * Dash's {@code use_pages=True} with one {@code register_page("page", "/")}. Dash serves {@code
   * page_container} when the app sets no layout; dash4j wants it set, so the layout is {@code
   * Pages.container()}.
   */
  static DashApp pagesApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(Pages.container());
    app.registerPage(
        Page.at("/")
            .name("page")
            .layout(
                () ->
                    div(
                        div().id("secondary-output"),
                        button("no-output").id("no-output"),
                        button("no-output2").id("no-output2"))));
    setSecondaryOutputOnClick(app, "no-output");
    setSecondaryOutputOnClick(app, "no-output2");
    return app;
  }

  /**
   * test_arb003_arbitrary_pages: callbacks without outputs work on the components of a registered
   * page.
   */
  @Test
  void arb003_callbacksWithoutOutputsWorkInsideARegisteredPage() {
    browser.openApp(pages);
    browser.click("#no-output");
    browser.waitForText("#secondary-output", "no-output");
    browser.click("#no-output2");
    browser.waitForText("#secondary-output", "no-output2");
  }

  static DashApp wildcardSetPropsApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            button("click").id("click"),
            div(div().id(Map.of("id", "output", "index", 0))).id("output")));
    app.callbackWithoutOutput(
        Input.of("click", Html.Button.N_CLICKS),
        clicks ->
            CallbackContext.current()
                .setProps(
                    Map.of("id", "output", "index", 0),
                    Map.of("children", "Clicked " + clicks + " times")),
        options -> options.preventInitialCall(true));
    return app;
  }

  /** test_arb004_wildcard_set_props: setProps addresses a component by a map id. */
  @Test
  void arb004_setPropsReachesAComponentWithAMapId() {
    browser.openApp(wildcard);
    browser.click("#click");
    browser.waitForText("#output", "Clicked 1 times");
  }

  static DashApp noOutputErrorApp() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(div(button("start").id("start")));
    // callbackWithoutOutput takes a void function; a hand-built declaration can return a value, as
    // Python's can
    app.register(
        new CallbackDeclaration(
            List.of(),
            false,
            List.of(Input.of("start", Html.Button.N_CLICKS)),
            args -> "clicked " + args.get(0),
            CallbackDeclaration.options(options -> options.preventInitialCall(true))));
    return app;
  }

  /**
   * test_arb005_no_output_error: a callback without outputs that returns a value is a dev-tools
   * error.
   */
  @Test
  void arb005_aValueReturnedWithoutOutputsIsReportedInTheDevTools() {
    browser.openApp(noOutputError);
    browser.click("#start");
    browser.waitForText(
        Browser.DEVTOOLS_ERROR_TITLE, "Callback error with no output from input start.n_clicks");
  }

  static DashApp multiSetPropsApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(List.of(button("start").id("start"), div("initial").id("output")));
    app.callbackWithoutOutput(
        Input.of("start", Html.Button.N_CLICKS),
        clicks -> {
          CallbackContext.current().setProps("output", Map.of("children", "changed"));
          CallbackContext.current()
              .setProps("output", Map.of("style", Map.of("background", "rgb(255,0,0)")));
        });
    return app;
  }

  /**
   * test_arb006_multi_set_props: two setProps calls for one component merge (children and style
   * both apply).
   */
  @Test
  void arb006_setPropsCallsForOneComponentMerge() {
    browser.openApp(multiSetProps);
    browser.click("#start");
    browser.waitForText("#output", "changed");
    browser.waitUntil(
        "#output background-color to be rgba(255, 0, 0, 1)",
        () ->
            "rgba(255, 0, 0, 1)"
                .equals(
                    browser
                        .driver()
                        .findElement(By.cssSelector("#output"))
                        .getCssValue("background-color")));
  }

  static DashApp clientsideNoOutputApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        List.of(button("start").id("start1"), button("start2").id("start2"), div().id("output")));
    app.clientsideCallback(
        ClientsideCallback.inline(
                "function(_) { dash_clientside.set_props('output', {children: 'start1'}); }")
            .preventInitialCall(true),
        Input.of("start1", Html.Button.N_CLICKS));
    app.clientsideCallback(
        ClientsideCallback.inline(
                "function(_) { dash_clientside.set_props('output', {children: 'start2'}); }")
            .preventInitialCall(true),
        Input.of("start2", Html.Button.N_CLICKS));
    return app;
  }

  /**
   * test_arb007_clientside_no_output: clientside callbacks without outputs set props in the
   * browser.
   */
  @Test
  void arb007_clientsideCallbacksWithoutOutputsSetProps() {
    browser.openApp(clientside);
    browser.click("#start1");
    browser.waitForText("#output", "start1");
    browser.click("#start2");
    browser.waitForText("#output", "start2");
  }

  static DashApp setPropsChainApp() {
    var app = Dash.create(config -> config.port(0).suppressCallbackExceptions(true));
    app.layout(
        div(
                button("origin button").id("origin-button"),
                div().id("generated-button-container"),
                div("initial text").id("generated-button-output"))
            .style(Map.of("padding", 50)));
    app.callbackWithoutOutput(
        Input.of("origin-button", Html.Button.N_CLICKS),
        clicks -> {
          generateButtonCalls.incrementAndGet();
          CallbackContext.current()
              .setProps(
                  "generated-button-container",
                  Map.of("children", button("generated button").id("generated-button").nClicks(0)));
        });
    app.callback(
        Output.of("generated-button-output", Html.Div.CHILDREN),
        Input.of("generated-button", Html.Button.N_CLICKS).allowOptional(),
        clicks -> "n_clicks: " + clicks,
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * test_arb008_set_props_chain_cb: a button created by setProps drives a callback whose input is
   * optional, click after click.
   */
  @Test
  void arb008_aButtonCreatedBySetPropsDrivesItsOptionalInputCallback() {
    browser.openApp(chain);
    int initialCalls = generateButtonCalls.get();
    browser.click("#origin-button");
    // the click re-creates the generated button with n_clicks 0: a click on the old one before that
    // would be lost
    browser.waitUntil(
        "generate_button to run for the click", () -> generateButtonCalls.get() > initialCalls);
    browser.waitForNoPendingCallbacks();
    for (int i = 1; i < 5; i++) {
      browser.click("#generated-button");
      browser.waitForText("#generated-button-output", "n_clicks: " + i);
    }
  }
}
