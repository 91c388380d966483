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
 * Dash's tests/background_callback/test_basic_long_callback009.py (app_short_interval.py): with a
 * poll interval of zero the page polls back to back; progress shows, the result ends the job, and
 * the status stays at the progress default afterwards.
 */
class LongCallbackShortIntervalIT {
  /** Holds the job at "Progress 2/4" until the test has seen it. */
  @RegisterExtension static final Gate gate = new Gate();

  @RegisterExtension
  static final BackgroundApps apps = BackgroundApps.of(LongCallbackShortIntervalIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            button("Run").id("run-button"),
            button("Cancel").id("cancel-button"),
            div("Finished").id("status"),
            div("No results").id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("run-button", Html.Button.N_CLICKS),
        clicks -> {
          for (int i = 0; i < 4; i++) {
            CallbackContext.current().setProgress("Progress " + i + "/4");
            if (i == 2) {
              gate.pass(); // meanwhile the page polls back to back
            }
            Thread.sleep(300);
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
    return app;
  }

  /** lcbc009: interval 0 shows progress, ends "Finished" and stays so. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc009_shortInterval(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    gate.close();
    browser.recordTexts("status", "result");
    browser.click("#run-button");
    Shown.waitFor(browser, "status", "Progress 2/4");
    gate.open();
    browser.waitForText("#status", "Finished");
    browser.waitForText("#result", "Clicked '1'");

    // Dash sleeps 2 s and looks again. Here: once the page polls no more, nothing can change the
    // status, and in everything it showed, "Finished" came last and once.
    browser.waitForNoPendingCallbacks();
    assertThat(browser.text("#status")).isEqualTo("Finished");
    assertThat(Shown.texts(browser, "status")).endsWith("Finished").containsOnlyOnce("Finished");
    assertThat(Shown.texts(browser, "result")).containsExactly("Clicked '1'");
    browser.assertNoErrorsLogged();
  }
}
