package io.dash4j.server;

import io.dash4j.DashApp;
import io.dash4j.callback.Callback;
import io.dash4j.callback.Dependency;
import io.dash4j.callback.Fn.ErrorHandler;
import io.dash4j.callback.NoUpdate;
import io.dash4j.callback.Output;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.JsonWriter;
import io.dash4j.protocol.MalformedRequest;
import io.dash4j.protocol.UpdateRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one callback for one request, as Dash's {@code dispatch} does: checks the request against the registered
 * callback, decodes the values, calls the user function (or its error handler) with a callback context, and builds
 * the Dash response. Runs on a user-code thread, never on an event loop.
 */
final class CallbackInvoker {
  private static final Logger LOG = Logger.getLogger(CallbackInvoker.class.getName());
  private static final String MALFORMED = "Malformed callback request";

  private final DashApp app;
  private final Callback callback;
  private final boolean debug;

  CallbackInvoker(DashApp app, Callback callback, boolean debug) {
    this.app = app;
    this.callback = callback;
    this.debug = debug;
  }

  /** Handles a request and always answers: a Dash response, 204, 400 for a bad request, 500 for an error. */
  CallbackReply invoke(UpdateRequest request) {
    List<Object> arguments;
    List<Map<String, Object>> outputs;
    try {
      outputs = checkOutputs(request.outputs());
      arguments = callback.decode(values(request.inputs(), callback.inputs()), values(request.state(), callback.states()));
    } catch (MalformedRequest | IllegalArgumentException | ClassCastException e) {
      return CallbackReply.error(400, MALFORMED);
    }
    var context = new RequestContext(request);
    Object result;
    try {
      result = context.run(() -> callback.apply(arguments));
    } catch (PreventUpdate prevent) {
      return CallbackReply.noContent();
    } catch (Exception | StackOverflowError | LinkageError | AssertionError error) {
      // Errors user code commonly raises (runaway recursion, a missing class, a failed assert) answer at once
      // like exceptions, instead of leaving the caller to wait for the timeout.
      try {
        result = handleError(context, error);
      } catch (PreventUpdate prevent) {
        return CallbackReply.noContent();
      } catch (Exception | StackOverflowError | LinkageError | AssertionError unhandled) {
        return failed(unhandled);
      }
    }
    try {
      return CallbackReply.ok(JsonWriter.toBytes(response(outputs, result, context)));
    } catch (RuntimeException invalidReturn) {
      return failed(invalidReturn);
    }
  }

  private CallbackReply failed(Throwable error) {
    LOG.log(Level.WARNING, "callback " + CallbackKeys.outputKey(callback) + " failed", error);
    return ErrorPages.callbackError(error, debug);
  }

  /** The callback's own handler, else the app's; a handler's null means "update nothing". */
  private Object handleError(RequestContext context, Throwable error) throws Exception {
    ErrorHandler handler = callback.errorHandler() != null ? callback.errorHandler() : app.errorHandler();
    if (handler == null || !(error instanceof Exception exception)) {
      throw error instanceof Exception e ? e : new CallbackFailed(error);
    }
    Object value = context.run(() -> handler.handle(exception));
    if (value == null) {
      return callback.multiOutput()
          ? java.util.Collections.nCopies(callback.outputs().size(), NoUpdate.NO_UPDATE)
          : NoUpdate.NO_UPDATE;
    }
    return value;
  }

  /** Carries an {@link Error} from user code to the error page. */
  private static final class CallbackFailed extends Exception {
    private static final long serialVersionUID = 1L;

    CallbackFailed(Throwable cause) {
      super(cause.toString(), cause, false, false);
    }
  }

  /** The request's outputs, checked one by one against the declared ones ({@code validate_output_spec}). */
  private List<Map<String, Object>> checkOutputs(Object requested) {
    List<?> given = callback.multiOutput() ? asList(requested) : java.util.Collections.singletonList(requested);
    var declared = callback.outputs();
    if (given.size() != declared.size()) {
      throw new MalformedRequest(MALFORMED);
    }
    var outputs = new ArrayList<Map<String, Object>>(given.size());
    for (int i = 0; i < given.size(); i++) {
      outputs.add(checkDependency(given.get(i), declared.get(i)));
    }
    return outputs;
  }

  /** The values of the request's inputs or states, each checked against its declaration. */
  private static List<Object> values(List<Object> given, List<? extends Dependency<?>> declared) {
    if (given.size() != declared.size()) {
      throw new MalformedRequest(MALFORMED);
    }
    var values = new ArrayList<Object>(given.size());
    for (int i = 0; i < given.size(); i++) {
      values.add(checkDependency(given.get(i), declared.get(i)).get("value"));
    }
    return values;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> checkDependency(Object given, Dependency<?> declared) {
    if (!(given instanceof Map<?, ?> map) || !(map.get("property") instanceof String property)) {
      throw new MalformedRequest(MALFORMED);
    }
    int at = property.indexOf('@');
    String prop = at < 0 ? property : property.substring(0, at);
    if (!prop.equals(declared.property()) || !Objects.equals(normalise(map.get("id")), declared.componentId())) {
      throw new MalformedRequest(MALFORMED);
    }
    return (Map<String, Object>) map;
  }

  private static Object normalise(Object id) {
    if (id instanceof Map<?, ?> map) {
      var sorted = new java.util.TreeMap<String, Object>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
      return sorted;
    }
    return id;
  }

  private static List<?> asList(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw new MalformedRequest(MALFORMED);
  }

  /** Dash's response body: {@code {"multi": true, "response": {id: {prop: value}}, "sideUpdate": {...}}}. */
  private Map<String, Object> response(List<Map<String, Object>> outputs, Object result, RequestContext context) {
    List<?> values = callback.multiOutput() ? multiValues(result) : java.util.Collections.singletonList(result);
    var byId = new LinkedHashMap<String, Map<String, Object>>();
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      if (value == NoUpdate.NO_UPDATE) {
        continue;
      }
      Output<?> output = callback.outputs().get(i);
      String id = CallbackKeys.stringifyId(outputs.get(i).get("id"));
      byId.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(output.property(), value);
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("multi", true);
    body.put("response", byId);
    var side = context.sideUpdates();
    if (!side.isEmpty()) {
      body.put("sideUpdate", side);
    }
    return body;
  }

  private List<?> multiValues(Object result) {
    if (result == NoUpdate.NO_UPDATE) {
      return java.util.Collections.nCopies(callback.outputs().size(), NoUpdate.NO_UPDATE);
    }
    if (!(result instanceof List<?> list) || list.size() != callback.outputs().size()) {
      throw new IllegalStateException("a callback with " + callback.outputs().size()
          + " outputs must return a list of " + callback.outputs().size() + " values, not " + describe(result));
    }
    return list;
  }

  private static String describe(Object result) {
    return result instanceof List<?> list ? "a list of " + list.size() : String.valueOf(result);
  }
}
