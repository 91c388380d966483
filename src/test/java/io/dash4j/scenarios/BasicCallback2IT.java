package io.dash4j.scenarios;

import static io.dash4j.components.Html.b;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Fn.Fn1;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.Results;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.runtime.launch.DashServer;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dash's {@code tests/integration/callbacks/test_basic_callback.py}, cbsc013–cbsc026
 * (cbsc001–cbsc012 are in {@link BasicCallbackIT}). Not re-expressed: cbsc009 (its components,
 * {@code AsyncComponent}, {@code CollapseComponent}, {@code DelayedEventComponent} and {@code
 * FragmentComponent}, come from Dash's private {@code dash_test_components} package, which is no
 * part of the stock front end dash4j serves) and cbsc016 ({@code app._extra_components} is a
 * private attribute of the Python {@code Dash} class, with no public counterpart). cbsc019–cbsc026
 * follow Dash's renderer tests and the renderer's messages: their Python source was not in the
 * reference store.
 */
class BasicCallback2IT {
  @RegisterExtension static final Browser browser = Browser.perClass();

  @RegisterExtension
  static final ServedApp outOfOrder = ServedApp.of(BasicCallback2IT::outOfOrderApp);

  @RegisterExtension
  static final ServedApp timestamps = ServedApp.of(BasicCallback2IT::timestampsApp);

  @RegisterExtension
  static final ServedApp circular = ServedApp.of(BasicCallback2IT::inputOutputApp);

  @RegisterExtension
  static final ServedApp ndarray = ServedApp.of(BasicCallback2IT::arrayOutputApp);

  @RegisterExtension static final ServedApp running = ServedApp.of(BasicCallback2IT::runningApp);

  @RegisterExtension
  static final ServedApp runningMissing = ServedApp.of(() -> runningMissingApp(true));

  @RegisterExtension
  static final ServedApp runningMissingDebug = ServedApp.of(() -> runningMissingApp(false));

  @RegisterExtension static final ServedApp noOutput = ServedApp.of(BasicCallback2IT::noOutputApp);
  @RegisterExtension static final ServedApp noInput = ServedApp.of(BasicCallback2IT::noInputApp);

  @RegisterExtension
  static final ServedApp noInputNoOutput = ServedApp.of(BasicCallback2IT::noInputNoOutputApp);

  @RegisterExtension
  static final ServedApp severalNoInputNoOutput =
      ServedApp.of(BasicCallback2IT::severalNoInputNoOutputApp);

  private static void load(ServedApp app) {
    load(app.url());
  }

  private static void load(String url) {
    browser.consoleErrors(); // what earlier tests left in the log is theirs
    browser.openApp(url);
  }

  // cbsc013
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger outOfOrderCalls = new AtomicInteger();
  private static final CountDownLatch firstClickMayFinish = new CountDownLatch(1);

