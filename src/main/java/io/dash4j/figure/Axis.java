package io.dash4j.figure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * An x or y axis of the layout ({@code layout.xaxis}, {@code layout.yaxis}): {@code
 * Axis.titled("t").range(0, 1)}.
 */
public final class Axis {
  private final Attributes attributes = new Attributes();

  private Axis() {}

  /** An axis with nothing set: plotly's defaults. */
  public static Axis create() {
    return new Axis();
  }

  /** An axis with a title ({@code title.text}). */
  public static Axis titled(String title) {
    return new Axis().title(title);
  }

  /**
   * The axis title ({@code title.text}); plotly.js 3 no longer reads a bare string {@code title}.
   */
  public Axis title(String title) {
    return set("title.text", title);
  }

  /** The visible range, in data units; log axes take log10 of the ends ({@code range}). */
  public Axis range(double from, double to) {
    return set("range", List.of(from, to));
  }

  /**
   * The visible range of a date or category axis, as date strings, {@code java.time} values or
   * numbers; a null end is left to autorange ({@code range}).
   */
  public Axis range(Object from, Object to) {
    return set("range", Arrays.asList(from, to));
  }

  /** How values are placed: linear, log, date or category ({@code type}). */
  public Axis type(AxisType type) {
    return set("type", type.wire());
  }

  /**
   * Sets any axis attribute by its dotted plotly.js path ({@code "tickfont.size"}); null removes
   * it.
   */
  public Axis set(String path, Object value) {
    attributes.put(path, value);
    return this;
  }

  /** The axis as plotly.js JSON: a fresh map of the attributes that were set. */
  public Map<String, Object> toMap() {
    return attributes.toMap();
  }

  /** The axis's JSON map, for debugging. */
  @Override
  public String toString() {
    return toMap().toString();
  }
}
