package io.dash4j.scenarios.background;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
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
 * Dash's tests/background_callback/test_basic_long_callback001.py (app1.py): an input typed into
 * fast, each key starting a background job that supersedes the one before, settles on the last
 * value.
 */
class LongCallbackFastInputIT {
  @RegisterExtension
  static final BackgroundApps apps = BackgroundApps.of(LongCallbackFastInputIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            input("input").value("initial value"),
            div(div(1.5, null, "string", div().id("output-1")))));
    app.callback(
        Output.of("output-1", Html.Div.CHILDREN),
        Input.of("input", Dcc.DccInput.VALUE.asString()),
        value -> {
          Thread.sleep(100);
          return value;
        },
        options -> options.background(true).interval(Duration.ofMillis(200)));
    return app;
  }

  /** lcbc001: rapid input settles on the final value, never on a superseded one. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc001_fastInput(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    browser.waitForText("#output-1", "initial value");

    browser.recordTexts("output-1");
    browser.type("#input", "hello world"); // clears the input, then one key event per character
    browser.waitForText("#output-1", "hello world");

    browser.waitForNoPendingCallbacks();
    // No superseded job may land after the last one: the page ends on the last value.
    assertThat(browser.text("#output-1")).isEqualTo("hello world");
    assertThat(Shown.texts(browser, "output-1")).last().isEqualTo("hello world");
    browser.assertNoErrorsLogged();
  }
}
