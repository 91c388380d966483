package io.dash4j.scenarios.background;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.State;
import io.dash4j.components.Html;
import io.dash4j.testing.BackgroundApps;
import io.dash4j.testing.Browser;
import io.dash4j.testing.JobStoreKind;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dash's tests/background_callback/test_basic_long_callback014.py (app_progress_delete.py): a
 * progress report reaches the page once, so a clientside counter on the progress output counts
 * exactly the two reports, however many polls (interval 200 ms) happen meanwhile.
 */
class ProgressDeleteIT {
  @RegisterExtension static final BackgroundApps apps = BackgroundApps.of(ProgressDeleteIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            button("Start").id("start"),
            div().id("output"),
            div().id("progress-output"),
            div(0).id("progress-counter")));
    app.clientsideCallback(
        ClientsideCallback.inline("function(_, previous) { return parseInt(previous) + 1; }")
            .preventInitialCall(true),
        Output.of("progress-counter", Html.Div.CHILDREN),
        Input.of("progress-output", Html.Div.CHILDREN),
        State.of("progress-counter", Html.Div.CHILDREN));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("start", Html.Button.N_CLICKS),
        clicks -> {
          var context = CallbackContext.current();
          context.setProgress("start");
          Thread.sleep(1000); // Dash: 2 s; several polls still see no new report
          context.setProgress("stop");
          return "done";
        },
        options ->
            options
                .background(true)
                .progress(Output.of("progress-output", Html.Div.CHILDREN))
                .interval(Duration.ofMillis(200))
                .preventInitialCall(true));
    return app;
  }

  /** lcbc014: after "done" the counter reads 2. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc014_progressDelete(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    browser.click("#start");
    browser.waitForText("#output", "done");
    browser.waitForNoPendingCallbacks();

    assertThat(browser.text("#progress-counter")).isEqualTo("2");
    browser.assertNoErrorsLogged();
  }
}
