package io.dash4j.figure;

import java.util.List;
import java.util.Map;

/**
 * Python's built-in looks ({@code template="plotly_white"}), for {@link Figure#template(Template)}.
 *
 * <p>plotly.js knows no template names: plotly.py sends the whole template object, which the
 * browser reads from {@code layout.template}. These carry the layout part of plotly.py's templates
 * (colours, backgrounds, axis lines and grids, title place, hover); plotly.py's per-trace defaults
 * and colour scales are left out. For the complete one, pass plotly.py's JSON ({@code
 * plotly/package_data/templates/*.json}) to {@link Figure#template(Map)}.
 */
public enum Template {
  /** plotly.py's default look: a blue-grey plot area with white grid lines. */
  PLOTLY,
  /** A white plot area with light blue-grey grid lines. */
  PLOTLY_WHITE,
  /** Light text on a near-black background. */
  PLOTLY_DARK,
  /** White, no grid, axis lines with outside ticks, matplotlib's colours. */
  SIMPLE_WHITE;

  // plotly.py's "Plotly" qualitative sequence and D3's category10 (simple_white)
  private static final List<String> PLOTLY_COLORS =
      List.of(
          "#636efa", "#EF553B", "#00cc96", "#ab63fa", "#FFA15A", "#19d3f3", "#FF6692", "#B6E880",
          "#FF97FF", "#FECB52");
  private static final List<String> D3_COLORS =
      List.of(
          "#1F77B4", "#FF7F0E", "#2CA02C", "#D62728", "#9467BD", "#8C564B", "#E377C2", "#7F7F7F",
          "#BCBD22", "#17BECF");

  /** The template object for {@code layout.template}: a fresh {@code {"layout": {...}}} map. */
  public Map<String, Object> toMap() {
    var template = new Attributes();
    switch (this) {
      case PLOTLY -> look(template, PLOTLY_COLORS, "#2a3f5f", "white", "#E5ECF6", "white", "white");
      case PLOTLY_WHITE ->
          look(template, PLOTLY_COLORS, "#2a3f5f", "white", "white", "#EBF0F8", "#EBF0F8");
      case PLOTLY_DARK ->
          look(
              template,
              PLOTLY_COLORS,
              "#f2f5fa",
              "rgb(17,17,17)",
              "rgb(17,17,17)",
              "#283442",
              "#506784");
      case SIMPLE_WHITE -> {
        look(
            template,
            D3_COLORS,
            "rgb(36,36,36)",
            "white",
            "white",
            "rgb(232,232,232)",
            "rgb(36,36,36)");
        for (String axis : List.of("layout.xaxis.", "layout.yaxis.")) {
          template.put(axis + "showgrid", false);
          template.put(axis + "showline", true);
          template.put(axis + "ticks", "outside");
          template.put(axis + "zeroline", false);
          template.put(axis + "zerolinecolor", "rgb(36,36,36)");
          template.put(axis + "zerolinewidth", null);
          template.put(axis + "title.standoff", 15);
        }
      }
    }
    return template.toMap();
  }

  private static void look(
      Attributes template,
      List<String> colorway,
      String font,
      String paper,
      String plot,
      String grid,
      String line) {
    template.put("layout.colorway", colorway);
    template.put("layout.font.color", font);
    template.put("layout.hovermode", "closest");
    template.put("layout.hoverlabel.align", "left");
    template.put("layout.paper_bgcolor", paper);
    template.put("layout.plot_bgcolor", plot);
    for (String axis : List.of("layout.xaxis.", "layout.yaxis.")) {
      template.put(axis + "gridcolor", grid);
      template.put(axis + "linecolor", line);
      template.put(axis + "ticks", "");
      template.put(axis + "zerolinecolor", grid);
      template.put(axis + "zerolinewidth", 2);
      template.put(axis + "automargin", true);
    }
    template.put("layout.title.x", 0.05);
  }
}
