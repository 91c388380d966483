package io.dash4j.scenarios.background;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;

/**
 * Dash's tests/background_callback/test_basic_long_callback007.py (app7.py): a background callback
 * with progress and cancel on components that appear only after a click works as on a static
 * layout: progress, cancel back to the progress default, reruns without caching.
 *
 * <p>Dash declares the later components in {@code app.validation_layout}; dash4j has no separate
 * validation layout, so the app suppresses callback exceptions instead, which is what lets the
 * renderer accept callbacks on components not yet in the layout.
 */
class LongCallbackValidationLayoutIT {
  /** Jobs that returned a result (a cancelled job is interrupted and never returns). */
  static final AtomicInteger returned = new AtomicInteger();

  /** Holds a job at "Progress 2/4" until the test has seen it, or cancels it. */
  @RegisterExtension static final Gate gate = new Gate();

  @RegisterExtension
  static final BackgroundApps apps = BackgroundApps.of(LongCallbackValidationLayoutIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true).suppressCallbackExceptions(true));
    app.layout(div(button("Show").id("show-layout-button"), div().id("dynamic-layout")));
    app.callback(
        Output.of("dynamic-layout", Html.Div.CHILDREN),
        Input.of("show-layout-button", Html.Button.N_CLICKS),
        clicks ->
            clicks == null
                ? List.of()
                : div(
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
            if (i == 2) {
              gate.pass();
            }
            Thread.sleep(300);
          }
          returned.incrementAndGet();
          return "Processed '" + value + "'";
        },
        options ->
            options
                .background(true)
                .progress(Output.of("status", Html.Div.CHILDREN))
                .progressDefault("Finished")
                .cancel(Input.of("cancel-button", Html.Button.N_CLICKS))
                .interval(Duration.ofMillis(100))
                .preventInitialCall(true));
    return app;
  }

  /** lcbc007: progress, cancel and reruns on components the layout shows only after a click. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc007_validationLayout(JobStoreKind store) throws Exception {
    returned.set(0);
    browser.openApp(apps.served(store));
    assertThat(browser.driver().findElements(By.id("run-button"))).as("not shown yet").isEmpty();

    browser.click("#show-layout-button");
    browser.waitForText("#status", "Finished");
    browser.waitForText("#result", "No results");

    gate.close();
    browser.recordTexts("status", "result");
    browser.click("#run-button");
    Shown.waitFor(browser, "status", "Progress 2/4");
    browser.click("#cancel-button");
    browser.waitUntil("the cancel to interrupt the job", () -> gate.interrupted() == 1);
    gate.open();
    browser.waitForText("#status", "Finished");
    browser.waitForText("#result", "No results");

    gate.close();
    browser.recordTexts("status", "result");
    browser.click("#run-button");
    Shown.waitFor(browser, "status", "Progress 2/4");
    gate.open();
    browser.waitForText("#status", "Finished");
    browser.waitForText("#result", "Processed 'hello, world'");
    assertThat(returned).as("the cancelled job never returned").hasValue(1);

    gate.close();
    browser.recordTexts("status", "result");
    browser.click("#run-button");
    Shown.waitFor(browser, "status", "Progress 2/4");
    gate.open();
    browser.waitForText("#status", "Finished");
    browser.waitForText("#result", "Processed 'hello, world'");
    assertThat(returned).as("without caching the rerun ran a job").hasValue(2);

    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }
}
