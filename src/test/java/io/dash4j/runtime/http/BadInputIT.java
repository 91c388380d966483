package io.dash4j.runtime.http;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.NoUpdate;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.components.DashTable;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Http;
import io.dash4j.testing.LogRecords;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests a browser would never send, and callbacks that fail: each gets a short answer that names
 * nothing internal, and the server keeps serving.
 */
class BadInputIT {
  static final String SECRET = "secret-detail-42";
  static final String ECHO = UpdateRequests.valueChange("echo", "in", "ping").encode();

  @RegisterExtension static final ServedApp production = ServedApp.of(() -> app(false));
  @RegisterExtension static final ServedApp debug = ServedApp.of(() -> app(true));

  /**
   * Refused only by {@link #refusedInputIsLoggedOnlyAtFineAndAtMostOnceAMinutePerKind}: its log
   * windows are fresh.
   */
  @RegisterExtension static final ServedApp quiet = ServedApp.of(() -> app(false));

  static final Http http = production.http();
  static final AtomicInteger sideEffects = new AtomicInteger();
  static final AtomicInteger greetings = new AtomicInteger();
  static final AtomicInteger slowCallbacksFinished = new AtomicInteger();

  static DashApp app(boolean debugMode) {
    var app =
        Dash.create(
            config ->
                config
                    .port(0)
                    .debug(debugMode)
                    .maxRequestBytes(1024)
                    .callbackTimeout(Duration.ofMillis(300)));
    app.layout(div(input("in"), div().id("echo")));
    app.callback(
        Output.of("echo", Html.CHILDREN),
        Input.of("in", Dcc.DccInput.VALUE),
        value -> "echo " + value);
    app.callback(
        Outputs.of(List.of(Output.of("a", Html.CHILDREN), Output.of("b", Html.CHILDREN))),
        Input.of("two", Dcc.DccInput.VALUE),
        value -> Outputs.values("a " + value, NoUpdate.NO_UPDATE));
    app.callback(
        Output.of("twice-out", Html.CHILDREN),
        Input.of("twice", Dcc.DccInput.VALUE.asNumber()),
        number -> "twice " + number.intValue() * 2);
    app.callback(
        Output.of("rows-out", Html.CHILDREN),
        Input.of("rows", DashTable.DataTable.DATA),
        rows -> rows.size() + " rows, first " + rows.get(0).get("region"));
    app.callback(
        Output.of("boom-out", Html.CHILDREN),
        Input.of("boom", Dcc.DccInput.VALUE),
        value -> {
          throw new IllegalStateException(SECRET);
        });
    app.callback(
        Output.of("overflow-out", Html.CHILDREN),
        Input.of("overflow", Dcc.DccInput.VALUE),
        value -> {
          throw new StackOverflowError(); // what a runaway recursion in user code throws
        });
    app.callback(
        Output.of("prevent-out", Html.CHILDREN),
        Input.of("prevent", Dcc.DccInput.VALUE),
        value -> {
          throw new PreventUpdate();
        });
    app.callback(
        Output.of("side-out", Html.CHILDREN),
        Input.of("side", Dcc.DccInput.VALUE),
        value -> {
          CallbackContext.current().setProps("other", Map.of("children", "set by " + value));
          return "done";
        });
    app.callback(
        Output.of("handled-out", Html.CHILDREN),
        Input.of("handled", Dcc.DccInput.VALUE),
        value -> {
          throw new IllegalArgumentException("bad " + value);
        },
        options -> options.onError(error -> "recovered from " + error.getMessage()));
    app.callback(
        Output.of("slow-out", Html.CHILDREN),
        Input.of("slow", Dcc.DccInput.VALUE),
        value -> {
          Thread.sleep(5_000);
          slowCallbacksFinished.incrementAndGet();
          return "too late";
        });
    app.callback(
        Output.of("clicks-out", Html.CHILDREN),
        Input.of("clicks", Html.N_CLICKS),
        n -> "clicked " + n);
    app.callback(
        Output.of("effect-out", Html.CHILDREN),
        Input.of("effect", Dcc.DccInput.VALUE),
        value -> "effect " + sideEffects.incrementAndGet(),
        options -> options.apiEndpoint("/api/effect"));
    app.callback(
        Output.of("greet-out", Html.CHILDREN),
        Input.of("greet", Dcc.DccInput.VALUE.asString()),
        name -> {
          greetings.incrementAndGet();
          return "Hello, " + name + "!";
        });
    return app;
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        bad("a body that is not JSON", 400, "output=echo.children&inputs=in.value"),
        bad("an empty body", 400, ""),
        bad("a JSON array", 400, "[" + ECHO + "]"),
        bad("JSON null", 400, "null"),
        bad(
            "an unknown callback",
            400,
            """
            {"output": "nope.children", "outputs": {"id": "nope", "property": "children"},
             "inputs": [{"id": "in", "property": "value", "value": "x"}]}"""),
        bad(
            "an output with the wrong id",
            400,
            """
            {"output": "echo.children", "outputs": {"id": "elsewhere", "property": "children"},
             "inputs": [{"id": "in", "property": "value", "value": "x"}]}"""),
        bad(
            "an output with the wrong prop",
            400,
            """
            {"output": "echo.children", "outputs": {"id": "echo", "property": "style"},
             "inputs": [{"id": "in", "property": "value", "value": "x"}]}"""),
        bad(
            "no outputs",
            400,
            """
            {"output": "echo.children", "inputs": [{"id": "in", "property": "value", "value": "x"}]}"""),
        bad(
            "too few outputs for a multi-output callback",
            400,
            """
            {"output": "..a.children...b.children..", "outputs": [{"id": "a", "property": "children"}],
             "inputs": [{"id": "two", "property": "value", "value": "x"}]}"""),
        bad(
            "too many outputs for a multi-output callback",
            400,
            """
            {"output": "..a.children...b.children..", "outputs": [{"id": "a", "property": "children"},
             {"id": "b", "property": "children"}, {"id": "c", "property": "children"}],
             "inputs": [{"id": "two", "property": "value", "value": "x"}]}"""),
        bad(
            "a single output object for a multi-output callback",
            400,
            """
            {"output": "..a.children...b.children..", "outputs": {"id": "a", "property": "children"},
             "inputs": [{"id": "two", "property": "value", "value": "x"}]}"""),
        bad(
            "no inputs",
            400,
            """
            {"output": "echo.children", "outputs": {"id": "echo", "property": "children"}}"""),
        bad(
            "an empty list of inputs",
            400,
            """
            {"output": "echo.children", "outputs": {"id": "echo", "property": "children"}, "inputs": []}"""),
        bad(
            "an input with the wrong id",
            400,
            """
            {"output": "echo.children", "outputs": {"id": "echo", "property": "children"},
             "inputs": [{"id": "intruder", "property": "value", "value": "x"}]}"""),
        bad(
            "an input with the wrong prop",
            400,
            """
            {"output": "echo.children", "outputs": {"id": "echo", "property": "children"},
             "inputs": [{"id": "in", "property": "disabled", "value": true}]}"""),
        bad(
            "an input value of the wrong type",
            400,
            """
            {"output": "clicks-out.children", "outputs": {"id": "clicks-out", "property": "children"},
             "inputs": [{"id": "clicks", "property": "n_clicks", "value": "many"}]}"""),
        bad(
            "a body over the configured limit",
            413,
            ECHO.replace("\"ping\"", "\"" + "x".repeat(2_000) + "\"")));
  }

  static Arguments bad(String what, int status, String body) {
    return Arguments.of(what, status, body);
  }

  @ParameterizedTest(name = "{0} gets {1}")
  @MethodSource("badRequests")
  void aBadRequestGetsAShortGenericClientErrorAndTheServerKeepsAnswering(
      String what, int status, String body) {
    var response = http.postJson("_dash-update-component", body);

    assertThat(response.statusCode()).as(what).isEqualTo(status);
    assertThat(response.body())
        .as(what)
        .hasSizeLessThan(100)
        .doesNotContain("at io.", "Exception", "io.dash4j", SECRET)
        .doesNotContainIgnoringCase("vertx")
        .doesNotContain(
            "echo.children", "nope.children", "a.children", "clicks-out", "intruder", "elsewhere");
    assertThat(http.postJson("_dash-update-component", ECHO).statusCode())
        .as("a good request after " + what)
        .isEqualTo(200);
  }

  /**
   * What a cross-site form or a plain {@code fetch} can send without a CORS preflight, and no type
   * at all.
   */
  static Stream<String> notJson() {
    return Stream.of(
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/jsonp",
        null);
  }

  @ParameterizedTest(name = "a body sent as {0} gets 415")
  @MethodSource("notJson")
  void aBodyNotSentAsJsonGets415AndRunsNoCallback(String contentType) {
    String[] headers =
        contentType == null ? new String[0] : new String[] {"Content-Type", contentType};
    int before = sideEffects.get();

    var update = http.post("_dash-update-component", call("effect-out", "effect"), headers);
    var api = http.post("api/effect", "{\"value\": \"x\"}", headers);

    assertThat(sideEffects).as("the callback ran").hasValue(before);
    assertThat(update.statusCode()).isEqualTo(415);
    assertThat(update.body()).isEqualTo("Unsupported Media Type");
    assertThat(api.statusCode()).isEqualTo(415);
    assertThat(api.body()).isEqualTo("Unsupported Media Type");
    // the same body as JSON runs it, so the count above would have moved
    assertThat(http.postJson("_dash-update-component", call("effect-out", "effect")).statusCode())
        .isEqualTo(200);
    assertThat(sideEffects).hasValue(before + 1);
  }

  @ParameterizedTest(name = "a body sent as {0} is taken")
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON",
        "application/vnd.api+json"
      })
  void aJsonBodyIsTakenWithParametersOrAJsonSuffix(String contentType) {
    var update =
        http.post(
            "_dash-update-component", call("effect-out", "effect"), "Content-Type", contentType);
    var api = http.post("api/effect", "{\"value\": \"x\"}", "Content-Type", contentType);

    assertThat(update.statusCode()).isEqualTo(200);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(api.body()).startsWith("\"effect ");
  }

  @ParameterizedTest(name = "{0} where text is expected gets 400")
  @ValueSource(strings = {"{\"a\": 1}", "[1, 2]"})
  void anObjectOrAListWhereTextIsExpectedGets400AndRunsNoCallback(String value) {
    int before = greetings.get();

    var response = http.postJson("_dash-update-component", greet(value));

    assertThat(greetings).as("the callback ran").hasValue(before);
    assertThat(response.statusCode()).as("body: %s", response.body()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("Malformed callback request");
    // a number is text enough, as in Dash
    assertThat(json(http.postJson("_dash-update-component", greet("3"))))
        .isEqualTo(
            new JsonObject(
                "{\"multi\": true, \"response\": {\"greet-out\": {\"children\": \"Hello, 3!\"}}}"));
  }

  @ParameterizedTest(name = "{0} where a number is expected gets 400")
  @ValueSource(strings = {"\"abc\"", "true", "{\"a\": 1}", "[21]"})
  void textThatIsNoNumberOrAnotherJsonTypeForANumberViewGets400(String value) {
    var response = http.postJson("_dash-update-component", valueCall("twice", "value", value));

    assertThat(response.statusCode()).as("body: %s", response.body()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("Malformed callback request");
    // a number, or its text, is what the view reads
    var numberAsText = valueCall("twice", "value", "\"21\"");
    assertThat(json(http.postJson("_dash-update-component", numberAsText)))
        .isEqualTo(
            new JsonObject(
                "{\"multi\": true, \"response\": {\"twice-out\": {\"children\": \"twice 42\"}}}"));
  }

  @ParameterizedTest(name = "{0} where table rows are expected gets 400")
  @ValueSource(strings = {"\"rows\"", "{\"region\": \"North\"}", "[\"North\"]", "[[1]]"})
  void tableRowsThatAreNoObjectsGet400(String value) {
    var response = http.postJson("_dash-update-component", valueCall("rows", "data", value));

    assertThat(response.statusCode()).as("body: %s", response.body()).isEqualTo(400);
    assertThat(response.body()).isEqualTo("Malformed callback request");
    var rows = valueCall("rows", "data", "[{\"region\": \"North\", \"units\": 12}]");
    assertThat(json(http.postJson("_dash-update-component", rows)))
        .isEqualTo(
            new JsonObject(
                "{\"multi\": true, \"response\": {\"rows-out\": {\"children\": \"1 rows, first North\"}}}"));
  }

  /**
   * A call of the callback from {@code <id>.<property>} to {@code <id>-out.children} with this JSON
   * value.
   */
  private static String valueCall(String id, String property, String json) {
    return """
        {"output": "%1$s-out.children", "outputs": {"id": "%1$s-out", "property": "children"},
         "inputs": [{"id": "%1$s", "property": "%2$s", "value": %3$s}], "changedPropIds": ["%1$s.%2$s"]}"""
        .formatted(id, property, json);
  }

  private static String greet(String json) {
    return """
        {"output": "greet-out.children", "outputs": {"id": "greet-out", "property": "children"},
         "inputs": [{"id": "greet", "property": "value", "value": %s}], "changedPropIds": ["greet.value"]}"""
        .formatted(json);
  }

  @Test
  void refusedInputIsLoggedOnlyAtFineAndAtMostOnceAMinutePerKind() {
    var client = Http.to(quiet.url());
    String tooLarge = ECHO.replace("\"ping\"", "\"" + "x".repeat(2_000) + "\"");
    String refusals = Refusals.class.getName();
    try (var log = LogRecords.capture().lower(refusals, Level.FINE)) {
      for (int i = 0; i < 10; i++) {
        var large = client.postJson("_dash-update-component", tooLarge);
        var notJson = client.post("_dash-update-component", ECHO, "Content-Type", "text/plain");
        var malformed = client.postJson("_dash-update-component", "[]");

        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).isEqualTo("Request Entity Too Large");
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).hasSizeLessThan(100);
      }

      assertThat(LogRecords.describe(log.atLeast(Level.WARNING))).isEmpty();
      for (int status : new int[] {413, 415, 400}) {
        // one line, or two should the ten rounds straddle the end of a minute
        assertThat(LogRecords.describe(log.from(refusals)))
            .as("lines for %d", status)
            .filteredOn(line -> line.startsWith("FINE ") && line.contains(": " + status + " "))
            .hasSizeBetween(1, 2);
      }
    }
    assertThat(client.postJson("_dash-update-component", ECHO).statusCode()).isEqualTo(200);
  }

  @Test
  void aGoodRequestAnswers200() {
    var response = http.postJson("_dash-update-component", ECHO);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(
            new JsonObject(
                "{\"multi\": true, \"response\": {\"echo\": {\"children\": \"echo ping\"}}}"));
  }

  @Test
  void aFailingCallbackInProductionAnswers500NamingNothingInternal() {
    var response = http.postJson("_dash-update-component", call("boom-out", "boom"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body())
        .isNotEmpty()
        .hasSizeLessThan(100)
        .doesNotContain(
            SECRET, "IllegalStateException", "Exception", "io.dash4j", "java.", "at ", "boom");
  }

  @Test
  void aCallbackThrowingAnErrorAnswers500AtOnceNotATimeout() {
    var response = http.postJson("_dash-update-component", call("overflow-out", "overflow"));

    assertThat(response.statusCode()).as("body: %s", response.body()).isEqualTo(500);
    assertThat(response.body())
        .hasSizeLessThan(100)
        .doesNotContain("StackOverflowError", "io.dash4j");
  }

  @Test
  void aFailingCallbackInDebugModeAnswers500WithTheExceptionForTheDevTools() {
    var response =
        Http.to(debug.url()).postJson("_dash-update-component", call("boom-out", "boom"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body()).contains(SECRET, "IllegalStateException");
  }

  @Test
  void preventUpdateAnswers204WithAnEmptyBody() {
    var response = http.postJson("_dash-update-component", call("prevent-out", "prevent"));

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void noUpdateLeavesThatOutputOutOfTheResponse() {
    var response =
        http.postJson(
            "_dash-update-component",
            """
        {"output": "..a.children...b.children..",
         "outputs": [{"id": "a", "property": "children"}, {"id": "b", "property": "children"}],
         "inputs": [{"id": "two", "property": "value", "value": "x"}], "changedPropIds": ["two.value"]}""");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(
            new JsonObject("{\"multi\": true, \"response\": {\"a\": {\"children\": \"a x\"}}}"));
  }

  @Test
  void setPropsBecomesASideUpdate() {
    var response = http.postJson("_dash-update-component", call("side-out", "side"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(
            new JsonObject(
                """
        {"multi": true, "response": {"side-out": {"children": "done"}},
         "sideUpdate": {"other": {"children": "set by x"}}}"""));
  }

  @Test
  void anErrorHandlersValueBecomesTheOutput() {
    var response = http.postJson("_dash-update-component", call("handled-out", "handled"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response))
        .isEqualTo(
            new JsonObject(
                "{\"multi\": true, \"response\": {\"handled-out\": {\"children\": \"recovered from bad x\"}}}"));
  }

  @Test
  void aCallbackPastItsTimeoutAnswers504AndTheServerKeepsAnswering() {
    int finishedBefore = slowCallbacksFinished.get();
    var response = http.postJson("_dash-update-component", call("slow-out", "slow"));

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body())
        .containsIgnoringCase("timed out")
        .doesNotContain("slow-out", "io.dash4j");
    // the timeout answered, not the callback's end: its 5 s sleep had not finished when the 504
    // came
    assertThat(slowCallbacksFinished).hasValue(finishedBefore);
    assertThat(http.postJson("_dash-update-component", ECHO).statusCode()).isEqualTo(200);
  }

  /**
   * A request for the callback {@code <outputId>.children} with input {@code <inputId>.value} set
   * to "x".
   */
  private static String call(String outputId, String inputId) {
    return UpdateRequests.valueChange(outputId, inputId, "x").encode();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return new JsonObject(response.body());
  }
}
