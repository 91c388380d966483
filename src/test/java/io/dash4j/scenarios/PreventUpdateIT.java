package io.dash4j.scenarios;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.p;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.NoUpdate;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.callback.Results;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * Dash's {@code tests/integration/callbacks/test_prevent_update.py}: {@code PreventUpdate} and
 * {@code no_update} leave outputs as they are and do not trigger the callbacks that depend on them.
 * Each Dash test has its own app, served once for the class.
 */
class PreventUpdateIT {
  private static final AtomicInteger callback1Calls = new AtomicInteger();
  private static final AtomicInteger callback2Calls = new AtomicInteger();
  private static final AtomicInteger showClicksCalls = new AtomicInteger();

  @RegisterExtension static final ServedApp aborted = ServedApp.of(PreventUpdateIT::abortedApp);

  @RegisterExtension
  static final ServedApp multiNoUpdate = ServedApp.of(PreventUpdateIT::multiOutputNoUpdateApp);

  @RegisterExtension
  static final ServedApp chains = ServedApp.of(PreventUpdateIT::noUpdateChainsApp);

  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void reset() {
    callback1Calls.set(0);
    callback2Calls.set(0);
    showClicksCalls.set(0);
    browser.consoleErrors(); // drop what earlier pages logged: each test reads only its own (dash:
    // get_logs)
  }

  static DashApp abortedApp() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            input("input").value("initial input"),
            div("initial output").id("output1"),
            div("initial output").id("output2")));
    app.callback(
        Output.of("output1", Html.Div.CHILDREN),
        Input.of("input", Dcc.DccInput.VALUE),
        value -> {
          // the first two calls (page load, first key) raise PreventUpdate, later ones return
          // no_update
          if (callback1Calls.incrementAndGet() > 2) {
            return NoUpdate.NO_UPDATE;
          }
          throw new PreventUpdate();
        });
    app.callback(
        Output.of("output2", Html.Div.CHILDREN),
        Input.of("output1", Html.Div.CHILDREN),
        value -> {
          callback2Calls.incrementAndGet();
          return value;
        },
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * test_cbpu001_aborted_callback: raising PreventUpdate or returning no_update leaves the output
   * alone and never triggers the callback that takes that output as its input.
   */
  @Test
  void cbpu001_preventUpdateAndNoUpdateStopDependentCallbacks() {
    browser.openApp(aborted);
    String keys = "xyz";
    for (int i = 0; i < keys.length(); i++) {
      int expected = i + 2;
      browser.waitForElement("#input").sendKeys(keys.substring(i, i + 1));
      // callback1 runs 4x: page load and once per key
      browser.waitUntil(
          "callback1 to have run " + expected + " times", () -> callback1Calls.get() == expected);
    }
    browser.waitForText("#input", "initial inputxyz");
    browser.waitForNoPendingCallbacks();

    assertThat(callback2Calls.get())
        .as("callback2 is never triggered, even on initial load")
        .isZero();
    assertThat(browser.text("#output1")).isEqualTo("initial output");
    assertThat(browser.text("#output2")).isEqualTo("initial output");
    assertThat(callback1Calls.get()).isEqualTo(4);
    browser.assertNoErrorsLogged();
  }

  static DashApp multiOutputNoUpdateApp() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            button("B").id("btn"),
            p("initial1").id("n1"),
            p("initial2").id("n2"),
            p("initial3").id("n3")));
    app.callback(
        Outputs.of(
            Output.of("n1", Html.P.CHILDREN),
            Output.of("n2", Html.P.CHILDREN),
            Output.of("n3", Html.P.CHILDREN)),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          showClicksCalls.incrementAndGet();
          // partial or complete cancellation of updates via no_update
          return Results.of(
              n != null && n > 4 ? NoUpdate.NO_UPDATE : n,
              n != null && n > 2 ? NoUpdate.NO_UPDATE : n,
              NoUpdate.NO_UPDATE);
        });
    return app;
  }

  /**
   * test_cbpu002_multi_output_no_update: no_update in a multi-output callback's return cancels just
   * that output, so after ten clicks each output shows the last value it was allowed to take.
   */
  @Test
  void cbpu002_noUpdateCancelsSingleOutputsOfAMultiOutputCallback() {
    browser.openApp(multiNoUpdate);
    // Dash clicks ten times 0.2 s apart so each click's answer lands before the next; here each
    // click waits for
    // its call to have reached the server and its answer to have been applied
    for (int click = 1; click <= 10; click++) {
      int calls = click + 1;
      browser.click("#btn");
      browser.waitUntil(
          "click " + click + " to reach the server", () -> showClicksCalls.get() == calls);
      browser.waitForNoPendingCallbacks();
    }
    browser.waitForText("#n1", "4");
    browser.waitForText("#n2", "2");
    browser.waitForText("#n3", "initial3");
  }

  static DashApp noUpdateChainsApp() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            input("a_in").value("a"),
            input("b_in").value("b"),
            p("").id("a_out"),
            p("").id("a_out_short"),
            p("").id("b_out"),
            p("").id("ab_out")));
    app.callback(
        Outputs.of(Output.of("a_out", Html.P.CHILDREN), Output.of("a_out_short", Html.P.CHILDREN)),
        Input.of("a_in", Dcc.DccInput.VALUE.asString()),
        a -> Results.of(a, a.length() < 3 ? a : NoUpdate.NO_UPDATE));
    app.callback(Output.of("b_out", Html.P.CHILDREN), Input.of("b_in", Dcc.DccInput.VALUE), b -> b);
    app.callback(
        Output.of("ab_out", Html.P.CHILDREN),
        Input.of("a_out_short", Html.P.CHILDREN),
        State.of("b_out", Html.P.CHILDREN),
        (a, b) -> a + " " + b);
    return app;
  }

  /**
   * test_cbpu003_no_update_chains: a no_update output does not trigger its dependants, while a real
   * update does even when the new value equals the old one.
   */
  @Test
  void cbpu003_noUpdateBreaksAChainAndAnEqualValueStillTriggersIt() {
    browser.openApp(chains);
    var aIn = browser.waitForElement("#a_in");
    var bIn = browser.waitForElement("#b_in");

    bIn.sendKeys("b");
    aIn.sendKeys("a");
    browser.waitForText("#a_out", "aa");
    browser.waitForText("#b_out", "bb");
    browser.waitForText("#a_out_short", "aa");
    browser.waitForText("#ab_out", "aa bb");

    bIn.sendKeys("b");
    aIn.sendKeys("a");
    browser.waitForText("#a_out", "aaa");
    browser.waitForText("#b_out", "bbb");
    browser.waitForText("#a_out_short", "aa");
    browser.waitForNoPendingCallbacks();
    // ab_out has not been triggered because a_out_short received no_update
    browser.waitForText("#ab_out", "aa bb");

    bIn.sendKeys("b");
    aIn.sendKeys(Keys.END);
    aIn.sendKeys(Keys.BACK_SPACE);
    browser.waitForText("#a_out", "aa");
    browser.waitForText("#b_out", "bbbb");
    browser.waitForText("#a_out_short", "aa");
    // now ab_out *is* triggered: a_out_short got a new value, even though it equals the last one
    browser.waitForText("#ab_out", "aa bbbb");
  }
}
