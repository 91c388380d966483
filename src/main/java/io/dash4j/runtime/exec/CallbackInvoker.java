package io.dash4j.runtime.exec;

import io.dash4j.callback.Dependency;
import io.dash4j.callback.Fn.ErrorHandler;
import io.dash4j.callback.NoUpdate;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.model.AppModel;
import io.dash4j.model.ServerCallbackSpec;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.JsonWriter;
import io.dash4j.protocol.MalformedRequest;
import io.dash4j.protocol.PatternIds;
import io.dash4j.protocol.UpdateRequest;
import io.dash4j.runtime.socket.SocketCall;
import io.dash4j.runtime.wire.CallbackReply;
import io.dash4j.websocket.PageGone;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one callback for one request, as Dash's {@code dispatch} does: checks the request against
 * the registered callback (pattern-matching ids included), decodes the values, calls the user
 * function (or its error handler) with a callback context, and builds the Dash response. Runs on a
 * user-code thread; on an event loop only for a callback the app declared {@code nonBlocking}.
 */
public final class CallbackInvoker {
  private static final Logger LOG = Logger.getLogger(CallbackInvoker.class.getName());
  private static final String MALFORMED = "Malformed callback request";

  private final ServerCallbackSpec callback;
  private final AppModel model;
  private final boolean debug;

  /**
   * @param model where the app-wide error handler is read, when the callback fails
   * @param debug whether error answers show the exception (debug mode)
   */
  public CallbackInvoker(ServerCallbackSpec callback, AppModel model, boolean debug) {
    this.callback = callback;
    this.model = model;
    this.debug = debug;
  }

  /**
   * Handles a request and always answers: a Dash response, 204, 400 for a bad request, 500 for an
   * error. Over the socket ({@code socket} not null) its {@code setProps} are pushed as they
   * happen, and a call whose page went away ends quietly with 204.
   */
  CallbackReply invoke(UpdateRequest request, SocketCall socket) {
    Decoded decoded;
    try {
      decoded = decode(request);
    } catch (MalformedRequest e) {
      return CallbackReply.error(400, MALFORMED);
    }
    var context = new RequestContext(request, socket, callback.usesWebsocket(model.defaults()));
    Object result;
    try {
      result = context.run(() -> callback.apply(decoded.arguments()));
    } catch (PreventUpdate prevent) {
      return CallbackReply.noContent();
    } catch (Exception | StackOverflowError | LinkageError | AssertionError error) {
      if (context.isShutdown() || error instanceof PageGone) {
        return CallbackReply
            .noContent(); // the page went away mid-run (its thread was interrupted): nobody to tell
      }
      // Errors user code commonly raises (runaway recursion, a missing class, a failed assert)
      // answer at once like exceptions, instead of leaving the caller to wait for the timeout.
      try {
        result = handleError(context, error);
      } catch (PreventUpdate prevent) {
        return CallbackReply.noContent();
      } catch (Exception | StackOverflowError | LinkageError | AssertionError unhandled) {
        return failed(unhandled);
      }
    }
    try {
      var body = body(decoded.outputs(), result, context.sideUpdates());
      return body == null
          ? CallbackReply.noContent().withHeaders(context.responseHeaders())
          : CallbackReply.ok(JsonWriter.toBytes(body)).withHeaders(context.responseHeaders());
    } catch (RuntimeException invalidReturn) {
      return failed(invalidReturn);
    }
  }

  /** The callback's name in the log: its outputs (or its inputs and where it was registered). */
  public String callbackName() {
    return callback.describe();
  }

  /**
   * A request's outputs and argument values, checked against the callback.
   *
   * @param outputs the request's outputs, one per declared output (a list for an ALL output)
   * @param arguments the decoded argument values, in the function's order
   */
  public record Decoded(List<Object> outputs, List<Object> arguments) {}

