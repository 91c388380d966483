package io.dash4j.runtime.http;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Http;
import io.dash4j.testing.IndexHtml;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The callback API as the wire shows it: layout functions, the callback context, error handlers.
 */
class CallbackApiIT {
  private static final AtomicInteger pageLoads = new AtomicInteger();

  @RegisterExtension static final ServedApp server = ServedApp.of(CallbackApiIT::app);

  static final Http http = server.http();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0));
    // Dash calls a layout function for every page load; the counter makes each load visible.
    app.layout(
        () ->
            div(
                div("load " + pageLoads.incrementAndGet()).id("load"),
                input("a").value("1"),
                input("b").value("2"),
                button("go").id("go"),
                div().id("ctx"),
                div().id("x"),
                div().id("y"),
                div().id("side")));

    app.callback(
        Output.of("ctx", Html.CHILDREN),
        Input.of("a", Dcc.DccInput.VALUE),
        Input.of("b", Dcc.DccInput.VALUE),
        State.of("go", Html.N_CLICKS),
        (a, b, clicks) -> {
          var context = CallbackContext.current();
          return new JsonObject()
              .put("triggeredId", context.triggeredId())
              .put(
                  "triggered",
                  context.triggered().stream().map(CallbackContext.Triggered::propId).toList())
              .put("triggeredPropIds", context.triggeredPropIds())
              .put("inputs", context.inputs())
              .put("states", context.states())
              .encode();
        });

    // no handler of its own: the app-wide one answers
    app.callback(
        Output.of("x", Html.CHILDREN),
        Input.of("go", Html.N_CLICKS),
        clicks -> {
          throw new IllegalArgumentException("x failed at " + clicks);
        });
    // its own handler wins over the app's, and may set props
    app.callback(
        Output.of("y", Html.CHILDREN),
        Input.of("a", Dcc.DccInput.VALUE),
        value -> {
          throw new IllegalStateException("y failed");
        },
        options ->
            options.onError(
                error -> {
                  CallbackContext.current()
                      .setProps("side", Map.of("children", "handled: " + error.getMessage()));
                  return null; // null leaves the output as it is
                }));
    app.onError(error -> "app handler: " + error.getMessage());
    return app;
  }

  @Test
  void aLayoutFunctionIsCalledForEveryPageLoad() {
    int first = load(http.get("_dash-layout").body());
    int second = load(http.get("_dash-layout").body());
    assertThat(second).isGreaterThan(first);
  }

  @Test
  void aLayoutFunctionAlsoGivesTheRendererAValidationLayout() {
    JsonObject config = new IndexHtml(http.get("").body()).config();
    assertThat(config.getJsonObject("validation_layout").getString("type")).isEqualTo("Div");
  }

  @Test
  void theCallbackContextNamesTheTriggerAndTheInputsAndStatesByPropId() {
    var response =
        http.postJson(
            "_dash-update-component",
            """
        {"output": "ctx.children", "outputs": {"id": "ctx", "property": "children"},
         "inputs": [{"id": "a", "property": "value", "value": "one"}, {"id": "b", "property": "value", "value": "two"}],
         "state": [{"id": "go", "property": "n_clicks", "value": 4}],
         "changedPropIds": ["b.value"]}""");

    assertThat(response.statusCode()).isEqualTo(200);
    var context =
        new JsonObject(
            new JsonObject(response.body())
                .getJsonObject("response")
                .getJsonObject("ctx")
                .getString("children"));
    assertThat(context.getString("triggeredId")).isEqualTo("b");
    assertThat(context.getJsonArray("triggered")).isEqualTo(new JsonArray().add("b.value"));
    assertThat(context.getJsonObject("triggeredPropIds").getMap())
        .containsExactly(Map.entry("b.value", "b"));
    assertThat(context.getJsonObject("inputs").getMap())
        .containsExactly(Map.entry("a.value", "one"), Map.entry("b.value", "two"));
    assertThat(context.getJsonObject("states").getMap())
        .containsExactly(Map.entry("go.n_clicks", 4));
  }

  @Test
  void onTheInitialCallNothingIsTriggered() {
    var response =
        http.postJson(
            "_dash-update-component",
            """
        {"output": "ctx.children", "outputs": {"id": "ctx", "property": "children"},
         "inputs": [{"id": "a", "property": "value", "value": "1"}, {"id": "b", "property": "value"}],
         "state": [{"id": "go", "property": "n_clicks"}], "changedPropIds": []}""");

    var context =
        new JsonObject(
            new JsonObject(response.body())
                .getJsonObject("response")
                .getJsonObject("ctx")
                .getString("children"));
    assertThat(context.getValue("triggeredId")).isNull();
    // Dash's placeholder entry for "nothing triggered"
    assertThat(context.getJsonArray("triggered")).isEqualTo(new JsonArray().add("."));
    assertThat(context.getJsonObject("triggeredPropIds").getMap()).isEmpty();
    // a prop the browser does not have arrives without "value": it reads as null
    assertThat(context.getJsonObject("inputs").getMap()).containsEntry("b.value", null);
  }

  @Test
  void theAppWideErrorHandlerAnswersForCallbacksWithoutOne() {
    var response =
        http.postJson("_dash-update-component", UpdateRequests.click("go", 7, "x").encode());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            new JsonObject(response.body())
                .getJsonObject("response")
                .getJsonObject("x")
                .getString("children"))
        .isEqualTo("app handler: x failed at 7");
  }

  @Test
  void aCallbacksOwnErrorHandlerWinsAndItsSetPropsBecomeASideUpdate() {
    var response =
        http.postJson("_dash-update-component", UpdateRequests.valueChange("y", "a", "1").encode());

    assertThat(response.statusCode()).isEqualTo(200);
    var body = new JsonObject(response.body());
    assertThat(body.getJsonObject("response").getMap()).isEmpty();
    assertThat(body.getJsonObject("sideUpdate").getJsonObject("side").getString("children"))
        .isEqualTo("handled: y failed");
  }

  private static int load(String layoutJson) {
    var layout = new JsonObject(layoutJson);
    String text =
        layout
            .getJsonObject("props")
            .getJsonArray("children")
            .getJsonObject(0)
            .getJsonObject("props")
            .getString("children");
    return Integer.parseInt(text.substring("load ".length()));
  }
}
