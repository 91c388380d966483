package io.dash4j.scenarios;

import static io.dash4j.components.DashTable.dataTable;
import static io.dash4j.components.Dcc.dropdown;
import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Dcc.radioItems;
import static io.dash4j.components.Dcc.slider;
import static io.dash4j.components.Dcc.store;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h1;
import static io.dash4j.components.Html.hr;
import static io.dash4j.components.Html.label;
import static io.dash4j.testing.PythonFormat.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.callback.Results;
import io.dash4j.callback.State;
import io.dash4j.components.DashTable;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Dash's {@code tests/integration/callbacks/test_multiple_callbacks.py}: out-of-order answers,
 * callbacks cancelled mid-chain, converging and branched chains, callbacks on generated components;
 * mostly call counts and final texts. Each Dash test (and each parameter) has its own app, served
 * once for the class.
 */
class MultipleCallbacksIT {
  private static final AtomicInteger outOfOrderCalls = new AtomicInteger();
  private static final AtomicInteger directOutputCalls = new AtomicInteger();
  private static final AtomicInteger directInput2Calls = new AtomicInteger();
  private static final Map<String, AtomicInteger> branchedCalls =
      counters("parent-a", "parent-b", "child-a", "child-b");
  private static final Map<String, AtomicInteger> grandparentCalls =
      counters("dropdown_1", "dropdown_2");
  private static final Map<String, AtomicInteger> tabCalls = counters("tab1", "tab2");
  private static final Map<String, AtomicInteger> overlappingCalls =
      counters("container", "output-1", "output-2", "output-3", "output-4");
  private static final AtomicInteger optsCalls = new AtomicInteger();
  private static final AtomicInteger cityCalls = new AtomicInteger();
  private static final AtomicInteger outCalls = new AtomicInteger();

  /**
   * Dash's {@code out_lock}: the test holds it to keep the last callback of cbmt013 from answering.
   */
  private static final Semaphore outLock = new Semaphore(1);

  @RegisterExtension
  static final ServedApp outOfOrder = ServedApp.of(MultipleCallbacksIT::outOfOrderApp);

  @RegisterExtension
  static final ServedApp canceled = ServedApp.of(MultipleCallbacksIT::canceledIntermediateApp);

  @RegisterExtension
  static final ServedApp table = ServedApp.of(MultipleCallbacksIT::chainWithTableApp);

  @RegisterExtension
  static final ServedApp sliders = ServedApp.of(() -> chainWithSlidersApp(false));

  @RegisterExtension
  static final ServedApp slidersMulti = ServedApp.of(() -> chainWithSlidersApp(true));

  @RegisterExtension
  static final ServedApp converging = ServedApp.of(MultipleCallbacksIT::convergingChainApp);

  @RegisterExtension
  static final ServedApp derived = ServedApp.of(MultipleCallbacksIT::derivedPropsApp);

  @RegisterExtension
  static final ServedApp earlyPrevent = ServedApp.of(MultipleCallbacksIT::earlyPreventUpdateApp);

  @RegisterExtension
  static final ServedApp directChain = ServedApp.of(MultipleCallbacksIT::directChainApp);

  @RegisterExtension
  static final ServedApp branched = ServedApp.of(MultipleCallbacksIT::branchedChainApp);

  @RegisterExtension
  static final ServedApp grandparent = ServedApp.of(MultipleCallbacksIT::sharedGrandparentApp);

  @RegisterExtension
  static final ServedApp generated = ServedApp.of(MultipleCallbacksIT::generatedOutputApp);

  @RegisterExtension
  static final ServedApp overlapping = ServedApp.of(() -> overlappingOutputsApp(false));

  @RegisterExtension
  static final ServedApp overlappingGenerated = ServedApp.of(() -> overlappingOutputsApp(true));

