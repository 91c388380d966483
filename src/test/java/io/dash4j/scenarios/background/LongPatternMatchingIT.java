package io.dash4j.scenarios.background;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.layout.Wildcard.ALL;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.testing.BackgroundApps;
import io.dash4j.testing.Browser;
import io.dash4j.testing.JobStoreKind;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dash's tests/background_callback/test_basic_long_callback011.py (app_pattern_matching.py): a
 * background callback whose input is an ALL wildcard over three buttons.
 */
class LongPatternMatchingIT {
  @RegisterExtension
  static final BackgroundApps apps = BackgroundApps.of(LongPatternMatchingIT::app);

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
            div("No results").id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.all(Map.of("type", "run-button", "index", ALL), Html.Button.N_CLICKS),
        clicks -> {
          int found =
              clicks.stream()
                  .filter(Objects::nonNull)
                  .mapToInt(Integer::intValue)
                  .max()
                  .orElseThrow();
          return "Clicked '" + found + "'";
        },
        options ->
            options
                .background(true)
                .interval(Duration.ofMillis(200)) // Dash: the default, 1 s
                .preventInitialCall(true));
    return app;
  }

  /** lcbc011: button i clicked i times gives "Clicked 'i'", for i = 1, 2, 3. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc011_longPatternMatching(JobStoreKind store) throws Exception {
    browser.openApp(apps.served(store));
    for (int i = 1; i <= 3; i++) {
      for (int n = 0; n < i; n++) {
        browser.click(APP_BUTTON + ":nth-child(" + i + ")");
      }
      browser.waitForText("#result", "Clicked '" + i + "'");
    }

    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }
}
