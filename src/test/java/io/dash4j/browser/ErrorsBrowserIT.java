package io.dash4j.browser;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A failing callback as a person sees it: in debug mode the dev tools show the error and its
 * message (Dash's {@code test_dveh001}); in production the page shows nothing internal. The input
 * is debounced so exactly one failing request is made (the renderer drops the answers of requests a
 * newer one overtook).
 */
class ErrorsBrowserIT {
  private static final String SECRET = "boom: the secret sauce is 42";

  /** Failing calls the production app ran. */
  static final AtomicInteger failures = new AtomicInteger();

  @RegisterExtension static final ServedApp debug = ServedApp.of(() -> failingApp(true));
  @RegisterExtension static final ServedApp production = ServedApp.of(() -> failingApp(false));
  @RegisterExtension static final Browser browser = Browser.perClass();

  private static DashApp failingApp(boolean debugMode) {
    var app = Dash.create(config -> config.port(0).debug(debugMode));
    app.layout(div(input("in").value("fine").debounce(true), div().id("out")));
    app.callback(
        Output.of("out", Html.CHILDREN),
        Input.of("in", Dcc.DccInput.VALUE.asString()),
        value -> {
          if (value.contains("fail")) {
            failures.incrementAndGet();
            throw new IllegalStateException(SECRET);
          }
          return "Echo: " + value;
        });
    return app;
  }

  @Test
  void inDebugModeTheDevToolsShowTheCallbackError() {
    browser.openApp(debug);
    browser.waitForText("#out", "Echo: fine");
    assertThat(browser.devToolsErrorCount()).isZero();

    browser.submit("#in", "fail");
    browser.waitUntil("the dev tools count an error", () -> browser.devToolsErrorCount() >= 1);
    browser.openDevToolsErrors();
    assertThat(browser.devToolsErrorTitles())
        .anySatisfy(title -> assertThat(title).contains("Callback error updating out.children"));
    assertThat(String.join("\n", browser.devToolsErrorBodies()))
        .contains(SECRET)
        .contains("IllegalStateException")
        .contains("ErrorsBrowserIT") // the app's own frame, where it threw
        .doesNotContain("io.dash4j.runtime"); // not the runtime's
    browser.waitForText("#out", "Echo: fine");
  }

  @Test
  void inProductionThePageShowsNothingInternal() {
    browser.openApp(production);
    browser.waitForText("#out", "Echo: fine");
    browser.assertNoErrorsLogged(); // what follows is the failing call's alone
    int failedBefore = failures.get();

    browser.submit("#in", "fail");
    browser.waitUntil("the failing call to run", () -> failures.get() == failedBefore + 1);
    browser.waitForNoPendingCallbacks();
    // the browser saw the call fail (a 500); the page shows nothing of it
    List<String> failed = new ArrayList<>();
    browser.waitUntil(
        "the browser to see the failed call", () -> failed.addAll(browser.failedResponses()));
    assertThat(failed)
        .singleElement()
        .asString()
        .startsWith("500 ")
        .endsWith("/_dash-update-component");
    browser.waitForText("#out", "Echo: fine");
    assertThat(browser.devToolsErrorCount()).isZero();
    String page = (String) browser.javascript("return document.body.innerText;");
    assertThat(page)
        .doesNotContain("secret")
        .doesNotContain("Exception")
        .doesNotContain("io.dash4j");
  }
}
