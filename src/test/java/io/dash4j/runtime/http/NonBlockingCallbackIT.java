package io.dash4j.runtime.http;

import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.components.Html;
import io.dash4j.runtime.exec.CallbackInvoker;
import io.dash4j.runtime.exec.ErrorPages;
import io.dash4j.testing.LogRecords;
import io.dash4j.testing.ServedApp;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A callback the app declares {@code nonBlocking} runs an HTTP call on the event loop that received
 * it; any other runs on a user-code thread. Both answer alike, failures and prevented updates too.
 */
class NonBlockingCallbackIT {
  @RegisterExtension static final ServedApp server = ServedApp.of(NonBlockingCallbackIT::app);

  static DashApp app() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(div().id("loop"), div().id("pool"), div().id("failing")));
    app.callback(
        Output.of("loop", Html.CHILDREN),
        Input.of("loop-in", Html.CHILDREN),
        value -> value + " on " + Thread.currentThread().getName(),
        options -> options.nonBlocking());
    app.callback(
        Output.of("pool", Html.CHILDREN),
        Input.of("pool-in", Html.CHILDREN),
        value -> value + " on " + Thread.currentThread().getName());
    app.callback(
        Output.of("failing", Html.CHILDREN),
        Input.of("failing-in", Html.CHILDREN),
        value -> {
          if (value.equals("skip")) {
            throw new PreventUpdate();
          }
          throw new IllegalStateException("failed on the loop");
        },
        options -> options.nonBlocking());
    return app;
  }

  @Test
  void aNonBlockingCallbackRunsOnTheEventLoopAndAnotherOffIt() {
    assertThat(childrenOf(call("loop", "hello"), "loop")).startsWith("hello on vert.x-eventloop");
    assertThat(childrenOf(call("pool", "hello"), "pool")).startsWith("hello on dash4j-callback-");
  }

  @Test
  void aNonBlockingCallbackThatFailsOrPreventsTheUpdateAnswersAsAnyOther() {
    try (var log = LogRecords.capture().lower(CallbackInvoker.class.getName(), Level.WARNING)) {
      var failed = call("failing", "boom");
      assertThat(failed.statusCode()).isEqualTo(500);
      assertThat(failed.body()).isEqualTo(ErrorPages.INTERNAL_ERROR);
      assertThat(log.from(CallbackInvoker.class.getName())).hasSize(1);
    }
    assertThat(call("failing", "skip").statusCode()).isEqualTo(204);
    // the loop is still serving
    assertThat(childrenOf(call("loop", "after"), "loop")).startsWith("after on vert.x-eventloop");
  }

  @Test
  void nonBlockingCannotBeCombinedWithBackgroundOrWebsocket() {
    for (boolean background : new boolean[] {true, false}) {
      var app = Dash.create();
      assertThatThrownBy(
              () ->
                  app.callback(
                      Output.of("out", Html.CHILDREN),
                      Input.of("in", Html.CHILDREN),
                      value -> value,
                      options ->
                          options.nonBlocking().background(background).websocket(!background)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nonBlocking");
    }
  }

  private static HttpResponse<String> call(String output, String value) {
    String body =
        """
        {"output": "%s.children", "outputs": {"id": "%s", "property": "children"},
         "inputs": [{"id": "%s-in", "property": "children", "value": "%s"}],
         "changedPropIds": ["%s-in.children"]}"""
            .formatted(output, output, output, value, output);
    return server.http().postJson("_dash-update-component", body);
  }

  private static String childrenOf(HttpResponse<String> response, String output) {
    assertThat(response.statusCode()).as("body: %s", response.body()).isEqualTo(200);
    return new JsonObject(response.body())
        .getJsonObject("response")
        .getJsonObject(output)
        .getString("children");
  }
}
