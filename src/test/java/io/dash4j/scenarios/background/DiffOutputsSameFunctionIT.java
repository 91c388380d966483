package io.dash4j.scenarios.background;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.testing.BackgroundApps;
import io.dash4j.testing.Browser;
import io.dash4j.testing.JobStoreKind;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dash's tests/background_callback/test_basic_long_callback015.py (app_diff_outputs.py): one
 * function, registered from the same line for two outputs, runs as two background callbacks, each
 * updating its own output.
 */
class DiffOutputsSameFunctionIT {
  @RegisterExtension
  static final BackgroundApps apps = BackgroundApps.of(DiffOutputsSameFunctionIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            button("click 1").id("button-1"),
            button("click 2").id("button-2"),
            div().id("output-1"),
            div().id("output-2")));
    for (int i = 1; i <= 2; i++) {
      register(app, i);
    }
    return app;
  }

  private static void register(DashApp app, int index) {
    app.callback(
        Output.of("output-" + index, Html.Div.CHILDREN),
        Input.of("button-" + index, Html.Button.N_CLICKS),
        clicks -> "Clicked on " + index,
        options ->
            options
                .background(true)
                .interval(Duration.ofMillis(200)) // Dash: the default, 1 s
                .preventInitialCall(true));
  }

  /** lcbc015: button i shows "Clicked on i" in output i, for i = 1, 2. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc015_diffOutputsSameFunc(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    for (int i = 1; i <= 2; i++) {
      browser.click("#button-" + i);
      browser.waitForText("#output-" + i, "Clicked on " + i);
    }

    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }
}
