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
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dash's tests/background_callback/test_ctx_cookies.py (app_ctx_cookies.py): a cookie a regular
 * callback sets is read inside a background job through the callback context.
 */
class CtxCookiesIT {
  @RegisterExtension static final BackgroundApps apps = BackgroundApps.of(CtxCookiesIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            button("set-cookies").id("set-cookies"),
            button("use-cookies").id("use-cookies"),
            div().id("intermediate"),
            div("output").id("output")));
    app.callback(
        Output.of("intermediate", Html.Div.CHILDREN),
        Input.of("set-cookies", Html.Button.N_CLICKS),
        clicks -> {
          CallbackContext.current().response().setCookie("bg-cookie", "cookie-value");
          return "ok";
        },
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("use-cookies", Html.Button.N_CLICKS),
        clicks -> CallbackContext.current().cookies().get("bg-cookie"),
        options ->
            options
                .background(true)
                .interval(Duration.ofMillis(200)) // Dash: the default, 1 s
                .preventInitialCall(true));
    return app;
  }

  /** Dash's test_lcbc019_ctx_cookies: the job reads "cookie-value". */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc019_ctxCookies(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    browser.click("#set-cookies");
    browser.waitForTextContains("#intermediate", "ok");

    browser.click("#use-cookies");
    browser.waitForTextContains("#output", "cookie-value");

    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }
}