  /**
   * Checks a request against the callback (pattern-matching ids included) and decodes its values.
   *
   * @throws MalformedRequest with a message naming nothing internal
   */
  public Decoded decode(UpdateRequest request) {
    try {
      var outputs = callback.noOutput() ? List.<Object>of() : checkOutputs(request.outputs());
      var arguments =
          callback.decode(
              values(request.inputs(), callback.inputs()),
              values(request.state(), callback.states()));
      return new Decoded(outputs, arguments);
    } catch (MalformedRequest | IllegalArgumentException | ClassCastException e) {
      throw new MalformedRequest(MALFORMED);
    }
  }

  /**
   * The request's values, checked against the callback, in the function's argument order as the
   * browser sent them (undecoded): what a background callback's cache key is made of.
   *
   * @throws MalformedRequest with a message naming nothing internal
   */
  public List<Object> wireArguments(UpdateRequest request) {
    try {
      return callback.inArgumentOrder(
          values(request.inputs(), callback.inputs()), values(request.state(), callback.states()));
    } catch (MalformedRequest | IllegalArgumentException | ClassCastException e) {
      throw new MalformedRequest(MALFORMED);
    }
  }

  /**
   * A request's outputs checked against the callback, without decoding its values (a background
   * poll's values are all null).
   *
   * @throws MalformedRequest with a message naming nothing internal
   */
  public List<Object> outputsOf(UpdateRequest request) {
    try {
      return callback.noOutput() ? List.of() : checkOutputs(request.outputs());
    } catch (MalformedRequest | IllegalArgumentException | ClassCastException e) {
      throw new MalformedRequest(MALFORMED);
    }
  }

  /**
   * Dash's response body for what the function returned: {@code {"multi": true, "response": {id:
   * {prop: value}}, "sideUpdate": {...}}}, or null when there is nothing to send (204).
   *
   * @param outputs the checked outputs of the request ({@link Decoded#outputs()})
   * @param side the props set with {@code setProps}, by stringified id
   * @throws RuntimeException when the value does not fit the outputs (a bad return value)
   */
  public Map<String, Object> body(
      List<Object> outputs, Object result, Map<String, Map<String, Object>> side) {
    return callback.noOutput() ? noOutputResponse(result, side) : response(outputs, result, side);
  }

  private CallbackReply failed(Throwable error) {
    LOG.log(Level.WARNING, "callback " + callback.describe() + " failed", error);
    return ErrorPages.callbackError(error, debug);
  }

