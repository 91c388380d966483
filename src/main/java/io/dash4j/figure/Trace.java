package io.dash4j.figure;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One plotly.js trace: an entry of the figure's {@code data}, with the attributes every trace type
 * shares.
 *
 * <p>Typed subclasses cover the common types ({@link Scatter}, {@link Bar}, {@link Histogram},
 * {@link Heatmap}, {@link Pie}); {@link #of(String)} makes any other type, and {@link #set(String,
 * Object)} reaches any attribute.
 *
 * @param <T> the trace's own class, so every setter returns it for chaining
 */
public abstract class Trace<T extends Trace<T>> {
  private final Attributes attributes = new Attributes();

  /** Starts a trace of a plotly.js {@code type}, such as {@code "candlestick"}. */
  protected Trace(String type) {
    attributes.put("type", Objects.requireNonNull(type, "type"));
  }

  /**
   * A trace of any plotly.js {@code type}, filled in with {@link #set}: {@code
   * Trace.of("scatter3d").set("z", zs)}.
   */
  public static Trace<?> of(String type) {
    return new Raw(type);
  }

  /**
   * Sets any attribute by its dotted plotly.js path ({@code "marker.line.color"}), creating the
   * maps on the way and replacing what was there. Arrays and collections become lists, dates ISO
   * strings; null removes the attribute.
   */
  public T set(String path, Object value) {
    attributes.put(path, value);
    return self();
  }

  /** The legend and hover name ({@code name}). */
  public T name(String name) {
    return set("name", name);
  }

  /** The opacity of the whole trace, 0 to 1 ({@code opacity}). */
  public T opacity(double opacity) {
    return set("opacity", opacity);
  }

  /** Whether the trace has a legend entry ({@code showlegend}). */
  public T showlegend(boolean showlegend) {
    return set("showlegend", showlegend);
  }

  /**
   * The hover label template, such as {@code "%{x}: %{y:.2f}<extra></extra>"} ({@code
   * hovertemplate}).
   */
  public T hovertemplate(String template) {
    return set("hovertemplate", template);
  }

  /** One text shown on hover for every point ({@code text}). */
  public T text(String text) {
    return set("text", text);
  }

  /**
   * A text per point, shown on hover or, with a {@code "text"} mode, beside the point ({@code
   * text}).
   */
  public T text(List<?> texts) {
    return set("text", texts);
  }

  /**
   * The colour of markers and bars, such as {@code "#636efa"} ({@code marker.color}); pies use
   * {@link Pie#colors}.
   */
  public T markerColor(String color) {
    return set("marker.color", color);
  }

  /** A colour, or a number mapped through the colour scale, per point ({@code marker.color}). */
  public T markerColor(List<?> colors) {
    return set("marker.color", colors);
  }

  /** The colour of the line of line-drawing traces such as {@link Scatter} ({@code line.color}). */
  public T lineColor(String color) {
    return set("line.color", color);
  }

  /** The width of the line in pixels ({@code line.width}). */
  public T lineWidth(double width) {
    return set("line.width", width);
  }

  /**
   * The dash style of the line: {@code "solid"}, {@code "dot"}, {@code "dash"}, {@code "longdash"},
   * {@code "dashdot"}, {@code "longdashdot"} or a pixel list such as {@code "5px,10px"} ({@code
   * line.dash}).
   */
  public T lineDash(String dash) {
    return set("line.dash", dash);
  }

  /**
   * The trace as plotly.js JSON: a fresh map holding {@code type} and the attributes that were set.
   */
  public Map<String, Object> toMap() {
    return attributes.toMap();
  }

  /** The trace's JSON map, for debugging. */
  @Override
  public String toString() {
    return toMap().toString();
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  private static final class Raw extends Trace<Raw> {
    Raw(String type) {
      super(type);
    }
  }
}
