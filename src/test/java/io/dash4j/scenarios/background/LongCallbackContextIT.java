package io.dash4j.scenarios.background;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.layout.Wildcard.ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.testing.BackgroundApps;
import io.dash4j.testing.Browser;
import io.dash4j.testing.JobStoreKind;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dash's tests/background_callback/test_basic_long_callback012.py (app_callback_ctx.py): inside the
 * job the callback context names the dict id of the button that triggered it, and the {@code
 * running} output goes back to "off".
 */
class LongCallbackContextIT {
  @RegisterExtension
  static final BackgroundApps apps = BackgroundApps.of(LongCallbackContextIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  /**
   * Dash's {@code button:nth-child(i)}, kept to the app's buttons: with debug on, the dev tools'
   * menu has a button that is a first child too, and comes first in the page.
   */
  private static final String APP_BUTTON = "button[id*='run-button']";

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            button("Run 1").id(Map.of("type", "run-button", "index", 0)),
            button("Run 2").id(Map.of("type", "run-button", "index", 1)),
            button("Run 3").id(Map.of("type", "run-button", "index", 2)),
            div("No results").id("result"),
            div().id("running")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.all(Map.of("type", "run-button", "index", ALL), Html.Button.N_CLICKS),
        clicks -> {
          // the id part of the first triggered prop id, "{...}.n_clicks"
          String propId = CallbackContext.current().triggered().get(0).propId();
          var triggered = new JsonObject(propId.substring(0, propId.lastIndexOf('.')));
          return new JsonObject()
              .put("triggered", triggered)
              .put("value", clicks.get(triggered.getInteger("index")))
              .encode();
        },
        options ->
            options
                .background(true)
                .running(Output.of("running", Html.Div.CHILDREN), "on", "off")
                .interval(Duration.ofMillis(200)) // Dash: the default, 1 s
                .preventInitialCall(true));
    return app;
  }

  /** lcbc012: the first button's click reads {"index": 0, ...} as the trigger. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc012_longCallbackCtx(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    browser.click(APP_BUTTON + ":nth-child(1)");
    browser.waitForText("#running", "off");

    var output = new JsonObject(browser.text("#result"));
    assertThat(output.getJsonObject("triggered").getInteger("index")).isZero();

    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }
}
