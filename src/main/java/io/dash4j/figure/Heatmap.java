package io.dash4j.figure;

import java.util.List;

/**
 * A heatmap trace ({@code type: "heatmap"}), like Python's {@code go.Heatmap} and {@code
 * px.imshow}: a grid of coloured cells, {@code z[row][column]}, with optional {@link #x} column and
 * {@link #y} row labels.
 */
public final class Heatmap extends XYTrace<Heatmap> {

  private Heatmap() {
    super("heatmap");
  }

  /** A heatmap of z, one inner array per row ({@code z}). */
  public static Heatmap of(double[][] z) {
    return new Heatmap().set("z", z);
  }

  /** A heatmap of z, one inner array per row ({@code z}). */
  public static Heatmap of(int[][] z) {
    return new Heatmap().set("z", z);
  }

  /** A heatmap of z, one inner list per row; null cells are left blank ({@code z}). */
  public static Heatmap of(List<? extends List<?>> z) {
    return new Heatmap().set("z", z);
  }

  /**
   * A colour scale plotly.js knows by name ({@code colorscale}): Blackbody, Bluered, Blues,
   * Cividis, Earth, Electric, Greens, Greys, Hot, Jet, Picnic, Portland, Rainbow, RdBu, Reds,
   * Viridis, YlGnBu or YlOrRd. Python's other names ({@code "plasma"}...) are plotly.py's and
   * unknown to the browser; give those as a list.
   */
  public Heatmap colorscale(String name) {
    return set("colorscale", name);
  }

  /**
   * A colour scale as {@code [fraction, colour]} pairs, such as {@code [[0, "white"], [1,
   * "navy"]]}.
   */
  public Heatmap colorscale(List<? extends List<?>> scale) {
    return set("colorscale", scale);
  }

  /** Whether the colour bar is shown ({@code showscale}). */
  public Heatmap showscale(boolean show) {
    return set("showscale", show);
  }
}
