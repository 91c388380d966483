package io.dash4j.runtime.http;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Http;
import io.dash4j.testing.IndexHtml;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app mounted at {@code /app/} (Dash's {@code url_base_pathname}): every route lives under the
 * prefix.
 */
class PrefixIT {
  @TempDir static Path assets; // filled before ServedApp builds the app (see ServedApp)
  @RegisterExtension static final ServedApp server = ServedApp.of(PrefixIT::dash);
  static final Http app = server.http();
  static final Http root = Http.to(() -> "http://localhost:" + server.port() + "/");

  static DashApp dash() throws IOException {
    Files.writeString(assets.resolve("style.css"), "body { margin: 0; }");
    Files.writeString(assets.resolve("app.js"), "window.prefixed = true;");
    var dash =
        Dash.create(config -> config.port(0).prefix("/app/").assetsFolder(assets.toString()));
    dash.layout(div(input("name").value("world"), div().id("greeting")));
    dash.callback(
        Output.of("greeting", Html.CHILDREN),
        Input.of("name", Dcc.DccInput.VALUE),
        name -> "Hi " + name);
    return dash;
  }

  @Test
  void theServerUrlEndsWithThePrefix() {
    assertThat(server.url()).endsWith(":" + server.port() + "/app/");
  }

  @Test
  void theIndexIsServedAtThePrefix() {
    var index = app.get("");

    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("react-entry-point", "new DashRenderer");
  }

  @Test
  void theConfigNamesThePrefixForRendererRequests() {
    assertThat(page().config().getString("requests_pathname_prefix")).isEqualTo("/app/");
  }

  @Test
  void everyUrlOfTheIndexStartsWithThePrefixAndIsServed() {
    var page = page();
    var scripts = page.scripts();

    assertThat(scripts).hasSize(11);
    assertThat(scripts)
        .filteredOn(src -> !src.startsWith("/app/assets/"))
        .hasSize(10)
        .allMatch(src -> src.startsWith("/app/_dash-component-suites/"));
    assertThat(page.stylesheets())
        .singleElement()
        .asString()
        .startsWith("/app/assets/style.css?m=");
    assertThat(page.favicon()).startsWith("/app/_favicon.ico");
    for (String url : concat(scripts, page.stylesheets(), List.of(page.favicon()))) {
      assertThat(root.getBytes(url).statusCode()).as(url).isEqualTo(200);
    }
  }

  @Test
  void layoutAndDependenciesAreServedUnderThePrefix() {
    var layout = app.get("_dash-layout");
    var dependencies = app.get("_dash-dependencies");

    assertThat(layout.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(layout.body()).getString("type")).isEqualTo("Div");
    assertThat(dependencies.statusCode()).isEqualTo(200);
    assertThat(new JsonArray(dependencies.body()).getJsonObject(0).getString("output"))
        .isEqualTo("greeting.children");
  }

  @Test
  void suitesFaviconAndAssetsAreServedUnderThePrefix() {
    assertThat(app.get("_dash-component-suites/plotly/package_data/plotly.min.js").statusCode())
        .isEqualTo(200);
    assertThat(app.get("_dash-component-suites/dash/nope.js").statusCode()).isEqualTo(404);
    assertThat(app.getBytes("_favicon.ico").statusCode()).isEqualTo(200);
    assertThat(app.get("assets/app.js").body()).isEqualTo("window.prefixed = true;");
  }

  @Test
  void clientSideRoutesUnderThePrefixGetTheIndex() {
    var route = app.get("reports/2024");

    assertThat(route.statusCode()).isEqualTo(200);
    assertThat(route.body()).contains("react-entry-point");
  }

  @Test
  void callbacksAnswerUnderThePrefix() {
    var response =
        app.postJson(
            "_dash-update-component",
            UpdateRequests.valueChange("greeting", "name", "Ada").encode());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getJsonObject("response"))
        .isEqualTo(new JsonObject("{\"greeting\": {\"children\": \"Hi Ada\"}}"));
  }

  @Test
  void nothingIsServedOutsideThePrefix() {
    for (String path : List.of("_dash-layout", "_dash-dependencies", "", "_favicon.ico")) {
      var response = root.get(path);

      assertThat(response.statusCode()).as("/" + path).isEqualTo(404);
      assertThat(response.body()).as("/" + path).doesNotContain("greeting", "react-entry-point");
    }
    var update =
        root.postJson(
            "_dash-update-component", "{\"output\": \"greeting.children\", \"inputs\": []}");
    assertThat(update.statusCode()).isEqualTo(404);
  }

  private static IndexHtml page() {
    return new IndexHtml(app.get("").body());
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
