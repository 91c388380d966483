package io.dash4j.runtime.socket;

import io.dash4j.protocol.AppendProps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * How two pushes of a prop that appends ({@link AppendProps}) waiting for a slow page become one:
 * {@code dcc.Graph}'s {@code extendData} and {@code prependData}, {@code [update, traceIndices,
 * maxPoints]} or {@code update} alone, where {@code update} maps a trace attribute to one array of
 * new points per trace.
 */
final class Appends {
  private Appends() {}

  /**
   * One push of {@code prop} with the points of {@code earlier} and {@code later} (for {@code
   * extendData} earlier then later, keeping the last {@code maxPoints}; for {@code prependData}
   * later then earlier, keeping the first, as Plotly's {@code prependTraces} does); null when they
   * do not line up (other traces, attributes or caps), and the later must replace the earlier.
   */
  static Object merge(String prop, Object earlier, Object later) {
    boolean prepend = AppendProps.prepends(prop);
    if (earlier instanceof JsonArray a && later instanceof JsonArray b) {
      if (a.size() != b.size()
          || a.isEmpty()
          || (a.size() > 1 && !Objects.equals(a.getValue(1), b.getValue(1)))
          || (a.size() > 2 && !Objects.equals(a.getValue(2), b.getValue(2)))) {
        return null;
      }
      Object cap = a.size() > 2 ? a.getValue(2) : null;
      JsonObject update = mergeUpdates(a.getValue(0), b.getValue(0), cap, prepend);
      if (update == null) {
        return null;
      }
      JsonArray merged = a.copy();
      merged.set(0, update);
      return merged;
    }
    return mergeUpdates(earlier, later, null, prepend);
  }

  private static JsonObject mergeUpdates(
      Object earlier, Object later, Object cap, boolean prepend) {
    if (!(earlier instanceof JsonObject a)
        || !(later instanceof JsonObject b)
        || !a.fieldNames().equals(b.fieldNames())) {
      return null;
    }
    var merged = new JsonObject();
    for (String attribute : a.fieldNames()) {
      if (!(a.getValue(attribute) instanceof JsonArray tracesA)
          || !(b.getValue(attribute) instanceof JsonArray tracesB)
          || tracesA.size() != tracesB.size()) {
        return null;
      }
      var traces = new JsonArray();
      for (int i = 0; i < tracesA.size(); i++) {
        if (!(tracesA.getValue(i) instanceof JsonArray pointsA)
            || !(tracesB.getValue(i) instanceof JsonArray pointsB)) {
          return null;
        }
        var points = prepend ? pointsB.copy().addAll(pointsA) : pointsA.copy().addAll(pointsB);
        int max = cap instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
        if (points.size() > max) {
          int from = prepend ? 0 : points.size() - max;
          points = new JsonArray(points.getList().subList(from, from + max));
        }
        traces.add(points);
      }
      merged.put(attribute, traces);
    }
    return merged;
  }
}