  /**
   * The callback's own handler, else the app's, run with {@code context} current; a handler's null
   * means "update nothing". Without a handler the error is thrown on.
   */
  public Object handleError(RequestContext context, Throwable error) throws Exception {
    ErrorHandler handler =
        callback.options().onError() != null ? callback.options().onError() : model.errorHandler();
    if (handler == null || !(error instanceof Exception exception)) {
      throw error instanceof Exception e ? e : new CallbackFailed(error);
    }
    Object value = context.run(() -> handler.handle(exception));
    if (value == null && !callback.noOutput()) {
      return callback.multiOutput()
          ? Collections.nCopies(callback.outputs().size(), NoUpdate.NO_UPDATE)
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

  /**
   * The request's outputs, checked one by one against the declared ones ({@code
   * validate_output_spec}): a map {@code {id, property}}, or for an ALL output the list of the
   * components it matched.
   */
  private List<Object> checkOutputs(Object requested) {
    List<?> given =
        callback.multiOutput() ? asList(requested) : Collections.singletonList(requested);
    var declared = callback.outputs();
    if (given.size() != declared.size()) {
      throw new MalformedRequest(MALFORMED);
    }
    var outputs = new ArrayList<Object>(given.size());
    for (int i = 0; i < given.size(); i++) {
      outputs.add(check(given.get(i), declared.get(i)));
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
      Object checked = check(given.get(i), declared.get(i));
      if (checked instanceof List<?> group) {
        var groupValues = new ArrayList<Object>(group.size());
        group.forEach(item -> groupValues.add(((Map<?, ?>) item).get("value")));
        values.add(groupValues);
      } else {
        values.add(((Map<?, ?>) checked).get("value"));
      }
    }
    return values;
  }

  /**
   * One dependency of the request: a matching map, or for ALL/ALLSMALLER a list of matching maps.
   */
  private static Object check(Object given, Dependency<?> declared) {
    if (declared.many()) {
      for (Object item : asList(given)) {
        checkOne(item, declared);
      }
      return given;
    }
    return checkOne(given, declared);
  }

  private static Map<?, ?> checkOne(Object given, Dependency<?> declared) {
    if (!(given instanceof Map<?, ?> map)
        || !(map.get("property") instanceof String property)
        || !CallbackKeys.cleanProperty(property).equals(declared.property())
        || !PatternIds.matches(map.get("id"), declared.componentId())) {
      throw new MalformedRequest(MALFORMED);
    }
    return map;
  }

  private static List<?> asList(Object value) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw new MalformedRequest(MALFORMED);
  }

  /**
   * Dash's response body: {@code {"multi": true, "response": {id: {prop: value}}, "sideUpdate":
   * {...}}}.
   */
  private Map<String, Object> response(
      List<Object> outputs, Object result, Map<String, Map<String, Object>> side) {
    List<?> values =
        callback.multiOutput() ? valuesPerOutput(result) : Collections.singletonList(result);
    var byId = new LinkedHashMap<String, Map<String, Object>>();
    for (int i = 0; i < values.size(); i++) {
      var output = callback.outputs().get(i);
      if (output.many()) {
        putAll(byId, asList(outputs.get(i)), values.get(i), output.property());
      } else {
        put(byId, (Map<?, ?>) outputs.get(i), values.get(i), output.property());
      }
    }
    return dashBody(byId, side);
  }

  /**
   * The body every answer shares: {@code multi}, the outputs' values, and the {@code setProps} if
   * any.
   */
  private static Map<String, Object> dashBody(
      Map<String, ?> byId, Map<String, Map<String, Object>> side) {
    var body = new LinkedHashMap<String, Object>();
    body.put("multi", true);
    body.put("response", byId);
    if (!side.isEmpty()) {
      body.put("sideUpdate", side);
    }
    return body;
  }

  /** An ALL output: one value per matched component, in the request's order. */
  private void putAll(
      Map<String, Map<String, Object>> byId, List<?> matched, Object value, String property) {
    if (value == NoUpdate.NO_UPDATE) {
      return;
    }
    if (!(value instanceof List<?> list) || list.size() != matched.size()) {
      throw new IllegalStateException(
          "an Output.all(...) matching "
              + matched.size()
              + " components must get a list of "
              + matched.size()
              + " values, not "
              + describe(value));
    }
    for (int i = 0; i < list.size(); i++) {
      put(byId, (Map<?, ?>) matched.get(i), list.get(i), property);
    }
  }

  private static void put(
      Map<String, Map<String, Object>> byId, Map<?, ?> output, Object value, String property) {
    if (value != NoUpdate.NO_UPDATE) {
      byId.computeIfAbsent(CallbackKeys.stringifyId(output.get("id")), k -> new LinkedHashMap<>())
          .put(property, value);
    }
  }

  /**
   * A callback without outputs answers 204, or 200 with its {@code setProps} as {@code sideUpdate};
   * returning a value is an error, as in Dash ({@code InvalidCallbackReturnValue}).
   */
  private Map<String, Object> noOutputResponse(
      Object result, Map<String, Map<String, Object>> side) {
    if (result != null && result != NoUpdate.NO_UPDATE) {
      throw new IllegalStateException(
          "a callback without outputs must not return a value, got " + describe(result));
    }
    return side.isEmpty() ? null : dashBody(Map.of(), side);
  }

  private List<?> valuesPerOutput(Object result) {
    if (result == NoUpdate.NO_UPDATE || Outputs.isNoUpdate(result)) {
      return Collections.nCopies(callback.outputs().size(), NoUpdate.NO_UPDATE);
    }
    if (!(result instanceof List<?> list) || list.size() != callback.outputs().size()) {
      throw new IllegalStateException(
          "a callback with "
              + callback.outputs().size()
              + " outputs must return a list of "
              + callback.outputs().size()
              + " values, not "
              + describe(result));
    }
    return list;
  }

  private static String describe(Object result) {
    return result instanceof List<?> list ? "a list of " + list.size() : String.valueOf(result);
  }
}
