package io.dash4j.scenarios.background;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.p;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.NoUpdate;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.components.Html;
import io.dash4j.testing.BackgroundApps;
import io.dash4j.testing.Browser;
import io.dash4j.testing.JobStoreKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dash's tests/background_callback/test_basic_long_callback008.py (app_error.py): an exception in a
 * background job shows in the debug dev tools as a BackgroundCallbackError and the callback keeps
 * working; PreventUpdate keeps the output; a multi-output job leaves the outputs it answers {@code
 * NO_UPDATE} for as they are.
 */
class LongCallbacksErrorIT {
  @RegisterExtension
  static final BackgroundApps apps = BackgroundApps.of(LongCallbacksErrorIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static final Duration JOB = Duration.ofMillis(500);
  static final Duration INTERVAL = Duration.ofMillis(200);

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            div(p("Button not clicked").id("output")),
            button("Run Job!").id("button"),
            div().id("output-status"),
            div().id("output1"),
            div().id("output2"),
            div().id("output3"),
            button("multi-output").id("multi-output")));
    app.callback(
        Output.of("output", Html.P.CHILDREN),
        Input.of("button", Html.Button.N_CLICKS),
        clicks -> {
          Thread.sleep(JOB.toMillis());
          if (clicks == 2) {
            throw new IllegalStateException("bad error");
          }
          if (clicks == 4) {
            throw new PreventUpdate();
          }
          return "Clicked " + clicks + " times";
        },
        options ->
            options
                .background(true)
                .running(Output.of("button", Html.Button.DISABLED), true, false)
                .interval(INTERVAL)
                .preventInitialCall(true));
    app.callback(
        Outputs.of(
            List.<Output<?>>of(
                Output.of("output-status", Html.Div.CHILDREN),
                Output.of("output1", Html.Div.CHILDREN),
                Output.of("output2", Html.Div.CHILDREN),
                Output.of("output3", Html.Div.CHILDREN))),
        Input.of("multi-output", Html.Button.N_CLICKS),
        clicks -> {
          Thread.sleep(JOB.toMillis());
          var values = new ArrayList<Object>();
          values.add("Updated: " + clicks);
          for (int i = 1; i <= 3; i++) {
            values.add(i <= clicks ? i : NoUpdate.NO_UPDATE);
          }
          return values;
        },
        options ->
            options
                .background(true)
                .running(Output.of("multi-output", Html.Button.DISABLED), true, false)
                .interval(INTERVAL)
                .preventInitialCall(true));
    return app;
  }

  /** Clicks {@code css} and waits until its job has run: the button disabled, then enabled. */
  private static void clickAndWait(String css) {
    browser.click(css);
    browser.waitForElement(css + ":disabled");
    browser.waitForElement(css + ":not([disabled])");
  }

  /**
   * lcbc008: the error of click 2 in the dev tools, click 3 updates, PreventUpdate on click 4,
   * click 5 updates; then three multi-output runs fill one more output each.
   */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc008_longCallbacksError(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));

    browser.click("#button");
    browser.waitForText("#output", "Clicked 1 times");

    clickAndWait("#button");
    browser.waitUntil("the dev tools to count an error", () -> browser.devToolsErrorCount() >= 1);
    assertThat(String.join("\n", browser.devToolsErrorBodies()))
        .contains(
            "io.dash4j.callback.BackgroundCallbackError: "
                + "An error occurred inside a background callback:")
        .contains("bad error");
    browser.waitForText("#output", "Clicked 1 times");

    clickAndWait("#button");
    browser.waitForText("#output", "Clicked 3 times");

    clickAndWait("#button");
    browser.waitForText("#output", "Clicked 3 times");
    clickAndWait("#button");
    browser.waitForText("#output", "Clicked 5 times");

    for (int i = 1; i <= 3; i++) {
      clickAndWait("#multi-output");
      browser.waitForText("#output-status", "Updated: " + i);
      for (int j = 1; j <= 3; j++) {
        assertThat(browser.text("#output" + j)).isEqualTo(j <= i ? String.valueOf(j) : "");
      }
    }

    browser.waitForNoPendingCallbacks();
    assertThat(browser.devToolsErrorCount()).as("the error of click 2 alone").isEqualTo(1);
  }
}
