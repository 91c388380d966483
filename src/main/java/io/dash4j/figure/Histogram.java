package io.dash4j.figure;

import java.util.List;

/**
 * A histogram trace ({@code type: "histogram"}), like Python's {@code go.Histogram} and {@code
 * px.histogram}: the browser bins the raw values and draws a bar per bin.
 */
public final class Histogram extends XYTrace<Histogram> {

  private Histogram() {
    super("histogram");
  }

  /** Counts of the values, binned along x. */
  public static Histogram of(List<?> values) {
    return new Histogram().x(values);
  }

  /** Counts of the values, binned along x. */
  public static Histogram of(double[] values) {
    return new Histogram().x(values);
  }

  /** Counts of the values, binned along x. */
  public static Histogram of(int[] values) {
    return new Histogram().x(values);
  }

  /**
   * The most bins to use along x; plotly picks a round bin size up to this count ({@code nbinsx}).
   */
  public Histogram nbinsx(int bins) {
    return set("nbinsx", bins);
  }

  /**
   * What a bar measures: {@code ""} (counts), {@code "percent"}, {@code "probability"}, {@code
   * "density"} or {@code "probability density"} ({@code histnorm}).
   */
  public Histogram histnorm(String norm) {
    return set("histnorm", norm);
  }
}
