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
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * Dash's tests/background_callback/test_basic_long_callback017.py (app_arbitrary.py): {@code
 * setProps} inside a running job reaches the page before the job's result, and a background
 * callback without outputs shows its updates too.
 */
class LongCallbackSetPropsIT {
  @RegisterExtension
  static final BackgroundApps apps = BackgroundApps.of(LongCallbackSetPropsIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            button("start").id("start"),
            div().id("secondary"),
            div().id("no-output"),
            div("initial").id("output"),
            button("start-no-output").id("start-no-output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("start", Html.Button.N_CLICKS),
        clicks -> {
          var context = CallbackContext.current();
          context.setProps("secondary", Map.of("children", "first"));
          context.setProps("secondary", Map.of("style", Map.of("background", "red")));
          Thread.sleep(1500); // Dash: 2 s; the checks before the result happen meanwhile
          context.setProps("secondary", Map.of("children", "second"));
          return "completed";
        },
        options ->
            options
                .background(true)
                .interval(Duration.ofMillis(200)) // Dash: 500 ms
                .preventInitialCall(true));
    app.callbackWithoutOutput(
        Input.of("start-no-output", Html.Button.N_CLICKS),
        clicks -> {
          var context = CallbackContext.current();
          context.setProps("no-output", Map.of("children", "started"));
          Thread.sleep(1000); // Dash: 2 s
          context.setProps("no-output", Map.of("children", "completed"));
        },
        options ->
            options
                .background(true)
                .interval(Duration.ofMillis(200)) // Dash: the default, 1 s
                .preventInitialCall(true));
    return app;
  }

  /**
   * lcbc017: "first" and the red background show while the output is still "initial", then "second"
   * and "completed"; the callback without outputs shows "started" then "completed".
   */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc017_longCallbackSetProps(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    browser.click("#start");

    browser.waitForText("#secondary", "first");
    browser.waitUntil(
        "#secondary's background-color to be rgba(255, 0, 0, 1)",
        () ->
            "rgba(255, 0, 0, 1)"
                .equals(
                    browser
                        .driver()
                        .findElement(By.cssSelector("#secondary"))
                        .getCssValue("background-color")));
    browser.waitForText("#output", "initial");
    browser.waitForText("#secondary", "second");
    browser.waitForText("#output", "completed");

    browser.click("#start-no-output");
    browser.waitForText("#no-output", "started");
    browser.waitForText("#no-output", "completed");

    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }
}
