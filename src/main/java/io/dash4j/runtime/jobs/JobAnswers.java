package io.dash4j.runtime.jobs;

import io.dash4j.model.ServerCallbackSpec;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.JsonWriter;
import io.dash4j.runtime.exec.CallbackInvoker;
import io.dash4j.runtime.exec.ErrorPages;
import io.dash4j.runtime.jobs.JobOutcomes.Failed;
import io.dash4j.runtime.jobs.JobOutcomes.Value;
import io.dash4j.runtime.jobs.JobStore.Taken;
import io.dash4j.runtime.wire.CallbackReply;
import io.dash4j.runtime.wire.PlainJson;
import io.dash4j.runtime.wire.UpdateRequests;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answers of a background callback's requests, shaped as the stock renderer reads them
 * (dash-protocol §5): the first answer with the handles, a cache hit, and each poll's progress,
 * side updates and result, with Dash's key order {@code multi, progress, sideUpdate, response}.
 */
final class JobAnswers {
  static final String GONE = "Job expired or lost; run it again";

  private final CallbackInvoker invoker;
  private final boolean debug;
  private final List<String> progressKeys;
  private final List<Map<String, Object>> cancel;
  private final Map<String, Object> progressDefault;
  private final Map<String, Object> afterRun;

  JobAnswers(ServerCallbackSpec callback, CallbackInvoker invoker, boolean debug) {
    this.invoker = invoker;
    this.debug = debug;
    this.progressKeys = BackgroundVerticle.progressKeys(callback);
    this.cancel = BackgroundVerticle.cancelEntries(callback);
    var defaults = callback.options().progressDefault();
    // Dash drops a single falsy default (`if progress_default:` on None, 0, "", False)
    boolean dropped = defaults.size() == 1 && isFalsy(defaults.get(0));
    this.progressDefault =
        defaults.isEmpty() || dropped ? null : positional(progressKeys, defaults);
    this.afterRun = afterRun(callback, progressDefault);
  }

  /**
   * What the renderer sets when it ends the job (its {@code runningOff} values, then the progress
   * defaults), by {@code "<id>.<prop>"}: pushed with a pushed result, so the page does not show the
   * result with the callback still running until the next poll ends the job. Running outputs with
   * pattern-matching ids are left to that poll: only the renderer knows which ids they resolved to.
   */
  private static Map<String, Object> afterRun(
      ServerCallbackSpec callback, Map<String, Object> progressDefault) {
    var values = new LinkedHashMap<String, Object>();
    for (var flip : callback.options().running()) {
      if (!flip.output().isPattern()) {
        values.put(
            CallbackKeys.propId(flip.output().componentId(), flip.output().property()),
            flip.afterwards());
      }
    }
    if (progressDefault != null) {
      values.putAll(progressDefault);
    }
    return values;
  }

  /** The callback's invoker: decodes requests and builds Dash's response bodies. */
  CallbackInvoker invoker() {
    return invoker;
  }

  /** The first answer of a started job: its handles, the cancel inputs, the progress defaults. */
  CallbackReply started(String cacheHandle, String jobHandle) {
    var body = new LinkedHashMap<String, Object>();
    body.put("cacheKey", cacheHandle);
    body.put("job", jobHandle);
    if (!cancel.isEmpty()) {
      body.put("cancel", cancel);
    }
    if (progressDefault != null) {
      body.put("progressDefault", progressDefault);
    }
    return CallbackReply.ok(JsonWriter.toBytes(body));
  }

  /** A cached value, answered on the start request itself: the renderer registers no job. */
  CallbackReply cacheHit(String outcome, List<Object> outputs) {
    if (!(JobOutcomes.read(outcome) instanceof Value value)) {
      return CallbackReply.noContent();
    }
    var body = invoker.body(outputs, value.value(), Map.of());
    if (body == null || isEmptyResponse(body)) {
      return CallbackReply.noContent();
    }
    if (progressDefault != null) {
      body.put("progressDefault", progressDefault);
    }
    return CallbackReply.ok(JsonWriter.toBytes(body));
  }

