package io.dash4j.testing;

import io.dash4j.protocol.CallbackKeys;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Bodies of {@code _dash-update-component} requests as the renderer sends them (also the body of a
 * socket callback request), for the one-input, one-output callbacks most tests call by hand.
 */
public final class UpdateRequests {
  private UpdateRequests() {}

  /**
   * {@code button}'s {@code n_clicks} at {@code clicks} is the input, {@code output}'s children the
   * output.
   */
  public static JsonObject click(String button, int clicks, String output) {
    return change(output, button, "n_clicks", clicks);
  }

  /**
   * {@code input}'s {@code value} changed to {@code value}; {@code output}'s children is the
   * output.
   */
  public static JsonObject valueChange(String output, String input, Object value) {
    return change(output, input, "value", value);
  }

  /**
   * {@code button}'s {@code n_clicks} at {@code clicks} triggers a callback without outputs whose
   * only input it is (keyed by the hash of its input, as Dash keys them).
   */
  public static JsonObject clickWithoutOutput(String button, int clicks) {
    String input = button + ".n_clicks";
    return request(
        CallbackKeys.outputKey(List.of(), false, List.of(input), ""),
        new JsonArray(),
        button,
        "n_clicks",
        clicks);
  }

  private static JsonObject change(String output, String input, String property, Object value) {
    return request(
        output + ".children",
        new JsonObject().put("id", output).put("property", "children"),
        input,
        property,
        value);
  }

  private static JsonObject request(
      String outputKey, Object outputs, String input, String property, Object value) {
    return new JsonObject()
        .put("output", outputKey)
        .put("outputs", outputs)
        .put(
            "inputs",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("id", input)
                        .put("property", property)
                        .put("value", value)))
        .put("changedPropIds", new JsonArray().add(input + "." + property));
  }
}
