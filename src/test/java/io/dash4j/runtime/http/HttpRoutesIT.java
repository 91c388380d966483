package io.dash4j.runtime.http;

import static io.dash4j.components.Dcc.graph;
import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h1;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.Results;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Http;
import io.dash4j.testing.IndexHtml;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every route of Dash's HTTP protocol that dash4j serves, against a real server on a free port. */
class HttpRoutesIT {
  /**
   * Title and update title: they end up in {@code <title>} and inside the {@code _dash-config}
   * script.
   */
  static final String HOSTILE = "</script><script>alert(1)</script>";

  static final String JS_TYPE = "(text|application)/javascript.*";

  @TempDir static Path root; // filled before ServedApp builds the app (see ServedApp)
  @RegisterExtension static final ServedApp server = ServedApp.of(HttpRoutesIT::app);
  static final Http http = server.http();

  static DashApp app() throws IOException {
    Path assets = Files.createDirectories(root.resolve("assets"));
    Files.writeString(assets.resolve("style.css"), "body { color: teal; }");
    Files.writeString(assets.resolve("app.js"), "window.appJsLoaded = true;");
    Files.writeString(assets.resolve("data.txt"), "plain data");
    Files.write(assets.resolve("favicon.ico"), new byte[] {0, 0, 1, 0});
    Files.writeString(
        Files.createDirectories(assets.resolve("sub")).resolve("more.css"), "p { margin: 0; }");
    Files.writeString(root.resolve("secret.txt"), "outside the assets folder");

    var app =
        Dash.create(
            config ->
                config.port(0).assetsFolder(assets.toString()).title(HOSTILE).updateTitle(HOSTILE));
    app.layout(
        div(
                h1("Routes"),
                input("name").value("world"),
                button("Go").id("go"),
                div().id("greeting"),
                div().id("length"),
                graph("chart"))
            .id("main"));
    app.callback(
        Output.of("greeting", Html.CHILDREN),
        Input.of("name", Dcc.DccInput.VALUE),
        name -> "Hello, " + name);
    app.callback(
        Outputs.of(Output.of("chart", Dcc.Graph.FIGURE), Output.of("length", Html.CHILDREN)),
        Input.of("go", Html.N_CLICKS),
        State.of("name", Dcc.DccInput.VALUE.asString()),
        (clicks, name) -> Results.of(Map.of("data", List.of()), name.length()),
        options -> options.preventInitialCall(true));
    return app;
  }

  @Test
  void theIndexIsAnHtmlPageTheRendererCanStartFrom() {
    var index = http.get("");

    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(contentType(index)).startsWith("text/html");
    assertThat(index.body())
        .contains(
            "<div id=\"react-entry-point\">",
            "<script id=\"_dash-config\" type=\"application/json\">",
            "<script id=\"_dash-renderer\" type=\"application/javascript\">",
            "new DashRenderer");
  }

  @Test
  void theIndexLoadsScriptsInTheOrderTheFrontEndNeeds() {
    var scripts = page().scripts();

    assertThat(scripts.stream().map(HttpRoutesIT::scriptKind).toList())
        .containsExactly(
            "polyfill",
            "react",
            "react-dom",
            "prop-types",
            "asset app.js",
            "dash_renderer",
            "dcc",
            "dcc-shared",
            "html",
            "dash_table",
            "dash_cytoscape");
    assertThat(scripts.subList(0, 4)).allMatch(src -> src.endsWith(".min.js"));
    assertThat(scripts)
        .noneMatch(src -> src.contains("proptypes")); // the dev tools' prop checks are debug-only
    assertThat(scripts.get(5)).endsWith(".min.js");
  }

  @Test
  void assetStylesheetsAreLinkedWithTheirModificationTime() {
    assertThat(page().stylesheets())
        .hasSize(2)
        .satisfiesExactly(
            href -> assertThat(href).matches("/assets/style\\.css\\?m=[0-9.]+"),
            href -> assertThat(href).matches("/assets/sub/more\\.css\\?m=[0-9.]+"));
  }

