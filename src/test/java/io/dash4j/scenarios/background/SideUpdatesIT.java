package io.dash4j.scenarios.background;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
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
 * Dash's tests/background_callback/test_basic_long_callback010.py (app_side_update.py): every
 * progress report of a background callback (interval 0) reaches the page as a change of the
 * progress output, so a regular callback on that output runs once per report.
 */
class SideUpdatesIT {
  @RegisterExtension static final BackgroundApps apps = BackgroundApps.of(SideUpdatesIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            button("Run").id("run-button"),
            button("Cancel").id("cancel-button"),
            div("Finished").id("status"),
            div("No results").id("result"),
            div().id("side-status")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("run-button", Html.Button.N_CLICKS),
        clicks -> {
          for (int i = 0; i < 4; i++) {
            CallbackContext.current().setProgress("Progress " + i + "/4");
            Thread.sleep(500); // Dash: 1 s
          }
          return "Clicked '" + clicks + "'";
        },
        options ->
            options
                .background(true)
                .progress(Output.of("status", Html.Div.CHILDREN))
                .progressDefault("Finished")
                .cancel(Input.of("cancel-button", Html.Button.N_CLICKS))
                .interval(Duration.ZERO)
                .preventInitialCall(true));
    app.callback(
        Output.of("side-status", Html.Div.CHILDREN),
        Input.of("status", Html.Div.CHILDREN),
        progress -> "Side " + progress,
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * lcbc010: "Side Progress 1/4" to "3/4" show one after the other. The texts are recorded in the
   * page rather than polled, so a step shorter than a poll of the test is still seen, and no report
   * may show twice.
   */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc010_sideUpdates(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    browser.recordTexts("side-status");

    browser.click("#run-button");
    browser.waitForText("#result", "Clicked '1'");
    browser.waitForText("#side-status", "Side Finished");

    // the poll answers the latest report only, so under load a step could merge into the next:
    // Dash asserts 1/4 to 3/4, the first report is not required
    assertThat(browser.recordedTexts("side-status"))
        .containsSubsequence(
            "Side Progress 1/4", "Side Progress 2/4", "Side Progress 3/4", "Side Finished")
        .doesNotHaveDuplicates()
        .endsWith("Side Finished");

    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }
}
