package io.dash4j.figure;

import java.util.List;

/**
 * A bar trace ({@code type: "bar"}), like Python's {@code go.Bar} and {@code px.bar}: vertical bars
 * by default, horizontal ones from {@link #horizontal} or {@link #orientation}.
 */
public final class Bar extends XYTrace<Bar> {

  private Bar() {
    super("bar");
  }

  /** Vertical bars: one per category on x, as high as its value on y. */
  public static Bar of(List<?> categories, List<? extends Number> values) {
    return new Bar().x(categories).y(values);
  }

  /** Vertical bars: one per category on x, as high as its value on y. */
  public static Bar of(List<?> categories, double[] values) {
    return new Bar().x(categories).y(values);
  }

  /** Vertical bars: one per category on x, as high as its value on y. */
  public static Bar of(List<?> categories, int[] values) {
    return new Bar().x(categories).y(values);
  }

  /**
   * Horizontal bars: categories on y, values on x ({@code orientation: "h"}), as plotly.js expects
   * them.
   */
  public static Bar horizontal(List<?> categories, List<? extends Number> values) {
    return new Bar().y(categories).x(values).orientation(Orientation.HORIZONTAL);
  }

  /** Horizontal bars: categories on y, values on x ({@code orientation: "h"}). */
  public static Bar horizontal(List<?> categories, double[] values) {
    return new Bar().y(categories).x(values).orientation(Orientation.HORIZONTAL);
  }

  /** Horizontal bars: categories on y, values on x ({@code orientation: "h"}). */
  public static Bar horizontal(List<?> categories, int[] values) {
    return new Bar().y(categories).x(values).orientation(Orientation.HORIZONTAL);
  }

  /**
   * Which way the bars point ({@code orientation}); horizontal bars read their values from {@code
   * x} and their categories from {@code y}.
   */
  public Bar orientation(Orientation orientation) {
    return set("orientation", orientation.wire());
  }
}