  @Test
  void theFaviconLinkPointsAtTheAssetsFavicon() {
    assertThat(page().favicon()).matches("/assets/favicon\\.ico\\?m=[0-9.]+");
  }

  @Test
  void theConfigTellsTheRendererWhereToSendRequests() {
    var config = page().config();

    assertThat(config.getString("requests_pathname_prefix")).isEqualTo("/");
    assertThat(config.getBoolean("ui")).isFalse();
    assertThat(config.containsKey("hot_reload")).isFalse();
  }

  @Test
  void aHostileTitleCannotBreakOutOfItsElements() {
    var html = http.get("").body();
    // from the end of <script id="_dash-config" ...> to the next <script: the JSON, its </script>,
    // whitespace
    String config = new IndexHtml(html).afterConfigOpening();
    int end = config.indexOf("</script>");

    assertThat(config.split("</script>", -1)).as(config).hasSize(2);
    assertThat(config.substring(end + "</script>".length())).isBlank();
    var json = new JsonObject(config.substring(0, end));
    assertThat(json.getString("update_title")).isEqualTo(HOSTILE);
    assertThat(html)
        .doesNotContain("<script>alert(1)")
        .contains("<title>&lt;/script&gt;&lt;script&gt;");
  }

  @Test
  void theLayoutIsJson() {
    var layout = http.get("_dash-layout");

    assertThat(layout.statusCode()).isEqualTo(200);
    assertThat(contentType(layout)).startsWith("application/json");
    assertThat(new JsonObject(layout.body()))
        .isEqualTo(
            new JsonObject(
                """
        {"props": {"id": "main", "children": [
           {"props": {"children": "Routes"}, "type": "H1", "namespace": "dash_html_components"},
           {"props": {"id": "name", "value": "world"}, "type": "Input", "namespace": "dash_core_components"},
           {"props": {"children": "Go", "id": "go"}, "type": "Button", "namespace": "dash_html_components"},
           {"props": {"id": "greeting"}, "type": "Div", "namespace": "dash_html_components"},
           {"props": {"id": "length"}, "type": "Div", "namespace": "dash_html_components"},
           {"props": {"id": "chart"}, "type": "Graph", "namespace": "dash_core_components"}]},
         "type": "Div", "namespace": "dash_html_components"}"""));
  }

  @Test
  void theDependenciesListEveryCallbackInRegistrationOrder() {
    var dependencies = http.get("_dash-dependencies");

    assertThat(dependencies.statusCode()).isEqualTo(200);
    assertThat(contentType(dependencies)).startsWith("application/json");
    assertThat(new JsonArray(dependencies.body()))
        .isEqualTo(
            new JsonArray(
                """
        [{"output": "greeting.children", "inputs": [{"id": "name", "property": "value"}], "state": [],
          "clientside_function": null, "prevent_initial_call": false, "background": null, "dynamic_creator": null,
          "no_output": false, "optional": false, "hidden": false, "websocket": false, "persistent": false},
         {"output": "..chart.figure...length.children..", "inputs": [{"id": "go", "property": "n_clicks"}],
          "state": [{"id": "name", "property": "value"}],
          "clientside_function": null, "prevent_initial_call": true, "background": null, "dynamic_creator": null,
          "no_output": false, "optional": false, "hidden": false, "websocket": false, "persistent": false}]"""));
  }

  @Test
  void theDefaultFaviconIsAnIcon() throws IOException {
    var favicon = http.getBytes("_favicon.ico");

    assertThat(favicon.statusCode()).isEqualTo(200);
    assertThat(contentType(favicon)).isEqualTo("image/x-icon");
    try (InputStream dashFavicon =
        getClass().getResourceAsStream("/io/dash4j/runtime/http/favicon.ico")) {
      assertThat(favicon.body()).isNotEmpty().isEqualTo(dashFavicon.readAllBytes());
    }
  }

