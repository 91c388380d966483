package io.dash4j.figure;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A Plotly figure, Python's {@code go.Figure}: traces and a layout.
 *
 * <p>A figure is the read-only map {@code {"data": [traces], "layout": {...}}} that {@code
 * dcc.Graph}'s {@code figure} takes, so it can be given or returned wherever a figure map is
 * expected. The map is rebuilt from the traces and layout each time it is read, so changes made
 * after building show.
 *
 * <pre>{@code
 * Figure.of(Scatter.lines(xs, ys).name("sin"), Bar.of(List.of("a", "b"), List.of(3, 5)).name("counts"))
 *     .title("Waves")
 *     .xaxis(Axis.titled("t").range(0, 1))
 *     .yaxis(Axis.titled("value").type(AxisType.LOG))
 *     .height(400);
 * }</pre>
 */
public final class Figure extends AbstractMap<String, Object> {
  private final List<Trace<?>> data = new ArrayList<>();
  private final Attributes attributes = new Attributes();

  private Figure() {}

  /** A figure of these traces, drawn in order. */
  public static Figure of(Trace<?>... traces) {
    return of(Arrays.asList(traces));
  }

  /** A figure of these traces, drawn in order. */
  public static Figure of(List<? extends Trace<?>> traces) {
    var figure = new Figure();
    traces.forEach(figure::addTrace);
    return figure;
  }

  /** Adds a trace on top of the others ({@code fig.add_trace}); the trace is kept, not copied. */
  public Figure addTrace(Trace<?> trace) {
    data.add(Objects.requireNonNull(trace, "trace"));
    return this;
  }

  /**
   * The figure title ({@code layout.title.text}); plotly.js 3 no longer reads a bare string {@code
   * title}.
   */
  public Figure title(String title) {
    return layout("title.text", title);
  }

  /** The x axis ({@code layout.xaxis}), replacing any set before. */
  public Figure xaxis(Axis axis) {
    return layout("xaxis", axis);
  }

  /** The y axis ({@code layout.yaxis}), replacing any set before. */
  public Figure yaxis(Axis axis) {
    return layout("yaxis", axis);
  }

  /**
   * Whether the legend is shown; plotly shows it for two or more traces ({@code
   * layout.showlegend}).
   */
  public Figure showlegend(boolean show) {
    return layout("showlegend", show);
  }

  /** Whether the legend runs in a column or a row ({@code layout.legend.orientation}). */
  public Figure legendOrientation(Orientation orientation) {
    return layout("legend.orientation", orientation.wire());
  }

  /**
   * The margins around the plot area in pixels, in plotly's l, r, t, b order ({@code
   * layout.margin}).
   */
  public Figure margin(int left, int right, int top, int bottom) {
    return layout("margin.l", left)
        .layout("margin.r", right)
        .layout("margin.t", top)
        .layout("margin.b", bottom);
  }

  /**
   * The figure height in pixels ({@code layout.height}); dcc.Graph's own box is 450px high unless
   * styled.
   */
  public Figure height(int pixels) {
    return layout("height", pixels);
  }

  /**
   * The figure width in pixels ({@code layout.width}); left unset, the figure fills its container.
   */
  public Figure width(int pixels) {
    return layout("width", pixels);
  }

  /**
   * One of Python's built-in looks ({@code layout.template}); see {@link Template} for what it
   * carries.
   */
  public Figure template(Template template) {
    return layout("template", template.toMap());
  }

  /** A template object, such as plotly.py's JSON for a named template ({@code layout.template}). */
  public Figure template(Map<String, ?> template) {
    return layout("template", template);
  }

  /**
   * How bars at the same location are drawn: grouped, stacked, overlaid or relative ({@code
   * layout.barmode}).
   */
  public Figure barmode(BarMode mode) {
    return layout("barmode", mode.wire());
  }

  /**
   * Sets any figure attribute by its dotted path from the figure's root, such as {@code
   * "layout.xaxis.showgrid"} or {@code "layout.legend.y"}, as Python's {@code
   * fig.update(layout_xaxis_showgrid=False)}; null removes it. Traces are not reached this way: set
   * theirs with {@link Trace#set}.
   */
  public Figure set(String path, Object value) {
    if (path.equals("data") || path.startsWith("data.")) {
      throw new IllegalArgumentException(
          "traces go in with addTrace; set their attributes with Trace.set");
    }
    attributes.put(path, value);
    return this;
  }

  /**
   * The figure as plotly.js JSON: a fresh {@code {"data": [...], "layout": {...}}} of plain maps
   * and lists.
   */
  public Map<String, Object> toMap() {
    var map = new LinkedHashMap<String, Object>();
    var traces = new ArrayList<Object>(data.size());
    data.forEach(trace -> traces.add(trace.toMap()));
    map.put("data", traces);
    map.put("layout", new LinkedHashMap<String, Object>());
    // "layout" keeps its place after "data" when set attributes replace the empty one
    map.putAll(attributes.toMap());
    return map;
  }

  /** The entries of {@link #toMap()}, read-only. */
  @Override
  public Set<Entry<String, Object>> entrySet() {
    return Collections.unmodifiableMap(toMap()).entrySet();
  }

  private Figure layout(String path, Object value) {
    return set("layout." + path, value);
  }
}
