/**
 * Plotly figures from Java: {@link io.dash4j.figure.Figure} with {@link io.dash4j.figure.Scatter},
 * {@link io.dash4j.figure.Bar}, {@link io.dash4j.figure.Histogram}, {@link
 * io.dash4j.figure.Heatmap}, {@link io.dash4j.figure.Pie} and {@link io.dash4j.figure.Axis}, the
 * Java counterpart of Python's {@code plotly.graph_objects}.
 *
 * <p>A figure is the plain map {@code dcc.Graph}'s {@code figure} prop takes: {@code {"data":
 * [traces], "layout": {...}}}, made of maps, lists, strings, numbers and booleans. Only attributes
 * that were set are written, so plotly.js keeps its own defaults. Methods are named after the
 * plotly.js attribute they set; any other attribute is reachable with {@code
 * set("marker.line.color", ...)} on a trace, an axis or the figure, and any other trace type with
 * {@link io.dash4j.figure.Trace#of(String)}.
 *
 * <p>User-facing; imports nothing but the JDK.
 */
package io.dash4j.figure;
