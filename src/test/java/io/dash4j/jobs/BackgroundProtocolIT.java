package io.dash4j.jobs;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The background-callback protocol over raw HTTP, as the stock renderer speaks it: a first request
 * gets signed handles, polls take progress, side updates and the result, cancel and errors end a
 * job as Dash ends them, and every bad handle or query is refused with a 4xx that changes nothing.
 */
class BackgroundProtocolIT {
  static final CountDownLatch release = new CountDownLatch(1);
  static final AtomicBoolean interrupted = new AtomicBoolean();

  @RegisterExtension static final ServedApp server = ServedApp.of(BackgroundProtocolIT::app);

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            input("input").value("hello"),
            button("Run").id("run"),
            button("Cancel").id("cancel"),
            button("Block").id("block"),
            button("Boom").id("boom"),
            button("Skip").id("skip"),
            div().id("result"),
            div().id("status"),
            div().id("log"),
            div().id("blocked"),
            div().id("boom-out"),
            div().id("skip-out"),
            button("Plain").id("plain"),
            div().id("plain-out")));
    app.callback(
        Output.of("plain-out", Html.Div.CHILDREN),
        Input.of("plain", Html.Button.N_CLICKS),
        n -> "plain " + n);
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("run", Html.Button.N_CLICKS),
        State.of("input", Dcc.DccInput.VALUE.asString()),
        (n, value) -> {
          var ctx = CallbackContext.current();
          for (int i = 1; i <= 3; i++) {
            ctx.setProgress("Progress " + i + "/3");
            ctx.setProps("log", Map.of("children", "step " + i));
            Thread.sleep(150);
          }
          return "Processed '" + value + "' " + n;
        },
        o ->
            o.background(true)
                .progress(Output.of("status", Html.Div.CHILDREN))
                .progressDefault("Finished")
                .cancel(Input.of("cancel", Html.Button.N_CLICKS))
                .interval(Duration.ofMillis(100)));
    app.callback(
        Output.of("blocked", Html.Div.CHILDREN),
        Input.of("block", Html.Button.N_CLICKS),
        n -> {
          try {
            release.await();
          } catch (InterruptedException e) {
            interrupted.set(true);
            throw e;
          }
          return "released";
        },
        o -> o.background(true).cancel(Input.of("cancel", Html.Button.N_CLICKS)));
    app.callback(
        Output.of("boom-out", Html.Div.CHILDREN),
        Input.of("boom", Html.Button.N_CLICKS),
        n -> {
          throw new IllegalStateException("boom " + n);
        },
        o -> o.background(true));
    app.callback(
        Output.of("skip-out", Html.Div.CHILDREN),
        Input.of("skip", Html.Button.N_CLICKS),
        n -> {
          throw new PreventUpdate();
        },
        o -> o.background(true));
    return app;
  }

  private static final Pattern TOKEN = Pattern.compile("data-page=\"([A-Za-z0-9._-]+)\"");

  static String pageToken() {
    return pageToken(server);
  }

  /** The page token of a fresh index page of {@code app}. */
  static String pageToken(ServedApp app) {
    var index = app.http().get("");
    var matcher = TOKEN.matcher(index.body());
    assertThat(matcher.find()).as("the index carries a page token").isTrue();
    return matcher.group(1);
  }

  static JsonObject click(String button, String output, int n) {
    var body = UpdateRequests.click(button, n, output);
    if (button.equals("run")) {
      body.put(
          "state",
          new JsonArray()
              .add(
                  new JsonObject().put("id", "input").put("property", "value").put("value", "hi")));
    }
    return body;
  }

  /** The body of a poll: the start's, with every input value null. */
  static JsonObject pollBody(JsonObject start) {
    var body = start.copy();
    body.getJsonArray("inputs").forEach(i -> ((JsonObject) i).putNull("value"));
    var state = body.getJsonArray("state");
    if (state != null) {
      state.forEach(s -> ((JsonObject) s).putNull("value"));
    }
    return body;
  }

  static HttpResponse<String> send(String query, String token, JsonObject body) {
    return send(server, query, token, body);
  }

  /**
   * POSTs a callback request to {@code app} with {@code query}, as the page {@code token} (none
   * when null), with {@code headers} (name, value, ...) besides.
   */
  static HttpResponse<String> send(
      ServedApp app, String query, String token, JsonObject body, String... headers) {
    var all = new ArrayList<>(List.of("Content-Type", "application/json"));
    if (token != null) {
      all.addAll(List.of("X-Dash4j-Page", token));
    }
    all.addAll(List.of(headers));
    var path = "_dash-update-component" + (query.isEmpty() ? "" : "?" + query);
    return app.http().post(path, body.encode(), all.toArray(String[]::new));
  }

  /** Polls until an answer without a running job: a 204, an error, or a 200 with a response. */
  static HttpResponse<String> pollToEnd(String token, JsonObject started, JsonObject start)
      throws InterruptedException {
    return pollToEnd(server, token, started, start);
  }

  /** {@link #pollToEnd(String, JsonObject, JsonObject)} on {@code app}. */
  static HttpResponse<String> pollToEnd(
      ServedApp app, String token, JsonObject started, JsonObject start)
      throws InterruptedException {
    var answers = pollAnswers(app, token, started, start);
    return answers.get(answers.size() - 1);
  }

  /**
   * Every answer of the polls until the job's is final, the final one last: what a page applies is
   * what all of them carried.
   */
  static List<HttpResponse<String>> pollAnswers(
      ServedApp app, String token, JsonObject started, JsonObject start)
      throws InterruptedException {
    String query = "cacheKey=" + started.getString("cacheKey") + "&job=" + started.getString("job");
    var answers = new ArrayList<HttpResponse<String>>();
    for (int i = 0; i < 200; i++) {
      var answer = send(app, query, token, pollBody(start));
      answers.add(answer);
      if (answer.statusCode() != 200 || new JsonObject(answer.body()).containsKey("response")) {
        return answers;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the job never ended");
  }

  @Test
  void eachIndexResponseCarriesItsOwnPageTokenAndIsNotCached() {
    var first = server.http().get("");
    assertThat(first.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(pageToken()).isNotEqualTo(pageToken()).startsWith("p1.");
  }

  @Test
  void aJobReportsProgressAndSideUpdatesThenItsResult() throws Exception {
    String token = pageToken();
    var start = click("run", "result", 1);
    var first = send("", token, start);
    assertThat(first.statusCode()).isEqualTo(200);
    var started = new JsonObject(first.body());
    assertThat(started.getString("cacheKey")).startsWith("c1.");
    assertThat(started.getString("job")).startsWith("j1.");
    assertThat(started.getJsonArray("cancel"))
        .isEqualTo(
            new JsonArray().add(new JsonObject().put("id", "cancel").put("property", "n_clicks")));
    assertThat(started.getJsonObject("progressDefault"))
        .isEqualTo(new JsonObject().put("status.children", "Finished"));
    assertThat(started.containsKey("response")).isFalse();

    String query = "cacheKey=" + started.getString("cacheKey") + "&job=" + started.getString("job");
    var progress = new StringBuilder();
    var logs = new StringBuilder();
    JsonObject last = null;
    for (int i = 0; i < 100 && (last == null || !last.containsKey("response")); i++) {
      var answer = send(query, token, pollBody(start));
      assertThat(answer.statusCode()).isEqualTo(200);
      last = new JsonObject(answer.body());
      assertThat(last.getBoolean("multi")).isTrue();
      if (last.containsKey("progress")) {
        progress.append(last.getJsonObject("progress").getString("status.children")).append(';');
      }
      if (last.containsKey("sideUpdate")) {
        logs.append(last.getJsonObject("sideUpdate").getJsonObject("log").getString("children"))
            .append(';');
      }
      Thread.sleep(40);
    }
    assertThat(last.getJsonObject("response"))
        .isEqualTo(
            new JsonObject().put("result", new JsonObject().put("children", "Processed 'hi' 1")));
    // each report reaches the page once, in order, the last one never lost to the result
    assertThat(progress.toString()).endsWith("Progress 3/3;").contains("Progress 1/3");
    assertThat(logs.toString()).endsWith("step 3;");
    assertThat(progress.toString().split(";")).doesNotHaveDuplicates();
  }

  @Test
  void aCallbackRequestWithoutThePageTokenIsRefused() {
    var answer = send("", null, click("run", "result", 1));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(answer.body()).isEqualTo("Missing page token: reload the page");
  }

  @Test
  void forgedAndForeignHandlesAreRefusedAndTouchNothing() throws Exception {
    String mine = pageToken();
    String theirs = pageToken();
    var start = click("run", "result", 2);
    var started = new JsonObject(send("", mine, start).body());
    String cacheKey = started.getString("cacheKey");
    String job = started.getString("job");

    // another page load cannot read this job
    var foreign = send("cacheKey=" + cacheKey + "&job=" + job, theirs, pollBody(start));
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(foreign.body()).isEqualTo("Invalid job handle");
    // a tampered handle, a job handle under another callback's name, a mismatched pair
    String tampered = job.substring(0, job.length() - 2) + (job.endsWith("A") ? "BB" : "AA");
    assertThat(
            send("cacheKey=" + cacheKey + "&job=" + tampered, mine, pollBody(start)).statusCode())
        .isEqualTo(400);
    var otherCallback = pollBody(click("boom", "boom-out", 1));
    assertThat(send("cacheKey=" + cacheKey + "&job=" + job, mine, otherCallback).body())
        .isEqualTo("Invalid job handle");
    // another page cannot cancel it either
    var cancel = cancelClick(1);
    assertThat(send("cancelJob=" + job, theirs, cancel).statusCode()).isEqualTo(400);

    // and the job still ends for its own page
    var end = pollToEnd(mine, started, start);
    assertThat(new JsonObject(end.body()).getJsonObject("response").encode())
        .contains("Processed 'hi' 2");
  }

  static JsonObject cancelClick(int n) {
    return new JsonObject()
        .put("output", "cancel.id")
        .put("outputs", new JsonObject().put("id", "cancel").put("property", "id"))
        .put(
            "inputs",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("id", "cancel")
                        .put("property", "n_clicks")
                        .put("value", n)))
        .put("changedPropIds", new JsonArray().add("cancel.n_clicks"));
  }

  @Test
  void cancelStopsARunningJobAtOnceAndItsPollEndsWith204() throws Exception {
    String token = pageToken();
    var start = click("block", "blocked", 1);
    var started = new JsonObject(send("", token, start).body());
    String query = "cacheKey=" + started.getString("cacheKey") + "&job=" + started.getString("job");
    // wait until it runs (a poll answers 200 without response while it does)
    assertThat(send(query, token, pollBody(start)).statusCode()).isEqualTo(200);
    Thread.sleep(300);

    var cancelled = send("cancelJob=" + started.getString("job"), token, cancelClick(1));
    assertThat(cancelled.statusCode()).isEqualTo(204);
    for (int i = 0; i < 40 && !interrupted.get(); i++) {
      Thread.sleep(50);
    }
    assertThat(interrupted).as("the job's thread was interrupted").isTrue();
    assertThat(send(query, token, pollBody(start)).statusCode()).isEqualTo(204);
  }

  @Test
  void aFailedJobAnswers500WithDashsBackgroundCallbackError() throws Exception {
    String token = pageToken();
    var start = click("boom", "boom-out", 3);
    var started = new JsonObject(send("", token, start).body());
    var end = pollToEnd(token, started, start);
    assertThat(end.statusCode()).isEqualTo(500);
    assertThat(end.body())
        .contains("BackgroundCallbackError: An error occurred inside a background callback: boom 3")
        .contains("IllegalStateException");
  }

  @Test
  void aJobThatPreventsTheUpdateEndsWith204() throws Exception {
    String token = pageToken();
    var start = click("skip", "skip-out", 1);
    var started = new JsonObject(send("", token, start).body());
    assertThat(pollToEnd(token, started, start).statusCode()).isEqualTo(204);
  }

  @Test
  void malformedQueriesAreRefusedWithAShortMessage() {
    String token = pageToken();
    var body = click("run", "result", 1);
    for (String query :
        new String[] {
          "cacheKey=c1.x",
          "job=j1.x",
          "cacheKey=a&cacheKey=b&job=c",
          "job=j1.a%2Fb&cacheKey=a",
          "cacheKey=%3Cscript%3E&job=x"
        }) {
      var answer = send(query, token, pollBody(body));
      assertThat(answer.statusCode()).as(query).isEqualTo(400);
      assertThat(answer.body()).as(query).isEqualTo("Malformed background request");
    }
    // a poll for a callback that is not background
    var plain =
        send("cacheKey=c1.x&job=j1.x", token, UpdateRequests.click("plain", 1, "plain-out"));
    assertThat(plain.statusCode()).isEqualTo(400);
    assertThat(plain.body()).isEqualTo("Not a background callback");
    var garbage = send("cacheKey=garbage&job=garbage", token, pollBody(body));
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(garbage.body()).isEqualTo("Invalid job handle");
  }

  @AfterAll
  static void releaseBlockedJobs() {
    release.countDown();
  }
}
