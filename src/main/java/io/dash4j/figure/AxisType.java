package io.dash4j.figure;

/** How an axis places values ({@code xaxis.type}); left unset, plotly.js guesses from the data. */
public enum AxisType {
  /** Numbers, evenly spaced. */
  LINEAR("linear"),
  /** Numbers on a log scale; the axis {@code range} is then given in log10 units. */
  LOG("log"),
  /** Dates and times. */
  DATE("date"),
  /** Categories, in order of appearance, even when they look like numbers. */
  CATEGORY("category");

  private final String wire;

  AxisType(String wire) {
    this.wire = wire;
  }

  /** The plotly.js value, such as {@code "log"}. */
  public String wire() {
    return wire;
  }
}