  @Test
  void everyComponentSuiteScriptOfTheIndexIsServedAsJavaScriptCachedForAYear() {
    var suites =
        page().scripts().stream()
            .filter(src -> src.startsWith("/_dash-component-suites/"))
            .toList();

    assertThat(suites).hasSize(10);
    for (String src : suites) {
      var script = http.getBytes(src);

      assertThat(script.statusCode()).as(src).isEqualTo(200);
      assertThat(contentType(script)).as(src).matches(JS_TYPE);
      assertThat(script.headers().firstValue("Cache-Control"))
          .as(src)
          .hasValueSatisfying(cache -> assertThat(cache).contains("max-age=31536000"));
      assertThat(script.body()).as(src).isNotEmpty();
    }
  }

  @Test
  void everyAssetScriptOfTheIndexIsServedAsJavaScript() {
    var assets = page().scripts().stream().filter(src -> src.startsWith("/assets/")).toList();

    assertThat(assets).hasSize(1);
    var script = http.get(assets.get(0));
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(contentType(script)).matches(JS_TYPE);
    assertThat(script.body()).isEqualTo("window.appJsLoaded = true;");
  }

  @Test
  void aSuiteWithoutFingerprintIsRevalidatedWithAnEtag() {
    String path = "_dash-component-suites/dash/dcc/dash_core_components.js";
    var first = http.getBytes(path);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Cache-Control").orElse(""))
        .doesNotContain("max-age=31536000");
    String etag =
        first.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));

    var again = http.getBytes(path, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();

    var stale = http.getBytes(path, "If-None-Match", "\"something-else\"");
    assertThat(stale.statusCode()).isEqualTo(200);
    assertThat(stale.body()).isEqualTo(first.body());
  }

  @Test
  void unregisteredSuitePathsAreNotFound() {
    for (String path :
        List.of(
            "dash/dcc/../../etc/passwd",
            "dash/dcc/%2e%2e/%2e%2e/etc/passwd",
            "dash/nope.js",
            "unknown-ns/x.js",
            "dash",
            "dash/",
            "dash/deps/react@18.3.1.min.js.map")) {
      var response = http.get("_dash-component-suites/" + path);

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain("root:");
    }
  }

  @Test
  void aClientThatAcceptsGzipGetsGzip() throws IOException {
    String path = "_dash-component-suites/dash/dash-renderer/build/dash_renderer.min.js";
    var plain = http.getBytes(path);
    var zipped = http.getBytes(path, "Accept-Encoding", "gzip");

    assertThat(zipped.statusCode()).isEqualTo(200);
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.body().length).isLessThan(plain.body().length);
    try (var unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      assertThat(unzipped.readAllBytes()).isEqualTo(plain.body());
    }
  }

  @Test
  void plotlyIsServedWhereTheRendererAsksForIt() {
    var plotly = http.getBytes("_dash-component-suites/plotly/package_data/plotly.min.js");

    assertThat(plotly.statusCode()).isEqualTo(200);
    assertThat(contentType(plotly)).matches(JS_TYPE);
    assertThat(plotly.body().length).isGreaterThan(1_000_000);
  }

  @Test
  void everyFileOfTheAssetsFolderIsServed() {
    var data = http.get("assets/data.txt");
    assertThat(data.statusCode()).isEqualTo(200);
    assertThat(data.body()).isEqualTo("plain data");

    var css = http.get("assets/sub/more.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(contentType(css)).startsWith("text/css");
    assertThat(css.body()).isEqualTo("p { margin: 0; }");

    var favicon = http.getBytes("assets/favicon.ico");
    assertThat(favicon.statusCode()).isEqualTo(200);
    assertThat(favicon.body()).containsExactly(0, 0, 1, 0);
  }

  @Test
  void aMissingAssetIsNotFound() {
    for (String path : List.of("assets/missing.css", "assets/sub/missing.js")) {
      var missing = http.get(path);

      assertThat(missing.statusCode())
          .as("%s answered %s", path, contentType(missing))
          .isEqualTo(404);
      assertThat(missing.body()).as(path).doesNotContain("react-entry-point");
    }
  }

  @Test
  void nothingOutsideTheAssetsFolderIsServed() {
    for (String path :
        List.of(
            "assets/../secret.txt",
            "assets/%2e%2e/secret.txt",
            "assets/..%2fsecret.txt",
            "assets/sub/../../secret.txt")) {
      assertThat(http.get(path).body()).as(path).doesNotContain("outside the assets folder");
    }
  }

  @Test
  void aClientSideRouteGetsTheIndex() {
    var route = http.get("some/client/route");

    assertThat(route.statusCode()).isEqualTo(200);
    assertThat(contentType(route)).startsWith("text/html");
    assertThat(route.body()).contains("react-entry-point", "new DashRenderer");
  }

  @Test
  void aCallbackRequestGetsTheDashResponse() {
    var response =
        http.postJson(
            "_dash-update-component",
            UpdateRequests.valueChange("greeting", "name", "Ada").encode());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).startsWith("application/json");
    assertThat(new JsonObject(response.body()))
        .isEqualTo(
            new JsonObject(
                "{\"multi\": true, \"response\": {\"greeting\": {\"children\": \"Hello, Ada\"}}}"));
  }

  @Test
  void aMultiOutputCallbackRequestGetsEveryOutput() {
    var response =
        http.postJson(
            "_dash-update-component",
            """
        {"output": "..chart.figure...length.children..",
         "outputs": [{"id": "chart", "property": "figure"}, {"id": "length", "property": "children"}],
         "inputs": [{"id": "go", "property": "n_clicks", "value": 1}],
         "state": [{"id": "name", "property": "value", "value": "Grace"}], "changedPropIds": ["go.n_clicks"]}""");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(response.body()))
        .isEqualTo(
            new JsonObject(
                """
        {"multi": true, "response": {"chart": {"figure": {"data": []}}, "length": {"children": 5}}}"""));
  }

  private static IndexHtml page() {
    return new IndexHtml(http.get("").body());
  }

  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** What a script of the index is, by the file its URL names (fingerprints aside). */
  private static String scriptKind(String src) {
    Map<String, Predicate<String>> kinds = new LinkedHashMap<>();
    kinds.put("polyfill", s -> s.contains("/_dash-component-suites/dash/deps/polyfill@"));
    kinds.put("react", s -> s.contains("/_dash-component-suites/dash/deps/react@"));
    kinds.put("react-dom", s -> s.contains("/_dash-component-suites/dash/deps/react-dom@"));
    kinds.put("prop-types", s -> s.contains("/_dash-component-suites/dash/deps/prop-types@"));
    kinds.put("asset app.js", s -> s.matches("/assets/app\\.js\\?m=[0-9.]+"));
    kinds.put(
        "dash_renderer",
        s -> s.contains("/_dash-component-suites/dash/dash-renderer/build/dash_renderer.v"));
    kinds.put("dcc", s -> s.contains("/_dash-component-suites/dash/dcc/dash_core_components.v"));
    kinds.put(
        "dcc-shared",
        s -> s.contains("/_dash-component-suites/dash/dcc/dash_core_components-shared.v"));
    kinds.put("html", s -> s.contains("/_dash-component-suites/dash/html/dash_html_components.v"));
    kinds.put("dash_table", s -> s.contains("/_dash-component-suites/dash/dash_table/bundle.v"));
    kinds.put(
        "dash_cytoscape",
        s -> s.contains("/_dash-component-suites/dash_cytoscape/dash_cytoscape.v"));
    return kinds.entrySet().stream()
        .filter(e -> e.getValue().test(src))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse("unexpected " + src);
  }
}
