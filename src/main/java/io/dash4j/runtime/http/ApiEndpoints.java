package io.dash4j.runtime.http;

import io.dash4j.DashConfig;
import io.dash4j.callback.Argument;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.model.AppModel;
import io.dash4j.model.ServerCallbackSpec;
import io.dash4j.protocol.CallbackKeys;
import io.dash4j.protocol.JsonWriter;
import io.dash4j.protocol.UpdateRequest;
import io.dash4j.runtime.cluster.RemoteCalls;
import io.dash4j.runtime.wire.CallbackReply;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Callbacks served as plain JSON APIs (Dash's {@code api_endpoint}): the body's argument values
 * become an ordinary callback request to the callback's event-bus address, and the values of the
 * Dash response come back as the JSON of what the callback returned. One door more into the same
 * verticle.
 */
final class ApiEndpoints {
  private ApiEndpoints() {}

  /**
   * Mounts every callback's api endpoint under the prefix; like the renderer's route, it takes only
   * JSON.
   */
  static void mount(
      Router router,
      Vertx vertx,
      DashConfig config,
      AppModel model,
      DeliveryOptions delivery,
      Refusals refusals) {
    var remoteCalls = RemoteCalls.of(vertx); // looked up once, not per request
    for (ServerCallbackSpec callback : model.callbacks()) {
      var endpoint = callback.options().apiEndpoint();
      if (endpoint != null) {
        router
            .post(config.prefix() + endpoint.path().substring(1))
            .handler(refusals.jsonOnly())
            .handler(BodyHandler.create(false).setBodyLimit(config.maxRequestBytes()))
            .handler(ctx -> call(ctx, vertx, remoteCalls, callback, delivery, refusals));
      }
    }
  }

  private static void call(
      RoutingContext ctx,
      Vertx vertx,
      RemoteCalls remoteCalls,
      ServerCallbackSpec callback,
      DeliveryOptions delivery,
      Refusals refusals) {
    Map<String, Object> arguments;
    try {
      Buffer body = ctx.body().buffer();
      arguments = body == null || body.length() == 0 ? Map.of() : new JsonObject(body).getMap();
    } catch (DecodeException | ClassCastException e) {
      refusals.refuse(ctx, 400, "The body must be a JSON object of argument values");
      return;
    }
    var request = UpdateRequest.of(dashRequest(callback, arguments)).from(DashRoutes.caller(ctx));
    remoteCalls
        .<CallbackReply>request(vertx, CallbackKeys.address(request.output()), request, delivery)
        .onSuccess(reply -> answer(ctx, callback, reply.body()))
        .onFailure(failure -> DashRoutes.busFailure(failure, true).writeTo(ctx.response()));
  }

  /** The {@code _dash-update-component} body the renderer would send for these argument values. */
  private static Map<String, Object> dashRequest(
      ServerCallbackSpec callback, Map<String, Object> values) {
    var inputs = new ArrayList<Object>();
    var state = new ArrayList<Object>();
    List<String> names = callback.apiNames();
    for (int i = 0; i < callback.arguments().size(); i++) {
      Argument<?> argument = callback.arguments().get(i);
      var dependency = new LinkedHashMap<String, Object>();
      dependency.put("id", argument.componentId());
      dependency.put("property", argument.property());
      dependency.put("value", values.get(names.get(i)));
      (argument instanceof Input<?> ? inputs : state).add(dependency);
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("output", callback.outputKey());
    List<Object> outputs =
        callback.outputs().stream()
            .<Object>map(o -> Map.of("id", o.componentId(), "property", o.property()))
            .toList();
    if (!outputs.isEmpty()) {
      body.put("outputs", callback.multiOutput() ? outputs : outputs.get(0));
    }
    body.put("inputs", inputs);
    body.put("state", state);
    body.put("changedPropIds", List.of());
    return body;
  }

  /**
   * The callback's return value as JSON: one output's value, or a list with one value per output.
   */
  private static void answer(RoutingContext ctx, ServerCallbackSpec callback, CallbackReply reply) {
    if (reply.status() != 200 || callback.noOutput()) {
      reply.writeTo(ctx.response());
      return;
    }
    var response = new JsonObject(reply.body()).getJsonObject("response");
    var values = new ArrayList<Object>();
    for (Output<?> output : callback.outputs()) {
      var props = response.getJsonObject(CallbackKeys.stringifyId(output.componentId()));
      values.add(props == null ? null : props.getValue(output.property()));
    }
    Object result = callback.multiOutput() ? values : values.get(0);
    ctx.response()
        .putHeader("Content-Type", CallbackReply.JSON)
        .end(
            Buffer.buffer(
                JsonWriter.toBytes(
                    result instanceof JsonObject json
                        ? json.getMap()
                        : result instanceof JsonArray array ? array.getList() : result)));
  }
}
