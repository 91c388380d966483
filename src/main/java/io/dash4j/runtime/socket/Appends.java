package io.dash4j.runtime.socket;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * Props whose pushes add to what the page has rather than replace it, and how two such pushes
 * waiting for a slow page become one. Only {@code dcc.Graph}'s {@code extendData} so far: {@code
 * [update, traceIndices, maxPoints]} or {@code update} alone, where {@code update} maps a trace
 * attribute to one array of new points per trace.
 */
final class Appends {
  private Appends() {}

  /** Whether pushes of {@code prop} append. */
  static boolean appends(String prop) {
    return "extendData".equals(prop);
  }

  /**
   * One {@code extendData} with the points of {@code earlier} then {@code later}, capped at their
   * {@code maxPoints}; null when they do not line up (other traces, attributes or caps), and the
   * later must replace the earlier.
   */
  static Object merge(Object earlier, Object later) {
    if (earlier instanceof JsonArray a && later instanceof JsonArray b) {
      if (a.size() != b.size()
          || a.isEmpty()
          || (a.size() > 1 && !Objects.equals(a.getValue(1), b.getValue(1)))
          || (a.size() > 2 && !Objects.equals(a.getValue(2), b.getValue(2)))) {
        return null;
      }
      Object cap = a.size() > 2 ? a.getValue(2) : null;
      JsonObject update = mergeUpdates(a.getValue(0), b.getValue(0), cap);
      if (update == null) {
        return null;
      }
      JsonArray merged = a.copy();
      merged.set(0, update);
      return merged;
    }
    return mergeUpdates(earlier, later, null);
  }

  private static JsonObject mergeUpdates(Object earlier, Object later, Object cap) {
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
        var points = pointsA.copy().addAll(pointsB);
        int max = cap instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
        traces.add(
            points.size() > max
                ? new JsonArray(points.getList().subList(points.size() - max, points.size()))
                : points);
      }
      merged.put(attribute, traces);
    }
    return merged;
  }
}
