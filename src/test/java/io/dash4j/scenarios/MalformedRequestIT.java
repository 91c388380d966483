package io.dash4j.scenarios;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Http;
import io.dash4j.testing.ServedApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dash's {@code tests/integration/callbacks/test_malformed_request.py}: raw callback requests whose
 * {@code output} key and {@code outputs} disagree with the registered callback.
 *
 * <p>Intended deviation: Dash answers these with Flask's generic {@code 500 Internal Server Error}
 * page; dash4j refuses them as the client's fault, with a 4xx and a short generic message. What the
 * Dash test protects is kept: the request is refused, the answer names no id or prop of the app,
 * and the server keeps answering good requests.
 */
class MalformedRequestIT {
  @RegisterExtension static final ServedApp server = ServedApp.of(MalformedRequestIT::app);
  static final Http http = server.http();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(input("i").value("initial value"), div(div(1.5, null, "string", div().id("o1")))));
    app.callback(
        Output.of("o1", Html.Div.CHILDREN), Input.of("i", Dcc.DccInput.VALUE), value -> value);
    return app;
  }

  /**
   * A request for the app's callback, {@code i.value} = 9, with these {@code output} and {@code
   * outputs}.
   */
  private static HttpResponse<String> post(String output, String outputId, String outputProperty) {
    var body =
        new JsonObject()
            .put("output", output)
            .put("outputs", new JsonObject().put("id", outputId).put("property", outputProperty))
            .put(
                "inputs",
                new JsonArray()
                    .add(new JsonObject().put("id", "i").put("property", "value").put("value", 9)))
            .put("changedPropIds", new JsonArray().add("i.value"));
    return http.postJson("_dash-update-component", body.encode());
  }

  private static void assertGoodRequestAnswers() {
    var response = post("o1.children", "o1", "children");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"o1\":{\"children\":9}");
  }

  /**
   * test_cbmf001_bad_output_outputs: a good request answers 200; each mismatch of {@code output}
   * and {@code outputs} is refused without naming anything of the app (dash4j: 4xx, Dash: 500), and
   * the server still answers the good request afterwards.
   */
  @Test
  void cbmf001_mismatchedOutputsAreRefusedWithoutLeakingIds() {
    assertGoodRequestAnswers();

    var outspecs =
        List.of(
            List.of("o1.nope", "o1", "nope"),
            List.of("o1.children", "o1", "nope"),
            List.of("o1.nope", "o1", "children"),
            List.of("o1.children", "nope", "children"),
            List.of("nope.children", "nope", "children"));
    for (var spec : outspecs) {
      var response = post(spec.get(0), spec.get(1), spec.get(2));
      assertThat(response.statusCode()).as("status for %s", spec).isBetween(400, 499);
      assertThat(response.body())
          .as("body for %s", spec)
          .doesNotContain("o1", "children", "nope")
          .doesNotContain("Exception", "io.dash4j")
          .hasSizeLessThan(100);
    }

    assertGoodRequestAnswers();
  }
}
