package io.dash4j.scenarios.background;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.BackgroundApps;
import io.dash4j.testing.Browser;
import io.dash4j.testing.JobStoreKind;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dash's tests/background_callback/test_basic_long_callback004.py (app4.py): a background callback
 * reports progress, a Cancel button stops it and puts the progress default back, and a rerun
 * without caching shows its progress again.
 */
class LongCallbackProgressIT {
  @RegisterExtension
  static final BackgroundApps apps = BackgroundApps.of(LongCallbackProgressIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            input("input").value("hello, world"),
            button("Run").id("run-button"),
            button("Cancel").id("cancel-button"),
            div("Finished").id("status"),
            div("No results").id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("run-button", Html.Button.N_CLICKS),
        State.of("input", Dcc.DccInput.VALUE.asString()),
        (clicks, value) -> {
          for (int i = 0; i < 4; i++) {
            CallbackContext.current().setProgress("Progress " + i + "/4");
            Thread.sleep(1000);
          }
          return "Processed '" + value + "'";
        },
        options ->
            options
                .background(true)
                .progress(Output.of("status", Html.Div.CHILDREN))
                .progressDefault("Finished")
                .cancel(Input.of("cancel-button", Html.Button.N_CLICKS))
                .interval(Duration.ofMillis(500))
                .preventInitialCall(true));
    return app;
  }

  /** lcbc004: progress, cancel back to the default, reruns without caching. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc004_longCallbackProgress(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    browser.waitForText("#status", "Finished");
    browser.waitForText("#result", "No results");

    browser.click("#run-button");
    browser.waitForText("#status", "Progress 2/4");
    browser.click("#cancel-button");
    browser.waitForText("#status", "Finished");
    browser.waitForText("#result", "No results");

    browser.click("#run-button");
    browser.waitForText("#status", "Progress 2/4");
    browser.waitForText("#status", "Finished");
    browser.waitForText("#result", "Processed 'hello, world'");

    browser.click("#run-button");
    browser.waitForText("#status", "Progress 2/4");
    browser.waitForText("#status", "Finished");
    browser.waitForText("#result", "Processed 'hello, world'");

    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }
}