  private static DashApp outOfOrderApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(button("Click").id("input").nClicks(0), div().id("output1"), div().id("output2")));
    app.callback(
        Outputs.of(Output.of("output1", Html.CHILDREN), Output.of("output2", Html.CHILDREN)),
        Input.of("input", Html.N_CLICKS),
        clicks -> {
          outOfOrderCalls.incrementAndGet();
          if (clicks == 1) {
            firstClickMayFinish.await(10, TimeUnit.SECONDS); // Dash: `with lock: pass`
          }
          return Results.of(clicks, clicks + 1);
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc013_multi_output_out_of_order}: the first click's request is held until
   * the second one has been answered and shown (Dash releases its lock right after the clicks,
   * which may let the answers arrive in order); the stale first answer then arrives and must not
   * overwrite the page, nor leave the renderer loading.
   */
  @Test
  void cbsc013_aSlowEarlierAnswerDoesNotOverwriteALaterOne() {
    load(outOfOrder);
    browser.javascript(
        """
        window.answered = 0;
        var original = window.fetch;
        window.fetch = function () {
          return original.apply(this, arguments).then(function (r) { window.answered++; return r; });
        };""");
    try {
      browser.click("#input");
      browser.click("#input");
      browser.waitForText("#output1", "2");
      browser.waitForText("#output2", "3");
    } finally {
      firstClickMayFinish.countDown();
    }
    browser.waitUntil(
        "the held first answer to arrive",
        () -> ((Number) browser.javascript("return window.answered;")).intValue() == 2);
    browser.waitForNoPendingCallbacks();
    assertThat(browser.text("#output1")).isEqualTo("2");
    assertThat(browser.text("#output2")).isEqualTo("3");
    assertThat(outOfOrderCalls.get()).isEqualTo(3);
    assertThat(browser.javascript("return !window.store.getState().isLoading;")).isEqualTo(true);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // cbsc014
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger timestampCalls = new AtomicInteger();
  private static final AtomicReference<Number> timestamp1 = new AtomicReference<>(-5);
  private static final AtomicReference<Number> timestamp2 = new AtomicReference<>(-5);

  private static DashApp timestampsApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            div().id("container"),
            button("Click 1").id("button-1").nClicks(0).nClicksTimestamp(-1),
            button("Click 2").id("button-2").nClicks(0).nClicksTimestamp(-1)));
    app.callback(
        Output.of("container", Html.CHILDREN),
        Input.of("button-1", Html.N_CLICKS),
        Input.of("button-1", Html.N_CLICKS_TIMESTAMP),
        Input.of("button-2", Html.N_CLICKS),
        Input.of("button-2", Html.N_CLICKS_TIMESTAMP),
        (n1, t1, n2, t2) -> {
          timestampCalls.incrementAndGet();
          timestamp1.set(t1);
          timestamp2.set(t2);
          return n1 + ", " + n2;
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc014_multiple_properties_update_at_same_time_on_same_component}: a click
   * changes n_clicks and n_clicks_timestamp together, and the callback reading both runs once per
   * click.
   */
  @Test
  void cbsc014_twoPropsChangedByOneClickMakeOneCall() {
    load(timestamps);
    browser.waitForText("#container", "0, 0");
    assertThat(timestamp1.get().longValue()).isEqualTo(-1);
    assertThat(timestamp2.get().longValue()).isEqualTo(-1);
    assertThat(timestampCalls.get()).isEqualTo(1);

    double dayAgo = (System.currentTimeMillis() / 1000.0 - 24 * 60 * 60) * 1000;
    browser.click("#button-1");
    browser.waitForText("#container", "1, 0");
    assertThat(timestamp1.get().doubleValue()).isGreaterThan(dayAgo);
    assertThat(timestamp2.get().longValue()).isEqualTo(-1);
    assertThat(timestampCalls.get()).isEqualTo(2);
    double previous1 = timestamp1.get().doubleValue();

    browser.click("#button-2");
    browser.waitForText("#container", "1, 1");
    assertThat(timestamp1.get().doubleValue()).isEqualTo(previous1);
    assertThat(timestamp2.get().doubleValue()).isGreaterThan(dayAgo);
    assertThat(timestampCalls.get()).isEqualTo(3);
    double previous2 = timestamp2.get().doubleValue();

    browser.click("#button-2");
    browser.waitForText("#container", "1, 2");
    assertThat(timestamp1.get().doubleValue()).isEqualTo(previous1);
    assertThat(timestamp2.get().doubleValue()).isGreaterThan(previous2);
    assertThat(timestamp2.get().doubleValue()).isGreaterThan(timestamp1.get().doubleValue());
    assertThat(timestampCalls.get()).isEqualTo(4);
  }

  // cbsc015
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger followerCalls = new AtomicInteger();

  private static DashApp inputOutputApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(div("0").id("input-text"), Dcc.input("input").type(Dcc.DccInput.Type.NUMBER).value(0)));
    app.callback(
        Output.of("input", Dcc.DccInput.VALUE),
        Input.of("input", Dcc.DccInput.VALUE),
        value -> {
          // Python's `if not ctx.triggered`: there the initial call's placeholder list is falsy;
          // dash4j's is not, and
          // says "initial call" by a null triggeredId()
          if (CallbackContext.current().triggeredId() == null) {
            return value;
          }
          Number n = (Number) value;
          return n.doubleValue() == n.longValue()
              ? (Object) (n.longValue() + 1)
              : (Object) (n.doubleValue() + 1);
        });
    app.callback(
        Output.of("input-text", Html.CHILDREN),
        Input.of("input", Dcc.DccInput.VALUE),
        value -> {
          followerCalls.incrementAndGet();
          return String.valueOf(value);
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc015_input_output_callback}: a callback whose Output is its own Input adds
   * one to a typed value; a follower of that prop runs once, with the final value.
   */
  @Test
  void cbsc015_aCallbackMayOutputItsOwnInput() {
    load(circular);
    browser.waitForElement("#input").sendKeys("2");
    browser.waitForText("#input-text", "3");
    browser.waitForNoPendingCallbacks();
    assertThat(followerCalls.get()).as("initial + changed once").isEqualTo(2);
    assertThat(browser.javascript("return window.store.getState().isLoading;")).isEqualTo(false);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // cbsc016: NOT APPLICABLE, see the class comment.

  // cbsc017
  // -----------------------------------------------------------------------------------------------------------

  /**
   * Dash {@code test_cbsc017_callback_directly_callable}: the decorated function stays a plain
   * function. In dash4j the function is a lambda: the app registers it and the test keeps it, and
   * it runs without a server or a request.
   */
  @Test
  void cbsc017_aCallbackIsCallableWithoutAServer() throws Exception {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            Dcc.input("input").value("initial value"),
            div(div(1.5, null, "string", div().id("output-1")))));
    Fn1<Object, String> updateOutput = value -> "returning " + value;
    app.callback(
        Output.of("output-1", Html.CHILDREN), Input.of("input", Dcc.DccInput.VALUE), updateOutput);
    assertThat(updateOutput.apply("my-value")).isEqualTo("returning my-value");
  }

  // cbsc018
  // -----------------------------------------------------------------------------------------------------------

  private static DashApp arrayOutputApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(Dcc.store("output"), button("click").id("clicker")));
    // numpy's np.array([[1, 2, 3], [4, 5, 6]], np.int32): Java's own array type
    app.callback(
        Output.of("output", Dcc.Store.DATA),
        Input.of("clicker", Html.N_CLICKS),
        clicks -> new int[][] {{1, 2, 3}, {4, 5, 6}});
    return app;
  }

  /**
   * Dash {@code test_cbsc018_callback_ndarray_output}: a native array (numpy's ndarray there)
   * returned into a Store serialises; Dash checks the console only, this also reads the Store's
   * data back from the renderer.
   */
  @Test
  void cbsc018_anArrayReturnedIntoAStoreSerialises() {
    load(ndarray);
    assertThat(browser.consoleErrors()).isEmpty();
    assertThat(
            browser.javascript(
                """
        var s = window.store.getState();
        var node = s.paths.strs['output'].reduce(function (o, k) { return o[k]; }, s.layout);
        return JSON.stringify(node.props.data);"""))
        .isEqualTo("[[1,2,3],[4,5,6]]");
  }

  // cbsc019
  // -----------------------------------------------------------------------------------------------------------

  private static final CountDownLatch runningMayFinish = new CountDownLatch(1);

  private static DashApp runningApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(div("off").id("running"), button("start").id("start"), div().id("output")));
    app.callback(
        Output.of("output", Html.CHILDREN),
        Input.of("start", Html.N_CLICKS),
        clicks -> {
          runningMayFinish.await(10, TimeUnit.SECONDS); // Dash: `with lock: pass`
          return "done";
        },
        options ->
            options
                .preventInitialCall(true)
                .running(Output.of("running", Html.CHILDREN), b("on").id("content"), "off"));
    return app;
  }

  /**
   * Dash {@code test_cbsc019_callback_running}: {@code running} puts a component into a prop while
   * the callback runs and "off" back afterwards.
   */
  @Test
  void cbsc019_runningShowsAComponentWhileTheCallbackRuns() {
    load(running);
    try {
      browser.click("#start");
      browser.waitForText("#content", "on");
    } finally {
      runningMayFinish.countDown();
    }
    browser.waitForText("#output", "done");
    browser.waitForText("#running", "off");
  }

  // cbsc020 / cbsc021
  // -------------------------------------------------------------------------------------------------

  private static final CountDownLatch missingMayFinish = new CountDownLatch(1);
  private static final CountDownLatch missingDebugMayFinish = new CountDownLatch(1);

  private static DashApp runningMissingApp(boolean suppress) {
    var latch = suppress ? missingMayFinish : missingDebugMayFinish;
    var app =
        Dash.create(config -> config.port(0).suppressCallbackExceptions(suppress).debug(!suppress));
    app.layout(div(button("start").id("start"), div().id("output")));
    app.callback(
        Output.of("output", Html.CHILDREN),
        Input.of("start", Html.N_CLICKS),
        clicks -> {
          latch.await(10, TimeUnit.SECONDS);
          return "done";
        },
        options ->
            options
                .preventInitialCall(true)
                .running(
                    Output.of("non_existent_component", Html.CHILDREN),
                    b("on").id("content"),
                    "off"));
    return app;
  }

  /**
   * Dash {@code test_cbsc020_callback_running_non_existing_component}: a {@code running} target
   * missing from the layout is ignored when callback exceptions are suppressed.
   */
  @Test
  void cbsc020_aMissingRunningTargetIsIgnoredWhenSuppressed() {
    load(runningMissing);
    try {
      browser.click("#start");
    } finally {
      missingMayFinish.countDown();
    }
    browser.waitForText("#output", "done");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /**
   * Dash {@code test_cbsc021_callback_running_non_existing_component}: without suppression (debug
   * on) the callback still works, and the dev tools show "ID running component not found in layout"
   * twice, for "on" and for "off".
   */
  @Test
  void cbsc021_aMissingRunningTargetIsADevToolsError() {
    load(runningMissingDebug);
    try {
      browser.click("#start");
    } finally {
      missingDebugMayFinish.countDown();
    }
    browser.waitForText("#output", "done");
    browser.waitUntil("two dev-tools errors", () -> browser.devToolsErrorCount() == 2);
    browser.waitForNoPendingCallbacks();
    assertThat(browser.devToolsErrorCount()).as("once for on and once for off").isEqualTo(2);
    assertThat(browser.devToolsErrorTitles())
        .containsExactly(
            "ID running component not found in layout", "ID running component not found in layout");
    assertThat(browser.devToolsErrorBodies())
        .allSatisfy(
            body ->
                assertThat(body)
                    .contains(
                        "Component defined in running keyword not found in layout.",
                        "Component id: \"non_existent_component\"",
                        "This ID was used in the callback(s) for Output(s):",
                        "output.children",
                        "You can suppress this exception by setting",
                        "`suppress_callback_exceptions=True`."));
  }

  // cbsc022
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger noOutputCalls = new AtomicInteger();

  private static DashApp noOutputApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(button("Start").id("start-btn").nClicks(0), div().id("output")));
    app.callbackWithoutOutput(
        Input.of("start-btn", Html.N_CLICKS),
        clicks -> {
          noOutputCalls.incrementAndGet();
          CallbackContext.current().setProps("output", Map.of("children", "Clicked " + clicks));
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc022_no_output_callback_initial_call}: a callback without outputs runs when
   * the page loads (dash#3770) and again on each click.
   */
  @Test
  void cbsc022_aCallbackWithoutOutputsRunsAtLoadAndOnClick() {
    load(noOutput);
    browser.waitForText("#output", "Clicked 0");
    assertThat(noOutputCalls.get()).isEqualTo(1);
    browser.click("#start-btn");
    browser.waitForText("#output", "Clicked 1");
    assertThat(noOutputCalls.get()).isEqualTo(2);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // cbsc023
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger noInputCalls = new AtomicInteger();

  private static DashApp noInputApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(div("state value").id("state"), div().id("output"), button("change").id("change")));
    app.callback(
        Output.of("output", Html.CHILDREN),
        List.of(State.of("state", Html.CHILDREN)),
        values -> {
          noInputCalls.incrementAndGet();
          return "got " + values.get(0);
        });
    app.callback(
        Output.of("state", Html.CHILDREN),
        Input.of("change", Html.N_CLICKS),
        clicks -> "changed " + clicks,
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * Dash {@code test_cbsc023_no_input_callback_initial_call}: a callback with an Output and only
   * State runs once, when the page loads; a later change of its State does not call it again.
   */
  @Test
  void cbsc023_aCallbackWithoutInputsRunsOnceAtLoad() {
    load(noInput);
    browser.waitForText("#output", "got state value");
    assertThat(noInputCalls.get()).isEqualTo(1);
    browser.click("#change");
    browser.waitForText("#state", "changed 1");
    browser.waitForNoPendingCallbacks();
    assertThat(noInputCalls.get()).isEqualTo(1);
    assertThat(browser.text("#output")).isEqualTo("got state value");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // cbsc024
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger bareCalls = new AtomicInteger();

  private static DashApp noInputNoOutputApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(div().id("output")));
    app.callbackWithoutOutput(
        List.of(),
        args -> {
          bareCalls.incrementAndGet();
          CallbackContext.current().setProps("output", Map.of("children", "called"));
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc024_no_input_no_output}: {@code @app.callback()} with nothing runs once at
   * load.
   */
  @Test
  void cbsc024_aCallbackWithNeitherInputsNorOutputsRunsOnceAtLoad() {
    load(noInputNoOutput);
    browser.waitForText("#output", "called");
    browser.waitForNoPendingCallbacks();
    assertThat(bareCalls.get()).isEqualTo(1);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // cbsc025
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger firstBareCalls = new AtomicInteger();
  private static final AtomicInteger secondBareCalls = new AtomicInteger();
  private static final AtomicInteger thirdBareCalls = new AtomicInteger();

  private static DashApp severalNoInputNoOutputApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(div().id("output-1"), div().id("output-2"), div().id("output-3")));
    // Each on its own line: like Dash's file:line, dash4j keys such callbacks by their call site.
    app.callbackWithoutOutput(List.of(), args -> bareCall(firstBareCalls, "output-1"));
    app.callbackWithoutOutput(List.of(), args -> bareCall(secondBareCalls, "output-2"));
    app.callbackWithoutOutput(List.of(), args -> bareCall(thirdBareCalls, "output-3"));
    return app;
  }

  private static void bareCall(AtomicInteger calls, String output) {
    calls.incrementAndGet();
    CallbackContext.current().setProps(output, Map.of("children", output + " called"));
  }

  /**
   * Dash {@code test_cbsc025_no_input_no_output_multiple}: several callbacks with neither inputs
   * nor outputs are distinct callbacks, each run exactly once at load.
   */
  @Test
  void cbsc025_severalCallbacksWithNeitherInputsNorOutputsEachRunOnce() {
    load(severalNoInputNoOutput);
    browser.waitForText("#output-1", "output-1 called");
    browser.waitForText("#output-2", "output-2 called");
    browser.waitForText("#output-3", "output-3 called");
    browser.waitForNoPendingCallbacks();
    assertThat(List.of(firstBareCalls.get(), secondBareCalls.get(), thirdBareCalls.get()))
        .containsExactly(1, 1, 1);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // cbsc026
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger firstDuplicateCalls = new AtomicInteger();
  private static final AtomicInteger secondDuplicateCalls = new AtomicInteger();

  private static DashApp noInputDuplicatesApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(div().id("output"), div().id("first"), div().id("second")));
    app.callback(
        Output.of("output", Html.CHILDREN).allowDuplicate(),
        List.of(),
        args -> {
          firstDuplicateCalls.incrementAndGet();
          CallbackContext.current().setProps("first", Map.of("children", "first called"));
          return "first";
        },
        options -> options.initialDuplicate());
    app.callback(
        Output.of("output", Html.CHILDREN).allowDuplicate(),
        List.of(),
        args -> {
          secondDuplicateCalls.incrementAndGet();
          CallbackContext.current().setProps("second", Map.of("children", "second called"));
          return "second";
        },
        options -> options.initialDuplicate());
    return app;
  }

  /**
   * Dash {@code test_cbsc026_no_input_with_duplicate_outputs}: two callbacks without inputs that
   * share an output through {@code allow_duplicate} and {@code
   * prevent_initial_call="initial_duplicate"} both run at load. The app is served here rather than
   * by a {@link ServedApp}, whose failure to start would fail every test of the class.
   */
  @Test
  void cbsc026_twoCallbacksWithoutInputsSharingAnOutputBothRun() {
    try (var server = DashServer.start(noInputDuplicatesApp())) {
      load(server.url());
      browser.waitForText("#first", "first called");
      browser.waitForText("#second", "second called");
      browser.waitForNoPendingCallbacks();
      assertThat(List.of(firstDuplicateCalls.get(), secondDuplicateCalls.get()))
          .containsExactly(1, 1);
      assertThat(browser.text("#output")).isIn("first", "second");
      assertThat(browser.consoleErrors()).isEmpty();
    }
  }
}
