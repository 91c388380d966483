package io.dash4j.browser;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clientside callbacks both ways Dash has them: inline JavaScript the page defines, and a
 * namespaced function from a script in the assets folder; neither reaches the server, and a server
 * callback chained after them still runs.
 */
class ClientsideBrowserIT {
  @TempDir static Path assets;
  private static final AtomicInteger serverCalls = new AtomicInteger();

  @RegisterExtension static final ServedApp server = ServedApp.of(ClientsideBrowserIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() throws Exception {
    Files.writeString(
        assets.resolve("clientside.js"),
        """
        window.dash_clientside = Object.assign({}, window.dash_clientside, {
          shout: { upper: function(value) { return (value || '').toUpperCase() + '!'; } }
        });
        """);
    var app = Dash.create(config -> config.port(0).assetsFolder(assets.toString()));
    app.layout(
        div(
            Dcc.input("text").value("hello"),
            div().id("shouted"),
            button("count").id("btn"),
            div().id("doubled"),
            div().id("after")));
    app.clientsideCallback(
        ClientsideCallback.function("shout", "upper"),
        Output.of("shouted", Html.Div.CHILDREN),
        Input.of("text", Dcc.DccInput.VALUE));
    app.clientsideCallback(
        "function(n) { return 'doubled ' + 2 * (n || 0); }",
        Output.of("doubled", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS));
    app.callback(
        Output.of("after", Html.Div.CHILDREN),
        Input.of("doubled", Html.Div.CHILDREN),
        text -> {
          serverCalls.incrementAndGet();
          return "server saw " + text;
        });
    return app;
  }

  @Test
  void aNamespacedFunctionFromTheAssetsFolderRunsInTheBrowser() {
    browser.openApp(server);
    browser.waitForText("#shouted", "HELLO!");
    browser.type("#text", "dash");
    browser.waitForText("#shouted", "DASH!");
  }

  @Test
  void inlineJavascriptRunsInTheBrowserAndFeedsAServerCallback() {
    browser.openApp(server);
    browser.waitForText("#doubled", "doubled 0");
    browser.waitForText("#after", "server saw doubled 0");
    int before = serverCalls.get();
    browser.click("#btn");
    browser.click("#btn");
    browser.waitForText("#doubled", "doubled 4");
    browser.waitForText("#after", "server saw doubled 4");
    assertThat(serverCalls.get() - before).isEqualTo(2);
  }
}
