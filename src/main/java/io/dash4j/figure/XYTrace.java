package io.dash4j.figure;

import java.util.List;

/**
 * A trace drawn on x and y axes, whose {@code x} and {@code y} take numbers, dates or categories.
 *
 * @param <T> the trace's own class, so every setter returns it for chaining
 */
public abstract class XYTrace<T extends XYTrace<T>> extends Trace<T> {

  /** Starts a trace of a plotly.js {@code type} drawn on x and y axes. */
  protected XYTrace(String type) {
    super(type);
  }

  /** The x values: numbers, date strings or {@code java.time} values, or categories ({@code x}). */
  public T x(List<?> values) {
    return set("x", values);
  }

  /** The x values ({@code x}). */
  public T x(double[] values) {
    return set("x", values);
  }

  /** The x values ({@code x}). */
  public T x(int[] values) {
    return set("x", values);
  }

  /** The y values: numbers, date strings or {@code java.time} values, or categories ({@code y}). */
  public T y(List<?> values) {
    return set("y", values);
  }

  /** The y values ({@code y}). */
  public T y(double[] values) {
    return set("y", values);
  }

  /** The y values ({@code y}). */
  public T y(int[] values) {
    return set("y", values);
  }
}
