package io.dash4j.scenarios.background;

import static io.dash4j.components.Dcc.store;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.DashApp;
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
 * Dash's tests/background_callback/test_basic_long_callback013.py (app_unordered.py): a background
 * callback whose State is declared before its Input gets its arguments in declaration order.
 */
class UnorderedStateInputIT {
  @RegisterExtension
  static final BackgroundApps apps = BackgroundApps.of(UnorderedStateInputIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(div().id("output"), button("click").id("click"), store("stored").data("stored")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        State.of("stored", Dcc.Store.DATA),
        Input.of("click", Html.Button.N_CLICKS),
        (stored, clicks) -> stored,
        options ->
            options
                .background(true)
                .interval(Duration.ofMillis(200)) // Dash: the default, 1 s
                .preventInitialCall(true));
    return app;
  }

  /** lcbc013: the click shows the stored value, not the click count. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc013_unorderedStateInput(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    browser.click("#click");
    browser.waitForText("#output", "stored");

    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }
}
