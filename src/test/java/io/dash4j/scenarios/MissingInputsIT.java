package io.dash4j.scenarios;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.layout.Wildcard.ALL;
import static io.dash4j.layout.Wildcard.MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.Results;
import io.dash4j.callback.State;
import io.dash4j.components.Html;
import io.dash4j.layout.Component;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dash's {@code tests/integration/callbacks/test_missing_inputs.py}: callbacks whose inputs (all or
 * some) are not in the layout yet, with plain, ALL and MATCH ids: which run at page load, which
 * stay untouched, and that all of them run once a click brings their components in. Each Dash test
 * has its own app, served once for the class.
 */
class MissingInputsIT {
  @RegisterExtension
  static final ServedApp allMissing = ServedApp.of(MissingInputsIT::allMissingInputsApp);

  @RegisterExtension static final ServedApp followOn = ServedApp.of(MissingInputsIT::followOnApp);

  @RegisterExtension
  static final ServedApp someMissing = ServedApp.of(MissingInputsIT::someMissingInputsApp);

  @RegisterExtension
  static final ServedApp someMissingOutputs = ServedApp.of(MissingInputsIT::someMissingOutputsApp);

  @RegisterExtension
  static final ServedApp allWithOutput = ServedApp.of(MissingInputsIT::allWildcardsWithOutputApp);

  @RegisterExtension
  static final ServedApp allNoOutputs = ServedApp.of(MissingInputsIT::allWildcardsNoOutputsApp);

  @RegisterExtension
  static final ServedApp allSomeOutputs = ServedApp.of(MissingInputsIT::allWildcardsSomeOutputsApp);

  @RegisterExtension
  static final ServedApp allAndSimple = ServedApp.of(MissingInputsIT::wildcardAndSimpleApp);

  @RegisterExtension
  static final ServedApp matchMissing = ServedApp.of(MissingInputsIT::matchAllMissingApp);

  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void dropEarlierLogs() {
    browser.consoleErrors(); // each test reads only what its own page logged (dash: get_logs)
  }

  /**
   * Loads the app and waits, as Dash's {@code wait_for_queue}, for the button and an empty callback
   * queue.
   */
  private static void open(ServedApp server) {
    browser.openApp(server);
    browser.waitForText("#btn", "click");
    browser.waitForNoPendingCallbacks();
  }

  private static DashApp newApp() {
    return Dash.create(config -> config.port(0).debug(true).suppressCallbackExceptions(true));
  }

  private static Output<Object> out(Object id) {
    return Output.of(id, Html.Div.CHILDREN);
  }

  private static Input<Object> in(Object id) {
    return Input.of(id, Html.Div.CHILDREN);
  }

  private static State<Object> state(Object id) {
    return State.of(id, Html.Div.CHILDREN);
  }

  /**
   * Fails the callback (so the browser logs an error) when an argument is not what Dash's test
   * asserts.
   */
  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  /** Python's {@code ", ".join(items) or "no items"}. */
  private static String joined(List<Object> items) {
    String text = items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    return text.isEmpty() ? "no items" : text;
  }

  /**
   * Dash's {@code content} callback, in every app here: {@code afterClick(n)} once the button was
   * clicked, else {@code "content init"}, as Python's {@code [...] if n else "content init"}.
   */
  private static void contentOnClick(DashApp app, IntFunction<List<?>> afterClick) {
    app.callback(
        out("content"),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> n != null && n > 0 ? afterClick.apply(n) : "content init");
  }

  /** {@code n} divs {@code "item i"} with ids {@code {"i": i}}. */
  private static List<Object> items(int n) {
    var items = new ArrayList<Object>();
    for (int i = 0; i < n; i++) {
      items.add(div("item " + i).id(Map.of("i", i)));
    }
    return items;
  }

  /** Python's {@code items + [last]} for the {@code n} items. */
  private static List<Object> itemsAnd(int n, Component last) {
    var items = items(n);
    items.add(last);
    return items;
  }

  /**
   * Clicks the button and waits for {@code out1}, then for out2, which the apps of cbmi005 to
   * cbmi008 make {@code out1 + " - 2"}.
   */
  private static void clickAndWaitForOut1(String out1) {
    browser.click("#btn");
    browser.waitForText("#out1", out1);
    browser.waitForText("#out2", out1 + " - 2");
  }

