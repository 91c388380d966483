package io.dash4j.scenarios;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import io.vertx.core.json.JsonArray;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dash's tests/integration/callbacks/test_api_callback.py: a callback also served as a JSON API.
 */
class ApiCallbackIT {
  static final String EXPECTED =
      "{\"step_0\": \"Data fetched - 1\", \"step_1\": \"Data fetched - 1\", "
          + "\"step_2\": \"Data fetched - 1\", \"step_3\": \"Data fetched - 1\", \"step_4\": \"Data fetched - 1\"}";

  @RegisterExtension static final ServedApp server = ServedApp.of(ApiCallbackIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(button("Slow Callback").id("slow-btn"), div().id("slow-output")));
    app.callback(
        Output.of("slow-output", Html.Div.CHILDREN),
        Input.of("slow-btn", Html.Button.N_CLICKS),
        clicks -> {
          var data = new LinkedHashMap<String, String>();
          for (int i = 0; i < 5; i++) {
            data.put("step_" + i, "Data fetched - " + clicks);
          }
          // the same body whether reached from the page or the API (Python's json.dumps spacing)
          return "{"
              + String.join(
                  ", ",
                  data.entrySet().stream()
                      .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                      .toList())
              + "}";
        },
        options -> options.preventInitialCall(true).apiEndpoint("/api/slow_callback"));
    return app;
  }

  /** apib001: the page's callback works, and the same callback answers POST /api/slow_callback. */
  @Test
  void apib001_apiCallback() {
    browser.openApp(server);
    browser.click("#slow-btn");
    browser.waitForText("#slow-output", EXPECTED);

    var response = server.http().postJson("api/slow_callback", "{\"n_clicks\": 1}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(new JsonArray("[" + response.body() + "]").getString(0)).isEqualTo(EXPECTED);
  }

  @Test
  void anApiEndpointRefusesABodyThatIsNotAJsonObject() {
    var response = server.http().postJson("api/slow_callback", "[1, 2]");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body())
        .hasSizeLessThan(100)
        .doesNotContain("io.dash4j")
        .doesNotContain("Exception");
    // and the endpoint still answers
    assertThat(server.http().postJson("api/slow_callback", "{\"n_clicks\": 2}").body())
        .contains("Data fetched - 2");
  }
}