  /** A poll's answer. */
  CallbackReply poll(Taken taken, List<Object> outputs) {
    switch (taken.kind()) {
      case GONE:
        return CallbackReply.error(410, GONE);
      case FOREIGN:
        return CallbackReply.error(400, Handles.INVALID);
      default:
        break;
    }
    var side = sideUpdates(taken.updates());
    var body = new LinkedHashMap<String, Object>();
    body.put("multi", true);
    if (taken.progress() != null) {
      body.put("progress", positional(progressKeys, new JsonArray(taken.progress()).getList()));
    }
    if (!side.isEmpty()) {
      body.put("sideUpdate", side);
    }
    if (!taken.isFinal()) {
      return CallbackReply.ok(JsonWriter.toBytes(body)); // no response: the renderer polls again
    }
    // a cancelled job has nothing to show; a pushed result is on the page already
    var read =
        "cancelled".equals(taken.state()) || taken.resultPushed()
            ? null
            : JobOutcomes.read(taken.outcome());
    if (read instanceof Failed failed) {
      return debug
          ? new CallbackReply(
              500,
              CallbackReply.HTML,
              Buffer.buffer(failed.userFrames()),
              List.of(),
              failed.message())
          : CallbackReply.error(500, ErrorPages.INTERNAL_ERROR);
    }
    Map<String, Object> response = Map.of();
    if (read instanceof Value value) {
      var built = invoker.body(outputs, value.value(), Map.of());
      if (built != null && built.get("response") instanceof Map<?, ?> byId) {
        @SuppressWarnings("unchecked")
        var typed = (Map<String, Object>) byId;
        response = typed;
      }
    }
    if (response.isEmpty() && side.isEmpty()) {
      return CallbackReply.noContent(); // Dash raises PreventUpdate here, even with progress
    }
    body.put("response", response);
    return CallbackReply.ok(JsonWriter.toBytes(body));
  }

  /**
   * What a push sets on the page, as {@code set_props} payloads {@code {componentId, props}}, in
   * the order a poll's answer is applied: side updates, progress, then the outputs of a value
   * outcome (the ids of the stored request's outputs; no-updates left out) and what the renderer
   * sets when the job ends. Empty when nothing is to be set.
   *
   * @throws RuntimeException when the value does not fit its outputs
   */
  List<Map<String, Object>> pushed(JobStore.Push push) {
    var payloads = new ArrayList<Map<String, Object>>();
    sideUpdates(push.updates()).forEach((id, props) -> payloads.add(setProps(id, props)));
    if (push.progress() != null) {
      byComponent(positional(progressKeys, new JsonArray(push.progress()).getList()), payloads);
    }
    if (push.outcome() != null) {
      if (JobOutcomes.read(push.outcome()) instanceof Value value) {
        var outputs = invoker.outputsOf(UpdateRequests.fromStoredJson(push.request()));
        var built = invoker.body(outputs, value.value(), Map.of());
        if (built != null && built.get("response") instanceof Map<?, ?> byId) {
          byId.forEach((id, props) -> payloads.add(setProps(String.valueOf(id), props)));
        }
      }
      byComponent(afterRun, payloads);
    }
    return payloads;
  }

  /** {@code "<id>.<prop>"} values as one {@code set_props} payload per component. */
  private static void byComponent(Map<String, Object> values, List<Map<String, Object>> payloads) {
    var byId = new LinkedHashMap<String, Map<String, Object>>();
    values.forEach(
        (key, value) -> {
          int dot = key.lastIndexOf('.'); // a prop name has no dot; a dict id may
          byId.computeIfAbsent(key.substring(0, dot), k -> new LinkedHashMap<>())
              .put(key.substring(dot + 1), value);
        });
    byId.forEach((id, props) -> payloads.add(setProps(id, props)));
  }

  private static Map<String, Object> setProps(String componentId, Object props) {
    var payload = new LinkedHashMap<String, Object>(2);
    payload.put("componentId", componentId);
    payload.put("props", props);
    return payload;
  }

  /** Every {@code setProps} not yet delivered, merged per component in call order. */
  private static Map<String, Map<String, Object>> sideUpdates(List<String> updates) {
    var merged = new LinkedHashMap<String, Map<String, Object>>();
    for (String update : updates) {
      PlainJson.map(new JsonObject(update))
          .forEach(
              (id, props) -> {
                if (props instanceof Map<?, ?> map) {
                  var target = merged.computeIfAbsent(id, k -> new LinkedHashMap<>());
                  map.forEach((k, v) -> target.put(String.valueOf(k), v));
                }
              });
    }
    return merged;
  }

  static Map<String, Object> positional(List<String> keys, List<?> values) {
    var map = new LinkedHashMap<String, Object>();
    for (int i = 0; i < keys.size() && i < values.size(); i++) {
      map.put(keys.get(i), values.get(i));
    }
    return map;
  }

  private static boolean isEmptyResponse(Map<String, Object> body) {
    return body.get("response") instanceof Map<?, ?> response
        && response.isEmpty()
        && !body.containsKey("sideUpdate");
  }

  private static boolean isFalsy(Object value) {
    return value == null
        || Boolean.FALSE.equals(value)
        || "".equals(value)
        || (value instanceof Number n && n.doubleValue() == 0);
  }
}
