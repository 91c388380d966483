package io.dash4j.scenarios.background;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dash's tests/background_callback/test_basic_long_callback002.py (app2.py) and
 * test_basic_long_callback003.py (app3.py): a background callback's {@code running} output shows
 * "Running" while a job runs and "Finished" after, a second click supersedes the job before it, and
 * a Cancel button stops a job so that its result never shows.
 */
class LongCallbackRunningIT {
  /** Jobs of app3 that returned a result (a cancelled job is interrupted and never returns). */
  static final AtomicInteger app3Returned = new AtomicInteger();

  /** Holds a job while the test supersedes (lcbc002) or cancels (lcbc003) it. */
  @RegisterExtension static final Gate gate = new Gate();

  @RegisterExtension
  static final BackgroundApps app2 = BackgroundApps.of(LongCallbackRunningIT::app2);

  @RegisterExtension
  static final BackgroundApps app3 = BackgroundApps.of(LongCallbackRunningIT::app3);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app2() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            button("Click Here").id("button-1").nClicks(0),
            div("Finished").id("status"),
            div("Not clicked").id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("button-1", Html.Button.N_CLICKS),
        clicks -> {
          gate.pass();
          Thread.sleep(500);
          return "Clicked " + clicks + " time(s)";
        },
        options ->
            options
                .background(true)
                .running(Output.of("status", Html.Div.CHILDREN), "Running", "Finished")
                .interval(Duration.ofMillis(200))
                .preventInitialCall(true));
    return app;
  }

  static DashApp app3() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            input("input").value("initial value"),
            button("Run").id("run-button"),
            button("Cancel").id("cancel-button"),
            div("Finished").id("status"),
            div("No results").id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("run-button", Html.Button.N_CLICKS),
        State.of("input", Dcc.DccInput.VALUE.asString()),
        (clicks, value) -> {
          gate.pass();
          Thread.sleep(500);
          app3Returned.incrementAndGet();
          return "Processed '" + value + "'";
        },
        options ->
            options
                .background(true)
                .running(Output.of("status", Html.Div.CHILDREN), "Running", "Finished")
                .cancel(Input.of("cancel-button", Html.Button.N_CLICKS))
                .interval(Duration.ofMillis(200))
                .preventInitialCall(true));
    return app;
  }

  /** lcbc002: "Running" while a job runs, "Finished" after; two quick clicks end at the third. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc002_longCallbackRunning(JobStoreKind store) throws Exception {
    browser.openApp(app2.served(store));
    browser.waitForText("#result", "Not clicked");
    browser.waitForText("#status", "Finished");

    browser.recordTexts("status", "result");
    browser.click("#button-1");
    Shown.waitFor(browser, "status", "Running");
    browser.waitForText("#result", "Clicked 1 time(s)");
    browser.waitForText("#status", "Finished");

    gate.close();
    browser.recordTexts("status", "result");
    browser.click("#button-1");
    Shown.waitFor(browser, "status", "Running");
    browser.waitUntil("the second click's job to run", () -> gate.arrived() == 1);
    browser.click("#button-1");
    // The third click's run cancels the second's job (oldJob), still running.
    browser.waitUntil("the superseded job to be interrupted", () -> gate.interrupted() == 1);
    gate.open();
    browser.waitForText("#result", "Clicked 3 time(s)");
    browser.waitForText("#status", "Finished");

    browser.waitForNoPendingCallbacks();
    // The job of the second click was superseded by the third: its result never showed.
    assertThat(Shown.texts(browser, "result")).containsExactly("Clicked 3 time(s)");
    browser.assertNoErrorsLogged();
  }

  /** lcbc003: Cancel keeps the previous result and ends "Running"; a rerun uses the new State. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc003_longCallbackRunningCancel(JobStoreKind store) throws Exception {
    app3Returned.set(0);
    browser.openApp(app3.served(store));
    browser.waitForText("#result", "No results");
    browser.waitForText("#status", "Finished");

    browser.click("#run-button");
    browser.waitForText("#result", "Processed 'initial value'");
    browser.waitForText("#status", "Finished");

    browser.type("#input", "hello world");

    gate.close();
    browser.recordTexts("status", "result");
    browser.click("#run-button");
    Shown.waitFor(browser, "status", "Running");
    browser.waitUntil("the job to run", () -> gate.arrived() == 1);
    browser.click("#cancel-button");
    browser.waitUntil("the cancel to interrupt the job", () -> gate.interrupted() == 1);
    gate.open();
    browser.waitForText("#status", "Finished");
    browser.waitForText("#result", "Processed 'initial value'");

    gate.close();
    browser.click("#run-button");
    browser.waitForText("#status", "Running");
    browser.waitUntil("the rerun to run", () -> gate.arrived() == 2);
    gate.open();
    browser.waitForText("#result", "Processed 'hello world'");
    browser.waitForText("#status", "Finished");

    browser.waitForNoPendingCallbacks();
    // Cancel ended the job: it never returned, and the page went back to "Finished" on the old
    // result before the rerun, which alone produced the new one.
    assertThat(app3Returned).hasValue(2);
    assertThat(browser.recordedStates())
        .startsWith(
            "Running|Processed 'initial value'",
            "Finished|Processed 'initial value'",
            "Running|Processed 'initial value'")
        .endsWith("Finished|Processed 'hello world'");
    browser.assertNoErrorsLogged();
  }
}
