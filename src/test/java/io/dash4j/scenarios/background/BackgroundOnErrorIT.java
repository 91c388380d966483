package io.dash4j.scenarios.background;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dash's tests/background_callback/test_basic_long_callback018.py and 019 (app_bg_on_error.py): the
 * exception of a background job goes to the callback's own {@code onError}, else to the app's; a
 * handler's {@code setProps} reach the page, with or without outputs on the callback.
 */
class BackgroundOnErrorIT {
  @RegisterExtension static final BackgroundApps apps = BackgroundApps.of(BackgroundOnErrorIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.onError(error -> show("global-output", "global: " + error.getMessage()));
    app.layout(
        List.of(
            button("callback on_error").id("start-cb-onerror"),
            div().id("cb-output"),
            button("global on_error").id("start-global-onerror"),
            div().id("global-output"),
            button("no-output callback on_error").id("start-no-output-cb-onerror"),
            div().id("no-output-cb-onerror-output")));
    app.callback(
        Output.of("cb-output", Html.Div.CHILDREN),
        Input.of("start-cb-onerror", Html.Button.N_CLICKS),
        clicks -> {
          throw new Exception("callback error");
        },
        options ->
            background(options)
                .onError(error -> show("cb-output", "callback: " + error.getMessage())));
    app.callback(
        Output.of("global-output", Html.Div.CHILDREN),
        Input.of("start-global-onerror", Html.Button.N_CLICKS),
        clicks -> {
          throw new Exception("global error");
        },
        BackgroundOnErrorIT::background);
    app.callbackWithoutOutput(
        Input.of("start-no-output-cb-onerror", Html.Button.N_CLICKS),
        clicks -> {
          throw new Exception("no output callback error");
        },
        options ->
            background(options)
                .onError(
                    error ->
                        show("no-output-cb-onerror-output", "callback: " + error.getMessage())));
    return app;
  }

  private static io.dash4j.callback.CallbackOptions background(
      io.dash4j.callback.CallbackOptions options) {
    return options
        .background(true)
        .interval(Duration.ofMillis(200)) // Dash: the default, 1 s
        .preventInitialCall(true);
  }

  /** Dash's handlers: set a prop, return nothing (no update for the outputs). */
  private static Object show(String id, String text) {
    CallbackContext.current().setProps(id, Map.of("children", text));
    return null;
  }

  /** lcbc018: the callback's handler shows "callback error", the app's "global error". */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc018_backgroundCallbackOnError(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    browser.click("#start-cb-onerror");
    browser.waitForTextContains("#cb-output", "callback error");

    browser.click("#start-global-onerror");
    browser.waitForTextContains("#global-output", "global error");

    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }

  /** lcbc019: the handler of a callback without outputs shows its text exactly. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc019_backgroundCallbackOnErrorWithoutOutput(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    browser.click("#start-no-output-cb-onerror");
    browser.waitForText("#no-output-cb-onerror-output", "callback: no output callback error");

    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }
}
