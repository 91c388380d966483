package io.dash4j.jobs;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.jobs.BackgroundProtocolIT.click;
import static io.dash4j.jobs.BackgroundProtocolIT.pageToken;
import static io.dash4j.jobs.BackgroundProtocolIT.pollAnswers;
import static io.dash4j.jobs.BackgroundProtocolIT.pollBody;
import static io.dash4j.jobs.BackgroundProtocolIT.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.BackgroundApps;
import io.dash4j.testing.BridgeClient;
import io.dash4j.testing.Browser;
import io.dash4j.testing.JobStoreKind;
import io.dash4j.testing.ServedApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.WindowType;

/**
 * Pushes through the socket door (design §3.10): a job's progress, {@code setProps} and result
 * reach a page connected by socket when they happen, acknowledged by the page; a push meant for one
 * page load reaches no other; and whatever a push could not deliver, the poll delivers, once.
 *
 * <p>The jobs' poll interval is a minute, so anything a page shows within the tests' waits came by
 * push. Each job reports, then waits at its own latch until the test lets it finish.
 */
class JobPushIT {
  static final Map<Integer, CountDownLatch> latches = new ConcurrentHashMap<>();

  @RegisterExtension static final BackgroundApps apps = BackgroundApps.of(JobPushIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.config().jobs().pushAckTimeout(Duration.ofSeconds(1));
    app.layout(
        div(
            button("Go").id("go"),
            div("idle").id("status"),
            div().id("log"),
            div().id("result"),
            input("name").value("anonymous"),
            button("Greet").id("greet"),
            div().id("greet-status"),
            div().id("greet-log"),
            div().id("greeting")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("go", Html.Button.N_CLICKS),
        n -> {
          var context = CallbackContext.current();
          context.setProgress("half");
          context.setProps("log", Map.of("children", "one"));
          latch(n).await();
          context.setProps("log", Map.of("children", "two"));
          return "done " + n;
        },
        options ->
            options
                .background(true)
                .interval(Duration.ofMinutes(1))
                .progress(Output.of("status", Html.Div.CHILDREN))
                .progressDefault("finished")
                .running(Output.of("go", Html.Button.DISABLED), true, false)
                .preventInitialCall(true));
    app.callback(
        Output.of("greeting", Html.Div.CHILDREN),
        Input.of("greet", Html.Button.N_CLICKS),
        State.of("name", Dcc.DccInput.VALUE.asString()),
        (n, name) -> {
          var context = CallbackContext.current();
          context.setProgress("working for " + name);
          context.setProps("greet-log", Map.of("children", "started for " + name));
          latch(GREETINGS + n).await();
          return "hello " + name;
        },
        options ->
            options
                .background(true)
                .interval(Duration.ofMinutes(1))
                .progress(Output.of("greet-status", Html.Div.CHILDREN))
                .preventInitialCall(true));
    return app;
  }

  /** The greetings' latches: apart from the jobs'. */
  static final int GREETINGS = 1000;

  static CountDownLatch latch(int n) {
    return latches.computeIfAbsent(n, k -> new CountDownLatch(1));
  }

  /** Starts job {@code n} as page {@code token}, naming {@code rendererId} as its socket. */
  static JsonObject start(ServedApp app, String token, String rendererId, int n) {
    var answer = send(app, "", token, click("go", "result", n), "X-Dash4j-Renderer", rendererId);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return new JsonObject(answer.body());
  }

  static HttpResponse<String> poll(ServedApp app, String token, JsonObject started, int n) {
    String query = "cacheKey=" + started.getString("cacheKey") + "&job=" + started.getString("job");
    return send(app, query, token, pollBody(click("go", "result", n)));
  }

  /** Every answer of job {@code n}'s polls until its final one, which comes last. */
  static List<HttpResponse<String>> pollToEnd(
      ServedApp app, String token, JsonObject started, int n) throws InterruptedException {
    return pollAnswers(app, token, started, click("go", "result", n));
  }

  static HttpResponse<String> last(List<HttpResponse<String>> answers) {
    return answers.get(answers.size() - 1);
  }

  /** The next job push the socket received: its {@code set_props} payloads by component id. */
  static Pushed nextPush(BridgeClient socket) {
    JsonObject frame = socket.next();
    assertThat(frame.getString("replyAddress")).as("a push awaits its ack").isNotNull();
    assertThat(frame.containsKey("headers")).as("the page header stays at the door").isFalse();
    JsonObject body = BridgeClient.body(frame);
    assertThat(body.getString("type")).isEqualTo("set_props_batch");
    assertThat(body.getBoolean("job")).isTrue();
    var props = new JsonObject();
    for (Object payload : body.getJsonArray("payload")) {
      var set = (JsonObject) payload;
      var merged = props.getJsonObject(set.getString("componentId"), new JsonObject());
      props.put(set.getString("componentId"), merged.mergeIn(set.getJsonObject("props")));
    }
    return new Pushed(frame.getString("replyAddress"), props, body.getJsonArray("payload"));
  }

  record Pushed(String replyAddress, JsonObject props, JsonArray payloads) {
    void ack(BridgeClient socket) {
      socket.reply(replyAddress, new JsonObject().put("ok", true));
    }
  }

  /**
   * Acknowledges the socket's job pushes until together they set {@code expected} (the emitter may
   * split one report from the next); the component ids they set, in order.
   */
  static List<String> acknowledgedUntil(BridgeClient socket, JsonObject expected) {
    var props = new JsonObject();
    var ids = new ArrayList<String>();
    while (!props.equals(expected)) {
      var push = nextPush(socket);
      push.ack(socket);
      push.payloads().forEach(p -> ids.add(((JsonObject) p).getString("componentId")));
      push.props()
          .forEach(
              e ->
                  props.put(
                      e.getKey(),
                      props
                          .getJsonObject(e.getKey(), new JsonObject())
                          .mergeIn((JsonObject) e.getValue())));
      assertThat(expected.fieldNames())
          .as("pushed only what is expected")
          .containsAll(props.fieldNames());
    }
    return ids;
  }

  static String rendererId() {
    return UUID.randomUUID().toString();
  }

  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void progressSetPropsAndTheResultArePushedAndThePollOnlyEndsTheJob(JobStoreKind store)
      throws Exception {
    int n = 10 + store.ordinal();
    ServedApp app = apps.served(store);
    String token = pageToken(app);
    String rendererId = rendererId();
    try (var socket = BridgeClient.connect(app.url()).claim(rendererId, token)) {
      var started = start(app, token, rendererId, n);

      acknowledgedUntil(
          socket,
          new JsonObject()
              .put("status", new JsonObject().put("children", "half"))
              .put("log", new JsonObject().put("children", "one")));
      // delivered by the pushes: a poll has nothing more to give
      assertThat(new JsonObject(poll(app, token, started, n).body()))
          .isEqualTo(new JsonObject().put("multi", true));

      latch(n).countDown();
      var last =
          acknowledgedUntil(
              socket,
              new JsonObject()
                  .put("log", new JsonObject().put("children", "two"))
                  .put("result", new JsonObject().put("children", "done " + n))
                  .put("go", new JsonObject().put("disabled", false))
                  .put("status", new JsonObject().put("children", "finished")));
      // the result comes before what the renderer sets when the job ends
      assertThat(last.indexOf("result")).isLessThan(last.indexOf("go"));

      assertThat(last(pollToEnd(app, token, started, n)).statusCode())
          .as("the result is on the page: the poll ends the job")
          .isEqualTo(204);
      assertThat(socket.poll(300)).as("nothing pushed twice").isNull();
    }
  }

  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void aPushForAnotherPageLoadReachesNoOneAndThePollDeliversIt(JobStoreKind store)
      throws Exception {
    int n = 20 + store.ordinal();
    ServedApp app = apps.served(store);
    String token = pageToken(app);
    String otherPage = pageToken(app);
    String rendererId = rendererId();
    try (var socket = BridgeClient.connect(app.url()).claim(rendererId, otherPage)) {
      // the request names a socket registered by another page load of the same browser
      var started = start(app, token, rendererId, n);

      // past the ack timeout: the push was given up, and the job is the poll's
      assertThat(socket.poll(1500)).as("nothing reaches the other page").isNull();
      JsonObject polled = new JsonObject(poll(app, token, started, n).body());
      assertThat(polled.getJsonObject("progress"))
          .isEqualTo(new JsonObject().put("status.children", "half"));
      assertThat(polled.getJsonObject("sideUpdate"))
          .isEqualTo(new JsonObject().put("log", new JsonObject().put("children", "one")));

      latch(n).countDown();
      var end = last(pollToEnd(app, token, started, n));
      assertThat(new JsonObject(end.body()).getJsonObject("response"))
          .isEqualTo(new JsonObject().put("result", new JsonObject().put("children", "done " + n)));
      assertThat(socket.poll(300)).isNull();
    }
  }

  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void whatASocketClosedMidJobMissedComesWithThePollOnce(JobStoreKind store) throws Exception {
    int n = 30 + store.ordinal();
    ServedApp app = apps.served(store);
    String token = pageToken(app);
    String rendererId = rendererId();
    JsonObject started;
    try (var socket = BridgeClient.connect(app.url()).claim(rendererId, token)) {
      started = start(app, token, rendererId, n);
      acknowledgedUntil(
          socket,
          new JsonObject()
              .put("status", new JsonObject().put("children", "half"))
              .put("log", new JsonObject().put("children", "one")));
    }
    latch(n).countDown();

    var answers = pollToEnd(app, token, started, n);
    assertThat(new JsonObject(last(answers).body()).getJsonObject("response"))
        .isEqualTo(new JsonObject().put("result", new JsonObject().put("children", "done " + n)));
    var logs = new ArrayList<Object>();
    for (var answer : answers) {
      var body = new JsonObject(answer.body());
      assertThat(body.containsKey("progress")).as("the progress was pushed").isFalse();
      var side = body.getJsonObject("sideUpdate");
      if (side != null) {
        logs.add(side.getJsonObject("log").getValue("children"));
      }
    }
    assertThat(logs).as("only what the pushes did not deliver, once").containsExactly("two");
  }

  /**
   * The stock front end in Chromium: with polls a minute apart, the progress, the {@code setProps}
   * update, the result and the button's return to enabled all show, so they came by push.
   */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void aConnectedPageShowsTheJobAsItHappens(JobStoreKind store) throws Exception {
    int n = 1;
    latches.remove(n); // each store's app counts its clicks from 1
    browser.openApp(apps.served(store));
    awaitSocket();

    browser.click("#go");
    browser.waitForText("#status", "half");
    browser.waitForText("#log", "one");
    browser.waitForElement("#go:disabled");
    assertThat(browser.text("#result")).isEmpty();

    latch(n).countDown();
    browser.waitForText("#result", "done 1");
    browser.waitForText("#log", "two");
    browser.waitForText("#status", "finished");
    browser.waitForElement("#go:not([disabled])");
    browser.assertNoErrorsLogged();
  }

  /**
   * Two tabs of one browser share its one socket: the same trigger in both starts two jobs, and
   * each tab sees only its own job's progress, update and result.
   */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void twoTabsOnOneSocketEachSeeOnlyTheirOwnJob(JobStoreKind store) throws Exception {
    latches.remove(GREETINGS + 1);
    ServedApp app = apps.served(store);
    var driver = browser.driver();
    String first = driver.getWindowHandle();
    String second = null;
    try {
      browser.openApp(app);
      browser.type("#name", "alice");
      awaitSocket();
      driver.switchTo().newWindow(WindowType.TAB);
      second = driver.getWindowHandle();
      browser.openApp(app);
      browser.type("#name", "bob");
      awaitSocket();

      browser.click("#greet");
      browser.waitForText("#greet-status", "working for bob");
      driver.switchTo().window(first);
      browser.click("#greet");
      browser.waitForText("#greet-status", "working for alice");
      browser.waitForText("#greet-log", "started for alice");

      latch(GREETINGS + 1).countDown();
      browser.waitForText("#greeting", "hello alice");
      driver.switchTo().window(second);
      browser.waitForText("#greeting", "hello bob");
      browser.waitForText("#greet-log", "started for bob");
      browser.waitForText("#greet-status", "working for bob");
      driver.switchTo().window(first);
      browser.waitForText("#greet-status", "working for alice");
      browser.assertNoErrorsLogged();
    } finally {
      if (second != null) {
        driver.switchTo().window(second).close();
      }
      driver.switchTo().window(first);
    }
  }

  private static void awaitSocket() {
    browser.waitUntil(
        "the page's socket to hold",
        () -> browser.javascript("return window.__dash4jRenderer") != null);
  }
}
