package io.dash4j.browser;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.server.DashServer;
import io.dash4j.testing.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An app mounted under {@code /app/} works in the browser: every URL the page builds carries the prefix. */
class PrefixBrowserIT {
  private static DashServer server;
  private static Browser browser;

  @BeforeAll
  static void start() {
    var app = Dash.create(config -> config.port(0).prefix("/app/"));
    app.layout(div(input("in").value("mounted"), div().id("out")));
    app.callback(Output.of("out", Html.CHILDREN), Input.of("in", Dcc.Input.VALUE), value -> "Echo: " + value);
    server = DashServer.start(app);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anAppUnderAPathPrefixRendersAndRunsCallbacks() {
    assertThat(server.url()).endsWith("/app/");
    browser.open(server.url());
    browser.waitForPageReady();
    browser.waitForText("#out", "Echo: mounted");
    browser.type("#in", "under a prefix");
    browser.waitForText("#out", "Echo: under a prefix");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void aClientSideRouteBelowThePrefixServesTheApp() {
    browser.open(server.url() + "some/client/route");
    browser.waitForPageReady();
    browser.waitForText("#out", "Echo: mounted");
  }
}
