package io.dash4j.figure;

/** Which way bars point or a legend runs ({@code orientation}, {@code legend.orientation}). */
public enum Orientation {
  /** Upright bars, or a legend in a column ({@code "v"}). */
  VERTICAL("v"),
  /** Sideways bars, or a legend in a row ({@code "h"}). */
  HORIZONTAL("h");

  private final String wire;

  Orientation(String wire) {
    this.wire = wire;
  }

  /** The plotly.js value: {@code "v"} or {@code "h"}. */
  public String wire() {
    return wire;
  }
}
