package io.dash4j.figure;

import java.util.List;

/**
 * A scatter trace ({@code type: "scatter"}): points, lines or both, like Python's {@code
 * go.Scatter} and {@code px.line}/{@code px.scatter}.
 *
 * <p>{@code Scatter.lines(xs, ys).name("sin")}. Other x/y shapes, such as {@code int[]}, go in with
 * {@link #x} and {@link #y} after any factory.
 */
public final class Scatter extends XYTrace<Scatter> {

  private Scatter() {
    super("scatter");
  }

  /** Points at x, y in plotly's default mode: lines and markers under 20 points, lines beyond. */
  public static Scatter of(List<?> x, List<?> y) {
    return new Scatter().x(x).y(y);
  }

  /** Points at x, y in plotly's default mode. */
  public static Scatter of(double[] x, double[] y) {
    return new Scatter().x(x).y(y);
  }

  /** Points at x, y in plotly's default mode. */
  public static Scatter of(List<?> x, double[] y) {
    return new Scatter().x(x).y(y);
  }

  /** Markers only ({@code mode: "markers"}). */
  public static Scatter markers(List<?> x, List<?> y) {
    return of(x, y).mode("markers");
  }

  /** Markers only ({@code mode: "markers"}). */
  public static Scatter markers(double[] x, double[] y) {
    return of(x, y).mode("markers");
  }

  /** Markers only ({@code mode: "markers"}). */
  public static Scatter markers(List<?> x, double[] y) {
    return of(x, y).mode("markers");
  }

  /** A line only ({@code mode: "lines"}). */
  public static Scatter lines(List<?> x, List<?> y) {
    return of(x, y).mode("lines");
  }

  /** A line only ({@code mode: "lines"}). */
  public static Scatter lines(double[] x, double[] y) {
    return of(x, y).mode("lines");
  }

  /** A line only ({@code mode: "lines"}). */
  public static Scatter lines(List<?> x, double[] y) {
    return of(x, y).mode("lines");
  }

  /** A line with a marker at each point ({@code mode: "lines+markers"}). */
  public static Scatter linesAndMarkers(List<?> x, List<?> y) {
    return of(x, y).mode("lines+markers");
  }

  /** A line with a marker at each point ({@code mode: "lines+markers"}). */
  public static Scatter linesAndMarkers(double[] x, double[] y) {
    return of(x, y).mode("lines+markers");
  }

  /** A line with a marker at each point ({@code mode: "lines+markers"}). */
  public static Scatter linesAndMarkers(List<?> x, double[] y) {
    return of(x, y).mode("lines+markers");
  }

  /**
   * What is drawn: {@code "markers"}, {@code "lines"}, {@code "text"}, joined by {@code +}, or
   * {@code "none"}.
   */
  public Scatter mode(String mode) {
    return set("mode", mode);
  }

  /** The marker diameter in pixels ({@code marker.size}). */
  public Scatter markerSize(double size) {
    return set("marker.size", size);
  }

  /**
   * How the area by the line is filled: {@code "tozeroy"}, {@code "tonexty"}, {@code "toself"}...
   * ({@code fill}).
   */
  public Scatter fill(String fill) {
    return set("fill", fill);
  }
}
