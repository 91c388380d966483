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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An app mounted under {@code /app/} works in the browser: every URL the page builds carries the
 * prefix.
 */
class PrefixBrowserIT {
  @RegisterExtension static final ServedApp server = ServedApp.of(PrefixBrowserIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass();

  private static DashApp app() {
    var app = Dash.create(config -> config.port(0).prefix("/app/"));
    app.layout(div(input("in").value("mounted"), div().id("out")));
    app.callback(
        Output.of("out", Html.CHILDREN),
        Input.of("in", Dcc.DccInput.VALUE),
        value -> "Echo: " + value);
    return app;
  }

  @Test
  void anAppUnderAPathPrefixRendersAndRunsCallbacks() {
    assertThat(server.url()).endsWith("/app/");
    browser.openApp(server);
    browser.waitForText("#out", "Echo: mounted");
    browser.type("#in", "under a prefix");
    browser.waitForText("#out", "Echo: under a prefix");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aClientSideRouteBelowThePrefixServesTheApp() {
    browser.openApp(server.url() + "some/client/route");
    browser.waitForText("#out", "Echo: mounted");
  }
}
