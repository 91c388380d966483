package io.dash4j.figure;

/** How bars at the same location are drawn ({@code layout.barmode}). */
public enum BarMode {
  /** Side by side, plotly's default. */
  GROUP("group"),
  /** On top of each other. */
  STACK("stack"),
  /** Over each other; set an {@code opacity} to see through. */
  OVERLAY("overlay"),
  /** Stacked, negative values below the axis and positive ones above. */
  RELATIVE("relative");

  private final String wire;

  BarMode(String wire) {
    this.wire = wire;
  }

  /** The plotly.js value, such as {@code "stack"}. */
  public String wire() {
    return wire;
  }
}