  static DashApp allMissingInputsApp() {
    var app = newApp();
    app.layout(
        div(
            div("Title").id("title"),
            button("click").id("btn"),
            div().id("content"),
            div("output1 init").id("out1"),
            div("output2 init").id("out2"),
            div("output3 init").id("out3")));
    contentOnClick(app, n -> List.of(div("A").id("a"), div("B").id("b"), div("C").id("c")));
    allMissingInputsCallbacks(app, name -> name);
    return app;
  }

  /**
   * The callbacks of cbmi001, which cbmi009 registers with MATCH ids; {@code ref} names a
   * component.
   */
  private static void allMissingInputsCallbacks(DashApp app, Function<String, Object> ref) {
    app.callback(
        out(ref.apply("out1")),
        List.of(
            in(ref.apply("a")),
            in(ref.apply("b")),
            state(ref.apply("c")),
            state(ref.apply("title"))),
        args -> {
          // title exists at the start, but a State is not enough to fire the callback
          check("C".equals(args.get(2)), "c == " + args.get(2));
          check("Title".equals(args.get(3)), "title == " + args.get(3));
          return "" + args.get(0) + args.get(1);
        });
    app.callback(
        out(ref.apply("out2")),
        in(ref.apply("out1")),
        state(ref.apply("title")),
        (out1, title) -> out1 + " - 2 - " + title);
    app.callback(
        out(ref.apply("out3")),
        in(ref.apply("out1")),
        in(ref.apply("title")),
        (out1, title) -> out1 + " - 3 - " + title);
  }

  /**
   * test_cbmi001_all_missing_inputs: a callback with all inputs missing does not run, nor does one
   * whose only input is its output; one with another input present does; after the click all run.
   */
  @Test
  void cbmi001_callbackWithAllInputsMissingIsSkippedUntilTheyAppear() {
    open(allMissing);
    checkAllMissingInputs(name -> "#" + name);
  }

  /**
   * cbmi001's checks, which cbmi009 repeats on its dict-id outputs; {@code css} selects an output
   * by name.
   */
  private static void checkAllMissingInputs(Function<String, String> css) {
    // out3 runs because it has another Input besides out1
    browser.waitForText(css.apply("out3"), "output1 init - 3 - Title");
    assertThat(browser.text(css.apply("out1"))).isEqualTo("output1 init");
    // out2 does not run because its only input (out1) is "prevented"; State items don't matter for
    // this
    assertThat(browser.text(css.apply("out2"))).isEqualTo("output2 init");

    browser.click("#btn");

    // after a button click all inputs are present so all callbacks run
    browser.waitForText(css.apply("out1"), "AB");
    browser.waitForText(css.apply("out2"), "AB - 2 - Title");
    browser.waitForText(css.apply("out3"), "AB - 3 - Title");
    browser.assertNoErrorsLogged();
  }

  static DashApp followOnApp() {
    var app = newApp();
    app.layout(
        div(
            button("click").id("btn"),
            div().id("content"),
            div("output1 init").id("out1"),
            div("output2 init").id("out2"),
            div("output3 init").id("out3")));
    contentOnClick(app, n -> List.of(div("A").id("a"), div("B").id("b")));
    app.callback(out("out1"), in("a"), a -> a);
    app.callback(out("out2"), in("b"), b -> b);
    app.callback(out("out3"), in("out1"), in("out2"), (out1, out2) -> "" + out1 + out2);
    return app;
  }

  /**
   * test_cbmi002_follow_on_to_two_skipped_callbacks: a callback fed only by two skipped callbacks
   * is skipped too; after the click all three run.
   */
  @Test
  void cbmi002_callbackFedBySkippedCallbacksIsSkippedToo() {
    open(followOn);
    for (String i : List.of("1", "2", "3")) {
      assertThat(browser.text("#out" + i)).isEqualTo("output" + i + " init");
    }

    browser.click("#btn");

    // now all callbacks run
    browser.waitForText("#out1", "A");
    browser.waitForText("#out2", "B");
    browser.waitForText("#out3", "AB");
    browser.assertNoErrorsLogged();
  }

