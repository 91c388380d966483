package io.dash4j.runtime.http;

import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.testing.Http;
import io.dash4j.testing.IndexHtml;
import io.dash4j.testing.ServedApp;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code config.debug(true)}: dev bundles, the dev-tools UI and hot reload. */
class DebugModeIT {
  @TempDir static Path assets; // filled before ServedApp builds the app (see ServedApp)
  @RegisterExtension static final ServedApp server = ServedApp.of(DebugModeIT::app);
  static final Http http = server.http();

  static DashApp app() throws IOException {
    Files.writeString(assets.resolve("style.css"), "body { color: red; }");
    var app = Dash.create(config -> config.port(0).debug(true).assetsFolder(assets.toString()));
    app.layout(div("debugging").id("main"));
    return app;
  }

  @Test
  void theIndexLoadsTheDevelopmentBundles() {
    var scripts = new IndexHtml(http.get("").body()).scripts();

    assertThat(scripts)
        .filteredOn(src -> src.contains("/dash/deps/"))
        .hasSize(4)
        .allSatisfy(src -> assertThat(src).endsWith(".js").doesNotEndWith(".min.js"));
    assertThat(scripts)
        .filteredOn(src -> src.contains("/dash-renderer/build/"))
        .singleElement()
        .asString()
        .contains("/dash-renderer/build/dash_renderer.v")
        .endsWith(".dev.js");
    for (String src : scripts) {
      assertThat(http.getBytes(src).statusCode()).as(src).isEqualTo(200);
    }
  }

  @Test
  void theIndexLoadsTheDccPropTypesRightAfterTheDccScripts() {
    var scripts = new IndexHtml(http.get("").body()).scripts();
    int shared = indexOf(scripts, "/dash/dcc/dash_core_components-shared.v");

    assertThat(scripts.get(shared + 1)).contains("/dash/dcc/proptypes.v");
  }

  private static int indexOf(List<String> scripts, String fragment) {
    for (int i = 0; i < scripts.size(); i++) {
      if (scripts.get(i).contains(fragment)) {
        return i;
      }
    }
    throw new AssertionError("no script containing " + fragment + " in " + scripts);
  }

  @Test
  void theConfigTurnsOnTheDevToolsUiAndHotReload() {
    var config = new IndexHtml(http.get("").body()).config();

    assertThat(config.getBoolean("ui")).isTrue();
    assertThat(config.getJsonObject("hot_reload")).isNotNull();
    assertThat(config.getJsonObject("hot_reload").getInteger("interval")).isPositive();
    assertThat(config.getJsonObject("hot_reload").getInteger("max_retry")).isPositive();
  }

  @Test
  void theReloadHashChangesWhenAnAssetChangesAndOnlyThen() throws IOException {
    String first = reloadHash().getString("reloadHash");
    var unchanged = reloadHash();

    assertThat(first).isNotBlank();
    assertThat(unchanged.getString("reloadHash")).isEqualTo(first);
    assertThat(unchanged.getJsonArray("files")).isEmpty();

    Path style = assets.resolve("style.css");
    Files.writeString(style, "body { color: blue; }");
    Files.setLastModifiedTime(style, FileTime.from(Instant.now().plusSeconds(60)));
    var changed = reloadHash();

    assertThat(changed.getString("reloadHash")).isNotEqualTo(first);
    assertThat(changed.getBoolean("hard"))
        .isFalse(); // only CSS changed: the renderer swaps the stylesheet
    assertThat(changed.getJsonArray("files")).hasSize(1);
    var file = changed.getJsonArray("files").getJsonObject(0);
    assertThat(file.getString("url")).startsWith("/assets/style.css?m=");
    assertThat(file.getBoolean("is_css")).isTrue();

    var settled = reloadHash();
    assertThat(settled.getString("reloadHash")).isEqualTo(changed.getString("reloadHash"));
    assertThat(settled.getJsonArray("files")).isEmpty();
  }

  private static JsonObject reloadHash() {
    var response = http.get("_reload-hash");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return new JsonObject(response.body());
  }
}
