package io.dash4j.runtime.jobs;

import io.dash4j.callback.BackgroundCallbackError;
import io.dash4j.callback.NoUpdate;
import io.dash4j.protocol.JsonWriter;
import io.dash4j.runtime.exec.ErrorPages;
import io.dash4j.runtime.jobs.JobStore.Outcome;
import io.dash4j.runtime.wire.PlainJson;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's outcome as the store keeps it: {@code {"v": value}} (the function's raw value, so a
 * cached value fits any page's ALL-matched outputs), {@code {"nu": 1}} (PreventUpdate), or {@code
 * {"err": {"msg": ..., "tb": ...}}}. A no-update, at the top or inside a multi-output list, travels
 * as Dash's own marker {@code {"_dash_no_update": "_dash_no_update"}}.
 */
final class JobOutcomes {
  private static final String MARKER = "_dash_no_update";

  private JobOutcomes() {}

  /** A returned value; null (a callback without outputs returns nothing) is kept as null. */
  static Outcome value(Object value) {
    var v = new LinkedHashMap<String, Object>(); // Map.of refuses the null of a no-output callback
    v.put("v", markNoUpdates(value));
    return new Outcome(false, JsonWriter.toJson(v));
  }

  static Outcome preventUpdate() {
    return new Outcome(false, "{\"nu\":1}");
  }

  /**
   * A job that threw: Dash's {@code BackgroundCallbackError} with the cause's message, and the
   * error page the dev tools show (the user's stack frames), kept for the poll that ends the job.
   */
  static Outcome failure(Throwable error) {
    var page = ErrorPages.callbackError(new BackgroundCallbackError(error), true);
    return error(page.summary(), page.body().toString());
  }

  /** A job whose workers kept dying: it is given up after {@code attempts} claims. */
  static Outcome workerStopped(int attempts) {
    var page =
        ErrorPages.callbackError(
            new BackgroundCallbackError("the job's worker stopped " + attempts + " times"), true);
    return error(page.summary(), page.body().toString());
  }

  private static Outcome error(String message, String userFrames) {
    var err = new LinkedHashMap<String, Object>();
    err.put("msg", message);
    err.put("tb", userFrames);
    return new Outcome(true, JsonWriter.toJson(Map.of("err", err)));
  }

  /** One outcome read back. */
  sealed interface Read permits Value, Prevented, Failed {}

  /** A value, no-updates restored as {@link NoUpdate#NO_UPDATE}. */
  record Value(Object value) implements Read {}

  /** PreventUpdate. */
  record Prevented() implements Read {}

  /** An error: its message and the user's stack frames as text. */
  record Failed(String message, String userFrames) implements Read {}

  static Read read(String json) {
    var map = PlainJson.map(new JsonObject(json));
    if (map.containsKey("v")) {
      return new Value(restoreNoUpdates(map.get("v")));
    }
    if (map.get("err") instanceof Map<?, ?> err) {
      return new Failed(String.valueOf(err.get("msg")), String.valueOf(err.get("tb")));
    }
    return new Prevented();
  }

  private static Object markNoUpdates(Object value) {
    if (value == NoUpdate.NO_UPDATE) {
      return Map.of(MARKER, MARKER);
    }
    if (value instanceof List<?> list) {
      var marked = new ArrayList<Object>(list.size());
      list.forEach(item -> marked.add(item == NoUpdate.NO_UPDATE ? Map.of(MARKER, MARKER) : item));
      return marked;
    }
    return value;
  }

  private static Object restoreNoUpdates(Object value) {
    if (isMarker(value)) {
      return NoUpdate.NO_UPDATE;
    }
    if (value instanceof List<?> list) {
      var restored = new ArrayList<Object>(list.size());
      list.forEach(item -> restored.add(isMarker(item) ? NoUpdate.NO_UPDATE : item));
      return restored;
    }
    return value;
  }

  private static boolean isMarker(Object value) {
    return value instanceof Map<?, ?> map && map.size() == 1 && MARKER.equals(map.get(MARKER));
  }
}
