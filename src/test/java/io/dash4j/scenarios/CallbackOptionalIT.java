package io.dash4j.scenarios;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.NoUpdate;
import io.dash4j.callback.Output;
import io.dash4j.callback.State;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.PythonFormat;
import io.dash4j.testing.ServedApp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dash's {@code tests/integration/callbacks/test_callback_optional.py}: inputs and states marked
 * {@code allowOptional()} may name a component that is not in the page yet; the callback then gets
 * null (Python's {@code None}, hence the texts "None").
 */
class CallbackOptionalIT {
  @RegisterExtension static final ServedApp optionalInput = ServedApp.of(() -> app(false));
  @RegisterExtension static final ServedApp optionalState = ServedApp.of(() -> app(true));
  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void forgetEarlierConsoleErrors() {
    browser.consoleErrors();
  }

  /**
   * The app of both Dash tests: button1 puts button2 in the page once; "test-out" shows both click
   * counts, button2's read as an optional Input (cbop001) or an optional State (cbop002, which also
   * echoes button2's clicks).
   */
  static DashApp app(boolean button2AsState) {
    var app = Dash.create(config -> config.port(0).suppressCallbackExceptions(true));
    app.layout(
        div(
            button("Button 1").id("button1"),
            div().id("button-container"),
            div().id("test-out"),
            div().id("test-out2")));
    app.callback(
        Output.of("button-container", Html.Div.CHILDREN),
        Input.of("button1", Html.Button.N_CLICKS),
        State.of("button-container", Html.Div.CHILDREN),
        (clicks, children) ->
            children == null ? button("Button 2").id("button2") : NoUpdate.NO_UPDATE,
        options -> options.preventInitialCall(true));
    // Dash's test misspells prevent_inital_call, so this callback does run when the page loads
    app.callback(
        Output.of("test-out", Html.Div.CHILDREN),
        Input.of("button1", Html.Button.N_CLICKS),
        button2AsState
            ? State.of("button2", Html.Button.N_CLICKS).allowOptional()
            : Input.of("button2", Html.Button.N_CLICKS).allowOptional(),
        (n, n2) -> PythonFormat.str(n) + " - " + PythonFormat.str(n2)); // Python's f"{n} - {n2}"
    if (button2AsState) {
      app.callback(
          Output.of("test-out2", Html.Div.CHILDREN),
          Input.of("button2", Html.Button.N_CLICKS).allowOptional(),
          n -> n != null && n != 0 ? n : NoUpdate.NO_UPDATE);
    }
    return app;
  }

  /**
   * How both Dash tests start: the page loads without errors with test-out at "None - None", then
   * button1's click brings in button2 and shows "1 - None".
   */
  private static void openAndAddButton2(ServedApp server) {
    browser.openApp(server);
    browser.waitForText("#button1", "Button 1");
    assertThat(browser.consoleErrors()).isEmpty();
    browser.waitForText("#test-out", "None - None");
    browser.click("#button1");
    browser.waitForText("#test-out", "1 - None");
  }

  /**
   * test_cbop001_optional_input: an optional Input is null until its component appears, then
   * triggers.
   */
  @Test
  void cbop001_anOptionalInputIsNullUntilItsComponentAppears() {
    openAndAddButton2(optionalInput);

    browser.click("#button2");
    browser.waitForText("#test-out", "1 - 1");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /**
   * test_cbop002_optional_state: an optional State is null until its component appears, and never
   * triggers.
   */
  @Test
  void cbop002_anOptionalStateIsNullUntilItsComponentAppearsAndNeverTriggers() {
    openAndAddButton2(optionalState);

    browser.click("#button2");
    browser.waitForText("#test-out2", "1");
    // a State does not trigger: once the click's callbacks have settled, test-out still shows the
    // old count
    browser.waitForNoPendingCallbacks();
    browser.waitForText("#test-out", "1 - None");
    browser.click("#button1");
    browser.waitForText("#test-out", "2 - 1");
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