  @RegisterExtension
  static final ServedApp blocked = ServedApp.of(MultipleCallbacksIT::blockedChainApp);

  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void reset() {
    for (var counter :
        List.of(
            outOfOrderCalls,
            directOutputCalls,
            directInput2Calls,
            optsCalls,
            cityCalls,
            outCalls)) {
      counter.set(0);
    }
    for (var counters : List.of(branchedCalls, grandparentCalls, tabCalls, overlappingCalls)) {
      counters.values().forEach(counter -> counter.set(0));
    }
    outLock.drainPermits();
    outLock.release();
    browser.consoleErrors(); // drop what earlier pages logged: each test reads only its own (dash:
    // get_logs)
  }

  private static Map<String, AtomicInteger> counters(String... names) {
    var counters = new LinkedHashMap<String, AtomicInteger>();
    for (String name : names) {
      counters.put(name, new AtomicInteger());
    }
    return counters;
  }

  private static DashApp newApp(boolean suppressCallbackExceptions) {
    return Dash.create(
        config ->
            config.port(0).debug(true).suppressCallbackExceptions(suppressCallbackExceptions));
  }

  static DashApp outOfOrderApp() {
    var app = newApp(false);
    app.layout(div(button("Click").id("input").nClicks(0), div().id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("input", Html.Button.N_CLICKS),
        clicks -> {
          outOfOrderCalls.incrementAndGet();
          if (clicks == 1) {
            Thread.sleep(1000);
          }
          return clicks;
        });
    return app;
  }

  /** Requests of {@code _dash-update-component} whose answer the browser has fully received. */
  private static int answeredUpdateRequests() {
    return ((Number)
            browser.javascript(
                "return performance.getEntriesByType('resource').filter(function (e) {"
                    + " return e.name.indexOf('_dash-update-component') >= 0 && e.responseEnd > 0; }).length;"))
        .intValue();
  }

  /**
   * test_cbmt001_called_multiple_times_and_out_of_order: three quick clicks, the first answered a
   * second late; the callback runs 4 times and the late answer of click 1 does not overwrite the 3.
   */
  @Test
  void cbmt001_lateAnswerOfAnOvertakenRequestIsDropped() {
    browser.openApp(outOfOrder);
    browser.click("#input");
    browser.click("#input");
    browser.click("#input");
    // Dash sleeps 3 s; here: wait for the 4 calls and for the browser to have received all 4
    // answers, the late one
    // included, so a wrongly applied late answer would show
    browser.waitUntil("4 calls", () -> outOfOrderCalls.get() == 4);
    browser.waitUntil("4 answers received", () -> answeredUpdateRequests() == 4);
    browser.waitForNoPendingCallbacks();

    assertThat(outOfOrderCalls.get()).as("get called 4 times").isEqualTo(4);
    assertThat(browser.text("#output")).as("clicked button 3 times").isEqualTo("3");
    browser.assertNoErrorsLogged();
  }

  static DashApp canceledIntermediateApp() {
    var app = newApp(false);
    app.layout(div(input("a").value("x"), div("b").id("b"), div("c").id("c"), div().id("out")));
    app.callback(
        Output.of("out", Html.Div.CHILDREN),
        Input.of("a", Dcc.DccInput.VALUE),
        Input.of("b", Html.Div.CHILDREN),
        Input.of("c", Html.Div.CHILDREN),
        (a, b, c) -> a + "/" + b + "/" + c);
    app.callback(
        Output.of("b", Html.Div.CHILDREN),
        Input.of("a", Dcc.DccInput.VALUE),
        a -> {
          throw new PreventUpdate();
        });
    app.callback(Output.of("c", Html.Div.CHILDREN), Input.of("a", Dcc.DccInput.VALUE), a -> a);
    return app;
  }

  /**
   * test_cbmt002_canceled_intermediate_callback (dash#1053): a callback in the middle of a chain
   * raising PreventUpdate does not keep the converging callback from seeing the other branch's
   * value, keystroke after keystroke.
   */
  @Test
  void cbmt002_preventedIntermediateCallbackDoesNotBlockTheChain() {
    browser.openApp(canceled);
    browser.waitForText("#out", "x/b/x");
    String chars = "x";
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < 10; i++) {
        browser.waitForElement("#a").sendKeys(String.valueOf(i));
        chars += i;
        browser.waitForText("#out", chars + "/b/" + chars);
      }
    }
  }

  static DashApp chainWithTableApp() {
    var app = newApp(false);
    app.layout(
        div(
            div().id("a1"),
            div().id("a2"),
            div().id("b1"),
            h1().id("b2"),
            button("Update").id("button"),
            dataTable("table")));
    // the order of these outputs, a2 before a1, was what broke in dash#1071
    app.callback(
        Outputs.of(Output.of("a2", Html.Div.CHILDREN), Output.of("a1", Html.Div.CHILDREN)),
        Input.of("button", Html.Button.N_CLICKS),
        n -> Results.of("a2: " + str(n), "a1: " + str(n)));
    app.callback(
        Output.of("b1", Html.Div.CHILDREN),
        Input.of("a1", Html.Div.CHILDREN),
        a1 -> "b1: '" + str(a1) + "'");
    app.callback(
        Output.of("b2", Html.H1.CHILDREN),
        Input.of("a2", Html.Div.CHILDREN),
        Input.of("table", DashTable.DataTable.SELECTED_CELLS),
        (a2, selectedCells) -> "b2: '" + str(a2) + "', " + str(selectedCells));
    return app;
  }

  /**
   * test_cbmt003_chain_with_table (dash#1071): chains from a multi-output callback next to a
   * DataTable input.
   */
  @Test
  void cbmt003_chainsFromAMultiOutputCallbackBesideADataTable() {
    browser.openApp(table);
    browser.waitForText("#a1", "a1: None");
    browser.waitForText("#a2", "a2: None");
    browser.waitForText("#b1", "b1: 'a1: None'");
    browser.waitForText("#b2", "b2: 'a2: None', None");

    browser.click("#button");
    browser.waitForText("#a1", "a1: 1");
    browser.waitForText("#a2", "a2: 1");
    browser.waitForText("#b1", "b1: 'a1: 1'");
    browser.waitForText("#b2", "b2: 'a2: 1', None");

    browser.click("#button");
    browser.waitForText("#a1", "a1: 2");
    browser.waitForText("#a2", "a2: 2");
    browser.waitForText("#b1", "b1: 'a1: 2'");
    browser.waitForText("#b2", "b2: 'a2: 2', None");
  }

  static DashApp chainWithSlidersApp(boolean multi) {
    var app = newApp(false);
    app.layout(
        div(
            button("Button").id("button"),
            div(label().id("label1"), slider("slider1").min(0).max(10).value(0)),
            div(label().id("label2"), slider("slider2").min(0).max(10).value(0))));
    if (multi) {
      app.callback(
          Outputs.of(
              Output.of("slider1", Dcc.Slider.VALUE), Output.of("slider2", Dcc.Slider.VALUE)),
          Input.of("button", Html.Button.N_CLICKS),
          n -> {
            if (n == null || n == 0) {
              throw new PreventUpdate();
            }
            return Results.of(n, n);
          });
    } else {
      for (String slider : List.of("slider1", "slider2")) {
        app.callback(
            Output.of(slider, Dcc.Slider.VALUE),
            Input.of("button", Html.Button.N_CLICKS),
            n -> {
              if (n == null || n == 0) {
                throw new PreventUpdate();
              }
              return n;
            });
      }
    }
    app.callback(
        Output.of("label1", Html.Label.CHILDREN),
        Input.of("slider1", Dcc.Slider.VALUE),
        value -> "Slider1 value " + str(value));
    app.callback(
        Output.of("label2", Html.Label.CHILDREN),
        Input.of("slider2", Dcc.Slider.VALUE),
        value -> "Slider2 value " + str(value));
    return app;
  }

  /**
   * test_cbmt004_chain_with_sliders (dash#1084), with one multi-output callback or two single ones:
   * labels stay empty while the sliders' callbacks raise PreventUpdate, then follow every click.
   */
  @ParameterizedTest(name = "multi={0}")
  @ValueSource(booleans = {false, true})
  void cbmt004_labelsFollowSlidersSetByACallback(boolean multi) {
    browser.openApp(multi ? slidersMulti : sliders);
    browser.waitForText("#label1", "");
    browser.waitForText("#label2", "");

    browser.click("#button");
    browser.waitForText("#label1", "Slider1 value 1");
    browser.waitForText("#label2", "Slider2 value 1");

    browser.click("#button");
    browser.waitForText("#label1", "Slider1 value 2");
    browser.waitForText("#label2", "Slider2 value 2");
  }

  static DashApp convergingChainApp() {
    var app = newApp(false);
    app.layout(
        div(
            button("Button 1").id("b1"),
            button("Button 2").id("b2"),
            slider("slider1").min(-5).max(5),
            slider("slider2").min(-5).max(5),
            div().id("out")));
    app.callback(
        Outputs.of(Output.of("slider1", Dcc.Slider.VALUE), Output.of("slider2", Dcc.Slider.VALUE)),
        Input.of("b1", Html.Button.N_CLICKS),
        Input.of("b2", Html.Button.N_CLICKS),
        (button1, button2) -> {
          var context = CallbackContext.current();
          // Python's "if not ctx.triggered": on the initial call triggered() holds Dash's
          // placeholder {".", None},
          // which Python treats as falsy; the Java test for it is a null triggeredId()
          if (context.triggeredId() == null) {
            throw new PreventUpdate();
          }
          return context.triggered().get(0).propId().equals("b1.n_clicks")
              ? Results.of(-1, -1)
              : Results.of(1, 1);
        });
    app.callback(
        Output.of("out", Html.Div.CHILDREN),
        Input.of("slider1", Dcc.Slider.VALUE),
        Input.of("slider2", Dcc.Slider.VALUE),
        (s1, s2) -> "x=" + str(s1) + ", y=" + str(s2));
    return app;
  }

  /**
   * test_cbmt005_multi_converging_chain: two buttons set two sliders that converge on one output.
   */
  @Test
  void cbmt005_convergingChainFollowsTheButtonThatWasClicked() {
    browser.openApp(converging);
    browser.waitForText("#out", "");

    browser.click("#b1");
    browser.waitForText("#out", "x=-1, y=-1");

    browser.click("#b2");
    browser.waitForText("#out", "x=1, y=1");
  }

  static DashApp derivedPropsApp() {
    var app = newApp(false);
    app.layout(div(div().id("output"), button("click").id("btn"), store("store")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("store", Dcc.Store.MODIFIED_TIMESTAMP),
        State.of("store", Dcc.Store.DATA),
        (ts, data) -> data);
    app.callback(
        Output.of("store", Dcc.Store.DATA),
        Input.of("btn", Html.Button.N_CLICKS),
        clicks -> clicks == null ? 0 : clicks);
    return app;
  }

  /**
   * test_cbmt006_derived_props: a prop the component derives (Store's modified_timestamp) triggers
   * a callback.
   */
  @Test
  void cbmt006_derivedPropTriggersACallback() {
    browser.openApp(derived);
    browser.waitForText("#output", "0");
    browser.click("#btn");
    browser.waitForText("#output", "1");
    browser.click("#btn");
    browser.waitForText("#output", "2");
  }

  static DashApp earlyPreventUpdateApp() {
    var app = newApp(true);
    app.layout(div().id("content"));
    app.callback(
        Output.of("content", Html.Div.CHILDREN),
        Input.of("content", Html.Div.STYLE),
        style ->
            div(
                div(42).id("above-in"),
                div().id("above-dummy"),
                hr(),
                div(0).id("above-out"),
                div(0).id("below-out"),
                hr(),
                div().id("below-dummy"),
                div(44).id("below-in")));
    // 4 callbacks: 2 above, 2 below
    for (String pos : List.of("above", "below")) {
      app.callback(
          Output.of(pos + "-dummy", Html.Div.CHILDREN),
          Input.of(pos + "-dummy", Html.Div.STYLE),
          style -> {
            throw new PreventUpdate();
          });
      app.callback(
          Output.of(pos + "-out", Html.Div.CHILDREN),
          Input.of(pos + "-in", Html.Div.CHILDREN),
          v -> v);
    }
    return app;
  }

  /**
   * test_cbmt007_early_preventupdate_inputs_above_below (dash#1223): a PreventUpdate early in the
   * initial chain of generated components does not stop the callbacks of inputs placed above or
   * below it.
   */
  @Test
  void cbmt007_earlyPreventUpdateDoesNotStopOtherInitialCallbacks() {
    browser.openApp(earlyPrevent);
    browser.waitForText("#above-out", "42");
    browser.waitForText("#below-out", "44");
  }

  static DashApp directChainApp() {
    var app = newApp(false);
    app.layout(div(input("input-1").value("input 1"), input("input-2"), div("test").id("output")));
    app.callback(
        Output.of("input-2", Dcc.DccInput.VALUE),
        Input.of("input-1", Dcc.DccInput.VALUE),
        input1 -> {
          directInput2Calls.incrementAndGet();
          return "<<" + str(input1) + ">>";
        });
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("input-1", Dcc.DccInput.VALUE),
        Input.of("input-2", Dcc.DccInput.VALUE),
        (input1, input2) -> {
          directOutputCalls.incrementAndGet();
          return str(input1) + " + " + str(input2);
        });
    return app;
  }

  /**
   * test_cbmt008_direct_chain: a callback whose input is also set by another callback from the same
   * input waits for it, so each runs once per change.
   */
  @Test
  void cbmt008_directChainRunsEachCallbackOncePerChange() {
    browser.openApp(directChain);
    browser.waitForText("#input-1", "input 1");
    browser.waitForText("#input-2", "<<input 1>>");
    browser.waitForText("#output", "input 1 + <<input 1>>");
    browser.waitForNoPendingCallbacks();
    assertThat(directOutputCalls.get()).isEqualTo(1);
    assertThat(directInput2Calls.get()).isEqualTo(1);

    browser.waitForElement("#input-1").sendKeys("x");
    browser.waitForText("#input-1", "input 1x");
    browser.waitForText("#input-2", "<<input 1x>>");
    browser.waitForText("#output", "input 1x + <<input 1x>>");
    browser.waitForNoPendingCallbacks();
    assertThat(directOutputCalls.get()).isEqualTo(2);
    assertThat(directInput2Calls.get()).isEqualTo(2);

    browser.waitForElement("#input-2").sendKeys("y");
    browser.waitForText("#input-2", "<<input 1x>>y");
    browser.waitForText("#output", "input 1x + <<input 1x>>y");
    browser.waitForText("#input-1", "input 1x");
    browser.waitForNoPendingCallbacks();
    assertThat(directOutputCalls.get()).isEqualTo(3);
    assertThat(directInput2Calls.get()).isEqualTo(2);
  }

  static DashApp branchedChainApp() {
    var app = newApp(false);
    app.layout(
        div(
            input("grandparent").value("input 1"),
            input("parent-a"),
            input("parent-b"),
            div().id("child-a"),
            div().id("child-b")));
    app.callback(
        Output.of("parent-a", Dcc.DccInput.VALUE),
        Input.of("grandparent", Dcc.DccInput.VALUE),
        value -> {
          branchedCalls.get("parent-a").incrementAndGet();
          return "a: " + str(value);
        });
    app.callback(
        Output.of("parent-b", Dcc.DccInput.VALUE),
        Input.of("grandparent", Dcc.DccInput.VALUE),
        value -> {
          Thread.sleep(200);
          branchedCalls.get("parent-b").incrementAndGet();
          return "b: " + str(value);
        });
    app.callback(
        Output.of("child-a", Html.Div.CHILDREN),
        Input.of("parent-a", Dcc.DccInput.VALUE),
        Input.of("parent-b", Dcc.DccInput.VALUE),
        (parentA, parentB) -> {
          Thread.sleep(500);
          branchedCalls.get("child-a").incrementAndGet();
          return str(parentA) + " + " + str(parentB);
        });
    app.callback(
        Output.of("child-b", Html.Div.CHILDREN),
        Input.of("parent-a", Dcc.DccInput.VALUE),
        Input.of("parent-b", Dcc.DccInput.VALUE),
        Input.of("grandparent", Dcc.DccInput.VALUE),
        (parentA, parentB, grandparentValue) -> {
          branchedCalls.get("child-b").incrementAndGet();
          return str(parentA) + " + " + str(parentB) + " + " + str(grandparentValue);
        });
    return app;
  }

  /**
   * test_cbmt009_branched_chain: children of two slow parents wait for both, so every callback of
   * the branched chain runs exactly once at page load.
   */
  @Test
  void cbmt009_branchedChainRunsEveryCallbackOnceAtLoad() {
    browser.openApp(branched);
    browser.waitForText("#child-a", "a: input 1 + b: input 1");
    browser.waitForText("#child-b", "a: input 1 + b: input 1 + input 1");
    browser.waitForText("#parent-a", "a: input 1");
    browser.waitForText("#parent-b", "b: input 1");
    browser.waitForNoPendingCallbacks();
    assertThat(branchedCalls)
        .allSatisfy((name, calls) -> assertThat(calls.get()).as(name).isEqualTo(1));
  }

  static DashApp sharedGrandparentApp() {
    var app = newApp(false);
    app.layout(
        div(
            div("id").id("session-id"),
            dropdown("dropdown-1"),
            dropdown("dropdown-2"),
            div().id("output")));
    var options = List.of(Map.of("value", "a", "label", "a"));
    app.callback(
        Output.of("dropdown-1", Dcc.Dropdown.OPTIONS),
        Input.of("dropdown-1", Dcc.Dropdown.VALUE),
        Input.of("session-id", Html.Div.CHILDREN),
        (value, sessionId) -> {
          grandparentCalls.get("dropdown_1").incrementAndGet();
          return options;
        });
    app.callback(
        Output.of("dropdown-2", Dcc.Dropdown.OPTIONS),
        Input.of("dropdown-2", Dcc.Dropdown.VALUE),
        Input.of("session-id", Html.Div.CHILDREN),
        (value, sessionId) -> {
          grandparentCalls.get("dropdown_2").incrementAndGet();
          return options;
        });
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("dropdown-1", Dcc.Dropdown.VALUE),
        Input.of("dropdown-2", Dcc.Dropdown.VALUE),
        (v1, v2) -> (v1 == null ? "b" : v1) + "" + (v2 == null ? "b" : v2));
    return app;
  }

  /**
   * test_cbmt010_shared_grandparent: two callbacks sharing a grandparent input each run once at
   * page load.
   */
  @Test
  void cbmt010_callbacksWithASharedGrandparentRunOnceEach() {
    browser.openApp(grandparent);
    browser.waitForText("#output", "bb");
    browser.waitForNoPendingCallbacks();
    assertThat(grandparentCalls.get("dropdown_1").get()).isEqualTo(1);
    assertThat(grandparentCalls.get("dropdown_2").get()).isEqualTo(1);
    browser.assertNoErrorsLogged();
  }

  static DashApp generatedOutputApp() {
    var app = newApp(true);
    app.layout(
        div(
            dropdown("outer-controls")
                .options(
                    List.of(Map.of("label", "a", "value", "a"), Map.of("label", "b", "value", "b")))
                .value("a"),
            radioItems("tabs")
                .options(
                    List.of(
                        Map.of("label", "Tab 1", "value", 1), Map.of("label", "Tab 2", "value", 2)))
                .value(1),
            div().id("tab-output")));
    app.callback(
        Output.of("tab-output", Html.Div.CHILDREN),
        Input.of("tabs", Dcc.RadioItems.VALUE),
        value -> div(div().id("tab-" + value + "-output")));
    app.callback(
        Output.of("tab-1-output", Html.Div.CHILDREN),
        Input.of("outer-controls", Dcc.Dropdown.VALUE),
        value -> {
          tabCalls.get("tab1").incrementAndGet();
          return "Selected \"" + value + "\" in tab 1";
        });
    app.callback(
        Output.of("tab-2-output", Html.Div.CHILDREN),
        Input.of("outer-controls", Dcc.Dropdown.VALUE),
        value -> {
          tabCalls.get("tab2").incrementAndGet();
          return "Selected \"" + value + "\" in tab 2";
        });
    return app;
  }

  /**
   * test_cbmt011_callbacks_triggered_on_generated_output: only the callback whose output a
   * generated layout contains runs, once per time that output appears.
   */
  @Test
  void cbmt011_onlyTheCallbackOfAGeneratedOutputRuns() {
    browser.openApp(generated);
    browser.waitForText("#tab-output", "Selected \"a\" in tab 1");
    browser.waitForText("#tab-1-output", "Selected \"a\" in tab 1");
    browser.waitForNoPendingCallbacks();
    assertThat(tabCalls.get("tab1").get()).isEqualTo(1);
    assertThat(tabCalls.get("tab2").get()).isEqualTo(0);

    browser.driver().findElements(By.cssSelector("input[type=\"radio\"]")).get(1).click();

    browser.waitForText("#tab-output", "Selected \"a\" in tab 2");
    browser.waitForText("#tab-2-output", "Selected \"a\" in tab 2");
    browser.waitForNoPendingCallbacks();
    assertThat(tabCalls.get("tab1").get()).isEqualTo(1);
    assertThat(tabCalls.get("tab2").get()).isEqualTo(1);
    browser.assertNoErrorsLogged();
  }

  static DashApp overlappingOutputsApp(boolean generate) {
    var app = newApp(generate);
    var block =
        div(
            div().id("input-1").children("input-1"),
            div().id("input-2").children("input-2"),
            div().id("input-3").children("input-3"),
            div().id("input-4").children("input-4"),
            div().id("input-5").children("input-5"),
            div().id("output-1"),
            div().id("output-2"),
            div().id("output-3"),
            div().id("output-4"));
    if (generate) {
      app.layout(div(div().id("input"), div().id("container")));
      app.callback(
          Output.of("container", Html.Div.CHILDREN),
          Input.of("input", Html.Div.CHILDREN),
          ignored -> {
            overlappingCalls.get("container").incrementAndGet();
            return block;
          });
    } else {
      app.layout(block);
    }
    for (int i = 1; i <= 4; i++) {
      String outputId = "output-" + i;
      app.callback(
          Output.of(outputId, Html.Div.CHILDREN),
          Input.of("input-" + i, Html.Div.CHILDREN),
          Input.of("input-" + (i + 1), Html.Div.CHILDREN),
          (a, b) -> {
            overlappingCalls.get(outputId).incrementAndGet();
            return str(a) + ", " + str(b);
          });
    }
    return app;
  }

  /**
   * test_cbmt012_initialization_with_overlapping_outputs, in the layout or generated by a callback:
   * callbacks whose inputs overlap each run once at initialization.
   */
  @ParameterizedTest(name = "generate={0}")
  @ValueSource(booleans = {false, true})
  void cbmt012_callbacksWithOverlappingInputsRunOnceAtInitialization(boolean generate) {
    browser.openApp(generate ? overlappingGenerated : overlapping);
    for (int i = 1; i <= 4; i++) {
      String outputId = "output-" + i;
      browser.waitForText("#" + outputId, "input-" + i + ", input-" + (i + 1));
    }
    browser.waitForNoPendingCallbacks();
    for (int i = 1; i <= 4; i++) {
      assertThat(overlappingCalls.get("output-" + i).get()).as("output-" + i).isEqualTo(1);
    }
    assertThat(overlappingCalls.get("container").get()).isEqualTo(generate ? 1 : 0);
  }

  private static final Map<String, List<String>> ALL_OPTIONS =
      Map.of(
          "America", List.of("New York City", "San Francisco", "Cincinnati"),
          "Canada", List.of("Montreal", "Toronto", "Ottawa"));

  static DashApp blockedChainApp() {
    var app = newApp(false);
    app.layout(
        div(
            radioItems("countries-radio")
                .options(
                    List.of(
                        Map.of("label", "America", "value", "America"),
                        Map.of("label", "Canada", "value", "Canada")))
                .value("America"),
            hr(),
            radioItems("cities-radio"),
            hr(),
            div().id("display-selected-values")));
    app.callback(
        Output.of("cities-radio", Dcc.RadioItems.OPTIONS),
        Input.of("countries-radio", Dcc.RadioItems.VALUE),
        country -> {
          optsCalls.incrementAndGet();
          return ALL_OPTIONS.get(country).stream()
              .map(city -> Map.of("label", city, "value", city))
              .toList();
        });
    app.callback(
        Output.of("cities-radio", Dcc.RadioItems.VALUE),
        Input.of("cities-radio", Dcc.RadioItems.OPTIONS),
        options -> {
          cityCalls.incrementAndGet();
          return ((Map<?, ?>) ((List<?>) options).get(0)).get("value");
        });
    app.callback(
        Output.of("display-selected-values", Html.Div.CHILDREN),
        Input.of("countries-radio", Dcc.RadioItems.VALUE),
        Input.of("cities-radio", Dcc.RadioItems.VALUE),
        (country, city) -> {
          // maybe the key to this whole test: these inputs should never be out of sync
          if (!ALL_OPTIONS.get(country).contains(city)) {
            throw new IllegalStateException(city + " is not a city of " + country);
          }
          outCalls.incrementAndGet();
          outLock.acquire();
          try {
            return city + " is a city in " + country;
          } finally {
            outLock.release();
          }
        });
    return app;
  }

  /**
   * test_cbmt013_chained_callback_should_be_blocked: the callback that reads both the country and
   * the city waits until the city follows the country, so it never sees them out of sync and runs
   * once per change.
   */
  @Test
  void cbmt013_chainedCallbackWaitsForItsBlockedInput() throws InterruptedException {
    browser.openApp(blocked);
    String newYork = "New York City is a city in America";
    String canada = "Montreal is a city in Canada";

    // the right initial state after one call of each callback: no intermediate output text was ever
    // made
    browser.waitForText("#display-selected-values", newYork);
    assertThat(optsCalls.get()).isEqualTo(1);
    assertThat(cityCalls.get()).isEqualTo(1);
    assertThat(outCalls.get()).isEqualTo(1);

    WebElement canadaOption =
        browser.driver().findElements(By.cssSelector("label")).stream()
            .filter(label -> label.getText().equals("Canada"))
            .findFirst()
            .orElseThrow()
            .findElement(By.tagName("input"));

    outLock.acquire();
    try {
      canadaOption.click();
      // all three callbacks ran once more, but the last one may not answer yet, so the text is
      // unchanged
      browser.waitUntil("the display callback to run again", () -> outCalls.get() == 2);
      assertThat(optsCalls.get()).isEqualTo(2);
      assertThat(cityCalls.get()).isEqualTo(2);
      assertThat(browser.text("#display-selected-values")).isEqualTo(newYork);
    } finally {
      outLock.release();
    }

    browser.waitForText("#display-selected-values", canada);
    browser.waitForNoPendingCallbacks();
    assertThat(optsCalls.get()).isEqualTo(2);
    assertThat(cityCalls.get()).isEqualTo(2);
    assertThat(outCalls.get()).isEqualTo(2);
    browser.assertNoErrorsLogged();
  }
}