  static DashApp someMissingInputsApp() {
    var app = newApp();
    app.layout(
        div(
            div("Title").id("title"),
            button("click").id("btn"),
            div().id("content"),
            div("output1 init").id("out1"),
            div("output2 init").id("out2")));
    contentOnClick(app, n -> List.of(div("A").id("a"), div("B").id("b")));
    app.callback(out("out1"), in("a"), in("title"), (a, title) -> "" + a + title);
    app.callback(out("out2"), in("out1"), out1 -> out1 + " - 2");
    return app;
  }

  /**
   * test_cbmi003_some_missing_inputs: a callback with some inputs present and some missing is an
   * error the browser logs (a ReferenceError naming the missing id and prop); after the click the
   * app works without further errors.
   */
  @Test
  void cbmi003_someInputsMissingIsAReferenceErrorInTheBrowser() {
    open(someMissing);
    browser.waitForText("#content", "content init");

    var logs = new ArrayList<String>();
    browser.waitUntil(
        "the browser to log a ReferenceError",
        () -> {
          logs.addAll(browser.consoleErrors());
          return String.join("\n", logs).contains("ReferenceError");
        });
    assertThat(String.join("\n", logs))
        .contains("The id of this object is `a` and the property is `children`.");

    // after the error the app still works, and logs no more errors
    browser.click("#btn");
    browser.waitForText("#out2", "ATitle - 2");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  static DashApp someMissingOutputsApp() {
    var app = newApp();
    app.layout(div(button("click").id("btn"), div().id("content"), div("output1 init").id("out1")));
    contentOnClick(app, n -> List.of(div("A").id("a"), div("B").id("b")));
    app.callback(Outputs.of(out("out1"), out("b")), in("a"), a -> Results.of(a, a));
    return app;
  }

  /**
   * test_cbmi004_some_missing_outputs: a multi-output callback whose input and one output are
   * missing does not run until they appear.
   */
  @Test
  void cbmi004_callbackWithMissingInputAndSomeOutputsWaitsForThem() {
    open(someMissingOutputs);
    browser.waitForText("#content", "content init");
    assertThat(browser.text("#out1")).isEqualTo("output1 init");

    browser.click("#btn");

    // after a button click all inputs are present so all callbacks run
    browser.waitForText("#out1", "A");
    browser.waitForText("#b", "A");
    browser.assertNoErrorsLogged();
  }

  static DashApp allWildcardsWithOutputApp() {
    var app = newApp();
    app.layout(
        div(
            div("Title").id("title"),
            button("click").id("btn"),
            div().id("content"),
            div("output1 init").id("out1"),
            div("output2 init").id("out2")));
    contentOnClick(app, MissingInputsIT::items);
    app.callback(
        out("out1"), Input.all(Map.of("i", ALL), Html.Div.CHILDREN), MissingInputsIT::joined);
    app.callback(out("out2"), in("out1"), out1 -> out1 + " - 2");
    return app;
  }

  /**
   * test_cbmi005_all_multi_wildcards_with_output: a callback whose only inputs are ALL wildcards
   * matching nothing DOES run when its output is present, with an empty list.
   */
  @Test
  void cbmi005_allWildcardInputsMatchingNothingStillRunWithAnOutput() {
    open(allWithOutput);
    browser.waitForText("#out2", "no items - 2");
    assertThat(browser.text("#out1")).isEqualTo("no items");
    assertThat(browser.text("#content")).isEqualTo("content init");

    clickAndWaitForOut1("item 0");
    clickAndWaitForOut1("item 0, item 1");
    browser.assertNoErrorsLogged();
  }

  static DashApp allWildcardsNoOutputsApp() {
    var app = newApp();
    app.layout(
        div(
            div("Title").id("title"),
            button("click").id("btn"),
            div().id("content"),
            div("output2 init").id("out2")));
    contentOnClick(app, n -> itemsAnd(n, div("output1 init").id("out1")));
    app.callback(
        out("out1"), Input.all(Map.of("i", ALL), Html.Div.CHILDREN), MissingInputsIT::joined);
    app.callback(out("out2"), in("out1"), out1 -> out1 + " - 2");
    return app;
  }

  /**
   * test_cbmi006_all_multi_wildcards_no_outputs: with its only inputs ALL wildcards matching
   * nothing and its output missing, the callback does NOT run.
   */
  @Test
  void cbmi006_allWildcardInputsWithoutTheOutputDoNotRun() {
    open(allNoOutputs);
    browser.waitForText("#out2", "output2 init");
    assertThat(browser.text("#content")).isEqualTo("content init");

    clickAndWaitForOut1("item 0");
    clickAndWaitForOut1("item 0, item 1");
    browser.assertNoErrorsLogged();
  }

  static DashApp allWildcardsSomeOutputsApp() {
    var app = newApp();
    app.layout(
        div(
            div("Title").id("title"),
            button("click").id("btn"),
            div().id("content"),
            div("output2 init").id("out2"),
            div("output3 init").id("out3")));
    contentOnClick(app, n -> itemsAnd(n, div("output1 init").id("out1")));
    app.callback(
        Outputs.of(out("out1"), out("out3")),
        Input.all(Map.of("i", ALL), Html.Div.CHILDREN),
        items -> {
          String out = joined(items);
          return Results.of(out, out + " - 3");
        });
    app.callback(out("out2"), in("out1"), out1 -> out1 + " - 2");
    return app;
  }

  /**
   * test_cbmi007_all_multi_wildcards_some_outputs: as cbmi006 with a multi-output callback whose
   * outputs are partly present: it does NOT run.
   */
  @Test
  void cbmi007_allWildcardInputsWithSomeOutputsMissingDoNotRun() {
    open(allSomeOutputs);
    browser.waitForText("#out2", "output2 init");
    browser.waitForText("#out3", "output3 init");
    assertThat(browser.text("#content")).isEqualTo("content init");

    clickAndWaitForOut1("item 0");
    browser.waitForText("#out3", "item 0 - 3");
    clickAndWaitForOut1("item 0, item 1");
    browser.waitForText("#out3", "item 0, item 1 - 3");
    browser.assertNoErrorsLogged();
  }

  static DashApp wildcardAndSimpleApp() {
    var app = newApp();
    app.layout(
        div(
            div("Title").id("title"),
            button("click").id("btn"),
            div().id("content"),
            div("output1 init").id("out1"),
            div("output2 init").id("out2")));
    contentOnClick(app, n -> itemsAnd(n, div("A").id("a")));
    app.callback(
        out("out1"),
        Input.all(Map.of("i", ALL), Html.Div.CHILDREN),
        in("a"),
        (items, a) -> a + " - " + joined(items));
    app.callback(out("out2"), in("out1"), out1 -> out1 + " - 2");
    return app;
  }

  /**
   * test_cbmi008_multi_wildcards_and_simple_all_missing: when only SOME inputs are ALL wildcards
   * and the plain one is missing, the callback does NOT run, even with its output present.
   */
  @Test
  void cbmi008_allWildcardAndMissingPlainInputDoNotRun() {
    open(allAndSimple);
    browser.waitForText("#content", "content init");
    assertThat(browser.text("#out1")).isEqualTo("output1 init");
    assertThat(browser.text("#out2")).isEqualTo("output2 init");

    clickAndWaitForOut1("A - item 0");
    clickAndWaitForOut1("A - item 0, item 1");
    browser.assertNoErrorsLogged();
  }

  private static Map<String, Object> id(String name) {
    return Map.of("i", 0, "id", name);
  }

  private static Map<String, Object> match(String name) {
    return Map.of("i", MATCH, "id", name);
  }

  /**
   * The element with this dict id; Dash escapes the id's JSON into an {@code #id} selector, the
   * same element.
   */
  private static String css(String name) {
    return "[id='{\"i\":0,\"id\":\"" + name + "\"}']";
  }

  static DashApp matchAllMissingApp() {
    var app = newApp();
    app.layout(
        div(
            div("Title").id(id("title")),
            button("click").id("btn"),
            div().id("content"),
            div("output1 init").id(id("out1")),
            div("output2 init").id(id("out2")),
            div("output3 init").id(id("out3"))));
    contentOnClick(
        app, n -> List.of(div("A").id(id("a")), div("B").id(id("b")), div("C").id(id("c"))));
    // cbmi001's callbacks, kind of contrived: MATCH will always be 0
    allMissingInputsCallbacks(app, MissingInputsIT::match);
    return app;
  }

  /** test_cbmi009_match_wildcards_all_missing: cbmi001 with MATCH ids behaves the same. */
  @Test
  void cbmi009_matchCallbackWithAllInputsMissingIsSkippedUntilTheyAppear() {
    open(matchMissing);
    checkAllMissingInputs(MissingInputsIT::css);
  }
}
