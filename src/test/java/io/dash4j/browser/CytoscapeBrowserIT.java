package io.dash4j.browser;

import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.components.Cyto;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The third-party package, dash-cytoscape, through its generated class: a small network drawn on
 * canvas, in debug mode without dev tools errors, and a tap on a node reaching a callback through
 * {@code tapNodeData}.
 */
class CytoscapeBrowserIT {
  @RegisterExtension static final ServedApp server = ServedApp.of(CytoscapeBrowserIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void openApp() {
    browser.openApp(server);
  }

  private static Map<String, Object> node(String id, String label, int x, int y) {
    return Map.of("data", Map.of("id", id, "label", label), "position", Map.of("x", x, "y", y));
  }

  private static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true).title("cytoscape"));
    app.layout(
        div(
            Cyto.cytoscape("net")
                .elements(
                    List.of(
                        node("a", "Alpha", 100, 100),
                        node("b", "Beta", 300, 150),
                        Map.of(
                            "data",
                            Map.of(
                                "id",
                                "ab",
                                "source",
                                "a",
                                "target",
                                "b",
                                "label",
                                "Alpha to Beta"))))
                .layout(Map.of("name", "preset", "fit", false))
                .zoom(1)
                .pan(Map.of("x", 0, "y", 0))
                .userZoomingEnabled(false)
                .userPanningEnabled(false)
                .stylesheet(
                    List.of(
                        Map.of(
                            "selector",
                            "node",
                            "style",
                            Map.of("label", "data(label)", "width", 40, "height", 40)),
                        Map.of(
                            "selector", "edge", "style", Map.of("line-color", "#888", "width", 2))))
                .style(Map.of("width", "500px", "height", "300px")),
            div("Tap a node").id("tapped")));

    app.callback(
        Output.of("tapped", Html.CHILDREN),
        Input.of("net", Cyto.Cytoscape.TAP_NODE_DATA),
        data -> {
          if (data == null) {
            throw new PreventUpdate();
          }
          return "Tapped " + data.get("label");
        });
    return app;
  }

  @Test
  void theNetworkIsDrawnOnCanvasWithoutDevToolsErrors() {
    browser.waitForElement("#net canvas");
    browser.waitUntil(
        "cytoscape to hold the two nodes and the edge",
        () ->
            Boolean.TRUE.equals(
                browser.javascript(
                    "return !!window.cy && window.cy.nodes().length === 2 && window.cy.edges().length === 1;")));
    // the preset layout kept the positions the app gave
    assertThat(browser.javascript("var p = window.cy.$('#b').position(); return p.x + ',' + p.y;"))
        .isEqualTo("300,150");
    // cytoscape drew something: the canvas is not blank
    Object painted =
        browser.javascript(
            """
        return Array.from(document.querySelectorAll('#net canvas')).some(function (c) {
          if (!c.width || !c.height) return false;
          var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          for (var i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; }
          return false;
        });""");
    assertThat(painted).isEqualTo(true);
    browser.waitForText("#tapped", "Tap a node");
    assertThat(browser.devToolsErrorCount()).isZero();
  }

  @Test
  void tappingANodeSendsItsDataToACallback() {
    browser.waitForElement("#net canvas");
    browser.waitUntil(
        "cytoscape to be ready",
        () ->
            Boolean.TRUE.equals(
                browser.javascript("return !!window.cy && window.cy.nodes().length === 2;")));
    browser.tapCytoscapeNode("b");
    browser.waitForText("#tapped", "Tapped Beta");
    browser.tapCytoscapeNode("a");
    browser.waitForText("#tapped", "Tapped Alpha");
    assertThat(browser.devToolsErrorCount()).isZero();
  }
}
