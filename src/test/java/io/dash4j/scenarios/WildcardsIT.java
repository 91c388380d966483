package io.dash4j.scenarios;

import static io.dash4j.components.Dcc.checklist;
import static io.dash4j.components.Dcc.dropdown;
import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Dcc.location;
import static io.dash4j.components.Dcc.slider;
import static io.dash4j.components.Html.br;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.hr;
import static io.dash4j.components.Html.pre;
import static io.dash4j.layout.Wildcard.ALL;
import static io.dash4j.layout.Wildcard.ALLSMALLER;
import static io.dash4j.layout.Wildcard.MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Argument;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.NoUpdate;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.Patch;
import io.dash4j.callback.Results;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.layout.Component;
import io.dash4j.runtime.launch.DashServer;
import io.dash4j.testing.Browser;
import io.dash4j.testing.PythonFormat;
import io.dash4j.testing.ServedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Dash's {@code tests/integration/callbacks/test_wildcards.py}: pattern-matching callbacks (MATCH,
 * ALL, ALLSMALLER) in a to-do list, a Fibonacci series (server and clientside), dynamically added
 * dropdowns, {@code running} with pattern outputs, MATCH inputs with fixed or no outputs, and the
 * renderer's initial calls after a Patch. Each Dash test has its own app, served once for the
 * class; call counts are Dash's {@code Value}s and globals.
 *
 * <p>Not ported: {@code test_cbwc006_grouping_callbacks}, which checks Python's dict/tuple
 * groupings of callback arguments and the {@code repr} of {@code ctx.args_grouping} / {@code
 * ctx.outputs_grouping}.
 */
class WildcardsIT {
  private static final Map<String, Object> STYLE_TODO =
      Map.of("display", "inline", "margin", "10px");
  private static final Map<String, Object> STYLE_DONE =
      Map.of(
          "textDecoration", "line-through", "color", "#888", "display", "inline", "margin", "10px");

  /**
   * The to-do app's {@code list_calls}, {@code style_calls}, {@code preceding_calls}, {@code
   * total_calls}.
   */
  private record TodoCalls(
      AtomicInteger list, AtomicInteger style, AtomicInteger preceding, AtomicInteger total) {
    TodoCalls() {
      this(new AtomicInteger(), new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
    }
  }

  private static final TodoCalls todoCalls = new TodoCalls();
  private static final TodoCalls todoContentCalls = new TodoCalls();
  private static final AtomicInteger fibonacciCount = new AtomicInteger();
  private static final AtomicInteger fibonacciSumCount = new AtomicInteger();
  private static final ReentrantLock runningLock = new ReentrantLock();
  private static final Map<Object, Integer> patchFires = new ConcurrentHashMap<>();
  private static final Map<Object, Integer> sliderFires = new ConcurrentHashMap<>();
  private static final Map<Object, Integer> rebuildFires = new ConcurrentHashMap<>();
  private static final Map<Object, Integer> nestedFires = new ConcurrentHashMap<>();

  @RegisterExtension static final ServedApp todo = ServedApp.of(() -> todoApp(false, todoCalls));

  @RegisterExtension
  static final ServedApp todoInContent = ServedApp.of(() -> todoApp(true, todoContentCalls));

  @RegisterExtension
  static final ServedApp fibonacciClientside = ServedApp.of(() -> fibonacciApp(true, null, null));

  @RegisterExtension static final ServedApp sameKeys = ServedApp.of(WildcardsIT::sameKeysApp);
  @RegisterExtension static final ServedApp layoutChunk = ServedApp.of(WildcardsIT::layoutChunkApp);

  @RegisterExtension
  static final ServedApp subtreeOrdering = ServedApp.of(WildcardsIT::subtreeOrderingApp);

  @RegisterExtension
  static final ServedApp runningMatch = ServedApp.of(WildcardsIT::runningMatchApp);

  @RegisterExtension
  static final ServedApp matchFixedOutput = ServedApp.of(WildcardsIT::matchFixedOutputApp);

  @RegisterExtension
  static final ServedApp matchNoOutput = ServedApp.of(WildcardsIT::matchNoOutputApp);

  @RegisterExtension static final ServedApp patchAppend = ServedApp.of(WildcardsIT::patchAppendApp);

  @RegisterExtension
  static final ServedApp patchSliders = ServedApp.of(WildcardsIT::patchSlidersApp);

  @RegisterExtension
  static final ServedApp patchRebuild = ServedApp.of(WildcardsIT::patchRebuildApp);

  @RegisterExtension static final ServedApp patchNested = ServedApp.of(WildcardsIT::patchNestedApp);
  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void forgetEarlierConsoleErrors() {
    browser.consoleErrors();
  }

  /**
   * Serves {@code app} for one test only: for the server-side Fibonacci apps, which dash4j refuses
   * to start (see {@link #cbwc002_fibonacciSeriesFromAllSmallerServerSide}); as class-wide {@link
   * ServedApp}s they would fail every test of the class in {@code beforeAll}.
   */
  private static void served(DashApp app, Consumer<String> test) {
    try (var server = DashServer.start(app)) {
      test.accept(server.url());
    }
  }

  /**
   * Dash's {@code css_escape}: a backslash before each character a CSS id selector cannot hold as
   * it is.
   */
  private static String css(String selector) {
    return selector.replaceAll("([{}\"'.:,])", "\\\\$1");
  }

  /** Python's truthiness of a Checklist value: a non-empty list. */
  private static boolean truthy(Object value) {
    return value instanceof List<?> list
        ? !list.isEmpty()
        : value != null && !Boolean.FALSE.equals(value);
  }

  /** Python's {@code int(v or 0)} for a children value the browser sent back. */
  private static int intOrZero(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    if (value instanceof String text && !text.isEmpty()) {
      return Integer.parseInt(text);
    }
    return 0;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // cbwc001: the to-do app (tests/assets/todo_app.py)

  static DashApp todoApp(boolean contentCallback, TodoCalls calls) {
    var app = Dash.create(config -> config.port(0));
    var content =
        div(
            div("Dash To-Do list"),
            input("new-item"),
            button("Add").id("add"),
            button("Clear Done").id("clear-done"),
            div().id("list-container"),
            hr(),
            div().id("totals"));
    if (contentCallback) {
      app.layout(div(div().id("content"), location("url")));
      app.callback(
          Output.of("content", Html.Div.CHILDREN),
          Input.of("url", Dcc.Location.PATHNAME),
          path -> content);
    } else {
      app.layout(content);
    }

    List<Argument<?>> editArguments =
        List.of(
            Input.of("add", Html.Button.N_CLICKS),
            Input.of("new-item", Dcc.DccInput.N_SUBMIT),
            Input.of("clear-done", Html.Button.N_CLICKS),
            State.of("new-item", Dcc.DccInput.VALUE),
            State.all(Map.of("item", ALL), Html.Div.CHILDREN),
            State.all(Map.of("item", ALL, "action", "done"), Dcc.Checklist.VALUE));
    app.callback(
        Outputs.of(
            Output.of("list-container", Html.Div.CHILDREN),
            Output.of("new-item", Dcc.DccInput.VALUE)),
        editArguments,
        args -> {
          calls.list().incrementAndGet();
          var triggered =
              CallbackContext.current().triggered().stream()
                  .map(CallbackContext.Triggered::propId)
                  .toList();
          boolean adding =
              triggered.stream()
                  .anyMatch(p -> p.equals("add.n_clicks") || p.equals("new-item.n_submit"));
          boolean clearing = triggered.contains("clear-done.n_clicks");
          Object newItem = args.get(3);
          var items = (List<?>) args.get(4);
          var itemsDone = (List<?>) args.get(5);
          var spec = new ArrayList<Object[]>();
          for (int i = 0; i < Math.min(items.size(), itemsDone.size()); i++) {
            if (!(clearing && truthy(itemsDone.get(i)))) {
              spec.add(new Object[] {items.get(i), itemsDone.get(i)});
            }
          }
          if (adding) {
            spec.add(new Object[] {newItem, List.of()});
          }
          var newList = new ArrayList<Component>();
          for (int i = 0; i < spec.size(); i++) {
            Object text = spec.get(i)[0];
            Object done = spec.get(i)[1];
            newList.add(
                div(
                        checklist(Map.of("item", i, "action", "done"))
                            .options(List.of(Map.of("label", "", "value", "done")))
                            .value((List<?>) done)
                            .style(Map.of("display", "inline")),
                        div(text)
                            .id(Map.of("item", i))
                            .style(truthy(done) ? STYLE_DONE : STYLE_TODO),
                        div().id(Map.of("item", i, "preceding", true)).style(STYLE_TODO))
                    .style(Map.of("clear", "both")));
          }
          return Results.of(newList, adding ? "" : newItem);
        });

    app.callback(
        Output.of(Map.of("item", MATCH), Html.Div.STYLE),
        Input.of(Map.of("item", MATCH, "action", "done"), Dcc.Checklist.VALUE),
        done -> {
          calls.style().incrementAndGet();
          return truthy(done) ? STYLE_DONE : STYLE_TODO;
        });

    app.callback(
        Output.of(Map.of("item", MATCH, "preceding", true), Html.Div.CHILDREN),
        Input.all(Map.of("item", ALLSMALLER, "action", "done"), Dcc.Checklist.VALUE),
        Input.of(Map.of("item", MATCH, "action", "done"), Dcc.Checklist.VALUE),
        (doneBefore, thisDone) -> {
          calls.preceding().incrementAndGet();
          if (truthy(thisDone)) {
            return "";
          }
          int allBefore = doneBefore.size();
          long done = doneBefore.stream().filter(WildcardsIT::truthy).count();
          String out = done + " of " + allBefore + " preceding items are done";
          return allBefore == done ? out + " DO THIS NEXT!" : out;
        });

    app.callback(
        Output.of("totals", Html.Div.CHILDREN),
        Input.all(Map.of("item", ALL, "action", "done"), Dcc.Checklist.VALUE),
        done -> {
          calls.total().incrementAndGet();
          int countAll = done.size();
          int countDone = (int) done.stream().filter(WildcardsIT::truthy).count();
          String result = countDone + " of " + countAll + " items completed";
          return countAll > 0 ? result + " - " + (100 * countDone / countAll) + "%" : result;
        });
    return app;
  }

  /**
   * test_cbwc001_todo_app[False]: ALL, MATCH and ALLSMALLER keep a to-do list, its notes and totals
   * right.
   */
  @Test
  void cbwc001_todoAppKeepsItemsNotesAndTotalsInStep() {
    todoScenario(todo, todoCalls);
  }

  /**
   * test_cbwc001_todo_app[True]: the same when the whole to-do app is the output of a content
   * callback.
   */
  @Test
  void cbwc001_todoAppRenderedByAContentCallbackKeepsItemsNotesAndTotalsInStep() {
    todoScenario(todoInContent, todoContentCalls);
  }

  private static void todoScenario(ServedApp server, TodoCalls calls) {
    browser.open(server.url());
    browser.waitForText("#totals", "0 of 0 items completed");
    // Dash reads the counts at once; the list and totals requests leave together, so let both
    // finish first
    browser.waitForNoPendingCallbacks();
    assertThat(calls.list().get()).isEqualTo(1);
    assertThat(calls.style().get()).isEqualTo(0);
    assertThat(calls.preceding().get()).isEqualTo(0);
    assertThat(calls.total().get()).isEqualTo(1);

    addItem("apples");
    browser.waitForText("#totals", "0 of 1 items completed - 0%");
    assertCount(1);
    addItem("bananas");
    browser.waitForText("#totals", "0 of 2 items completed - 0%");
    assertCount(2);
    addItem("carrots");
    browser.waitForText("#totals", "0 of 3 items completed - 0%");
    assertCount(3);
    addItem("dates");
    browser.waitForText("#totals", "0 of 4 items completed - 0%");
    assertCount(4);
    assertItem(0, "apples", false, "0 of 0", " DO THIS NEXT!");
    assertItem(1, "bananas", false, "0 of 1", "");
    assertItem(2, "carrots", false, "0 of 2", "");
    assertItem(3, "dates", false, "0 of 3", "");

    doneBox(2).click();
    browser.waitForText("#totals", "1 of 4 items completed - 25%");
    assertItem(0, "apples", false, "0 of 0", " DO THIS NEXT!");
    assertItem(1, "bananas", false, "0 of 1", "");
    assertItem(2, "carrots", true, "", "");
    assertItem(3, "dates", false, "1 of 3", "");

    doneBox(0).click();
    browser.waitForText("#totals", "2 of 4 items completed - 50%");
    assertItem(0, "apples", true, "", "");
    assertItem(1, "bananas", false, "1 of 1", " DO THIS NEXT!");
    assertItem(2, "carrots", true, "", "");
    assertItem(3, "dates", false, "2 of 3", "");

    browser.click("#clear-done");
    browser.waitForText("#totals", "0 of 2 items completed - 0%");
    assertCount(2);
    assertItem(0, "bananas", false, "0 of 0", " DO THIS NEXT!");
    assertItem(1, "dates", false, "0 of 1", "");

    doneBox(0).click();
    browser.waitForText("#totals", "1 of 2 items completed - 50%");
    assertItem(0, "bananas", true, "", "");
    assertItem(1, "dates", false, "1 of 1", " DO THIS NEXT!");

    doneBox(1).click();
    browser.waitForText("#totals", "2 of 2 items completed - 100%");
    assertItem(0, "bananas", true, "", "");
    assertItem(1, "dates", true, "", "");

    browser.click("#clear-done");
    // Dash: "a tricky one - trigger based on deleted components"
    browser.waitForText("#totals", "0 of 0 items completed");
    assertCount(0);
  }

  private static void addItem(String text) {
    browser.waitForElement("#new-item").sendKeys(text);
    browser.click("#add");
  }

  private static void assertCount(int items) {
    assertThat(browser.driver().findElements(By.cssSelector("#list-container>div"))).hasSize(items);
  }

  private static WebElement doneBox(int item) {
    return browser.waitForElement(css("#{\"action\":\"done\",\"item\":" + item + "} input"));
  }

  private static void assertItem(
      int item, String text, boolean done, String prefix, String suffix) {
    browser.waitForText(css("#{\"item\":" + item + "}"), text);
    String expectedNote = done ? "" : prefix + " preceding items are done" + suffix;
    browser.waitForText(css("#{\"item\":" + item + ",\"preceding\":true}"), expectedNote);
    assertThat(doneBox(item).isSelected()).as("item %d checked", item).isEqualTo(done);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // cbwc002 / cbwc005: the Fibonacci app

  /**
   * Dash's {@code fibonacci_app}; {@code count}/{@code sumCount} (server side only) count the two
   * callbacks.
   */
  static DashApp fibonacciApp(boolean clientside, AtomicInteger count, AtomicInteger sumCount) {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            input("n").type(Dcc.DccInput.Type.NUMBER).min(0).max(10).value(4),
            div().id("series"),
            div().id("sum")));

    app.callback(
        Output.of("series", Html.Div.CHILDREN),
        Input.of("n", Dcc.DccInput.VALUE),
        n ->
            IntStream.range(0, ((Number) n).intValue())
                .mapToObj(i -> div().id(Map.of("i", i)))
                .toList());

    if (clientside) {
      app.clientsideCallback(
          """
          function(vals) {
              var len = vals.length;
              return len < 2 ? len : +(vals[len - 1] || 0) + +(vals[len - 2] || 0);
          }""",
          Output.of(Map.of("i", MATCH), Html.Div.CHILDREN),
          Input.all(Map.of("i", ALLSMALLER), Html.Div.CHILDREN));
      app.clientsideCallback(
          """
          function(vals) {
              var sum = vals.reduce(function(a, b) { return +a + +b; }, 0);
              return vals.length + ' elements, sum: ' + sum;
          }""",
          Output.of("sum", Html.Div.CHILDREN),
          Input.all(Map.of("i", ALL), Html.Div.CHILDREN));
    } else {
      app.callback(
          Output.of(Map.of("i", MATCH), Html.Div.CHILDREN),
          Input.all(Map.of("i", ALLSMALLER), Html.Div.CHILDREN),
          prev -> {
            if (count != null) {
              count.incrementAndGet();
            }
            if (prev.size() < 2) {
              return prev.size();
            }
            return intOrZero(prev.get(prev.size() - 1)) + intOrZero(prev.get(prev.size() - 2));
          });
      app.callback(
          Output.of("sum", Html.Div.CHILDREN),
          Input.all(Map.of("i", ALL), Html.Div.CHILDREN),
          seq -> {
            if (sumCount != null) {
              sumCount.incrementAndGet();
            }
            return seq.size()
                + " elements, sum: "
                + seq.stream().mapToInt(WildcardsIT::intOrZero).sum();
          });
    }
    return app;
  }

  /**
   * test_cbwc002_fibonacci_app[False]: MATCH fed by ALLSMALLER of the same prop builds the series
   * server side.
   */
  @Test
  void cbwc002_fibonacciSeriesFromAllSmallerServerSide() {
    served(fibonacciApp(false, null, null), WildcardsIT::fibonacciScenario);
  }

  /** test_cbwc002_fibonacci_app[True]: the same series with clientside callbacks. */
  @Test
  void cbwc002_fibonacciSeriesFromAllSmallerClientside() {
    fibonacciScenario(fibonacciClientside.url());
  }

  private static void fibonacciScenario(String url) {
    browser.open(url);
    // app starts with 4 elements: 0, 1, 1, 2
    browser.waitForText("#sum", "4 elements, sum: 4");
    String[] up = {"5 elements, sum: 7", "6 elements, sum: 12", "7 elements, sum: 20"};
    for (String expected : up) {
      browser.waitForElement("#n").sendKeys(Keys.ARROW_UP);
      browser.waitForText("#sum", expected);
    }
    String[] down = {
      "6 elements, sum: 12",
      "5 elements, sum: 7",
      "4 elements, sum: 4",
      "3 elements, sum: 2",
      "2 elements, sum: 1",
      "1 elements, sum: 0",
      "0 elements, sum: 0"
    };
    for (String expected : down) {
      browser.waitForElement("#n").sendKeys(Keys.ARROW_DOWN);
      browser.waitForText("#sum", expected);
    }
  }

  /**
   * test_cbwc005_callbacks_count: the exact number of MATCH and ALL calls as the series grows and
   * shrinks.
   */
  @Test
  void cbwc005_matchAndAllCallbacksRunExactlyAsOftenAsInDash() {
    fibonacciCount.set(0);
    fibonacciSumCount.set(0);
    served(
        fibonacciApp(false, fibonacciCount, fibonacciSumCount),
        WildcardsIT::callbacksCountScenario);
  }

  private static void callbacksCountScenario(String url) {
    browser.open(url);
    waitForCounts(4, 2); // initial; the sum runs initially and once more, triggered
    int[][] steps = {{9, 3}, {15, 4}};
    for (int[] step : steps) {
      browser.waitForElement("#n").sendKeys(Keys.ARROW_UP);
      waitForCounts(step[0], step[1]);
    }
    int[][] downs = {{20, 5}, {24, 6}, {27, 7}, {29, 8}, {30, 9}, {30, 10}};
    for (int[] step : downs) {
      browser.waitForElement("#n").sendKeys(Keys.ARROW_DOWN);
      waitForCounts(step[0], step[1]);
    }
  }

  private static void waitForCounts(int count, int sumCount) {
    browser.waitUntil(
        "fibonacci_count == " + count + " (is " + fibonacciCount + ")",
        () -> fibonacciCount.get() == count);
    browser.waitUntil(
        "fibonacci_sum_count == " + sumCount + " (is " + fibonacciSumCount + ")",
        () -> fibonacciSumCount.get() == sumCount);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // cbwc003

  static DashApp sameKeysApp() {
    var app = Dash.create(config -> config.port(0).suppressCallbackExceptions(true).debug(true));
    app.layout(
        div(button("Add Filter").id("add-filter").nClicks(0), div().id("container").children()));
    app.callback(
        Output.of("container", Html.Div.CHILDREN),
        Input.of("add-filter", Html.Button.N_CLICKS),
        State.of("container", Html.Div.CHILDREN),
        (clicks, children) -> {
          var newElement =
              div(
                  dropdown(Map.of("type", "dropdown", "index", clicks))
                      .options(
                          List.of("NYC", "MTL", "LA", "TOKYO").stream()
                              .map(c -> Map.of("label", c, "value", c))
                              .toList()),
                  div().id(Map.of("type", "output", "index", clicks)));
          var all = new ArrayList<Object>((List<?>) children);
          all.add(newElement);
          return all;
        });
    app.callback(
        Output.of(Map.of("type", "output", "index", MATCH), Html.Div.CHILDREN),
        Input.of(Map.of("type", "dropdown", "index", MATCH), Dcc.Dropdown.VALUE),
        State.of(Map.of("type", "dropdown", "index", MATCH), "id"),
        (value, id) ->
            div(
                "Dropdown "
                    + ((Map<?, ?>) id).get("index")
                    + " = "
                    + (value == null ? "None" : value)));
    return app;
  }

  /**
   * test_cbwc003_same_keys: dropdown/output pairs added later, each pair's MATCH callback reads its
   * own id.
   */
  @Test
  void cbwc003_matchCallbacksOfDynamicallyAddedPairsStayApart() {
    browser.openApp(sameKeys);
    browser.waitForText("#add-filter", "Add Filter");
    browser.selectDropdownOption(css("#{\"index\":0,\"type\":\"dropdown\"}"), "LA");
    browser.waitForText(css("#{\"index\":0,\"type\":\"output\"}"), "Dropdown 0 = LA");
    browser.click("#add-filter");
    browser.selectDropdownOption(css("#{\"index\":1,\"type\":\"dropdown\"}"), "MTL");
    browser.waitForText(css("#{\"index\":1,\"type\":\"output\"}"), "Dropdown 1 = MTL");
    browser.waitForText(css("#{\"index\":0,\"type\":\"output\"}"), "Dropdown 0 = LA");
    assertThat(browser.devToolsErrorCount()).isZero();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // cbwc004

  static DashApp layoutChunkApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            input(Map.of("type", "input", "index", 1)).value("input-1"),
            div().id("container"),
            div().id("output-outer"),
            button("Show content").id("btn")));
    app.callback(
        Output.of("container", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n ->
            n != null && n != 0
                ? div(
                    input(Map.of("type", "input", "index", 2)).value("input-2"),
                    div().id("output-inner"))
                : "No content initially");
    app.callback(
        Output.of("output-inner", Html.Div.CHILDREN),
        Input.all(Map.of("type", "input", "index", ALL), Dcc.DccInput.VALUE),
        values -> triggerInfo());
    app.callback(
        Output.of("output-outer", Html.Div.CHILDREN),
        Input.all(Map.of("type", "input", "index", ALL), Dcc.DccInput.VALUE),
        values -> triggerInfo());
    return app;
  }

  /**
   * Dash's {@code trigger_info}. Python's {@code triggered} is falsy on an initial call, which
   * Dash's API shows as {@code triggered_id is None}; the prop ids come from the {@code triggered}
   * list itself.
   */
  private static String triggerInfo() {
    var context = CallbackContext.current();
    return "triggered is "
        + (context.triggeredId() != null ? "Truthy" : "Falsy")
        + " with prop_ids "
        + context.triggered().stream()
            .map(CallbackContext.Triggered::propId)
            .collect(Collectors.joining(", "));
  }

  /**
   * test_cbwc004_layout_chunk_changed_props: a component added by a callback counts as a changed
   * ALL input for a callback whose output was already there, and not for one whose output arrived
   * with it.
   */
  @Test
  void cbwc004_componentsAddedToTheLayoutCountAsChangedAllInputs() {
    browser.openApp(layoutChunk);
    browser.waitForText("#container", "No content initially");
    browser.waitForText("#output-outer", "triggered is Falsy with prop_ids .");

    browser.click("#btn");
    browser.waitForText(
        "#output-outer",
        "triggered is Truthy with prop_ids {\"index\":2,\"type\":\"input\"}.value");
    browser.waitForText("#output-inner", "triggered is Falsy with prop_ids .");

    browser.driver().findElements(By.cssSelector("input")).get(0).sendKeys("X");
    String triggerText = "triggered is Truthy with prop_ids {\"index\":1,\"type\":\"input\"}.value";
    browser.waitForText("#output-outer", triggerText);
    browser.waitForText("#output-inner", triggerText);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // cbwc007

  static DashApp subtreeOrderingApp() {
    var app = Dash.create(config -> config.port(0));
    var dropdowns = new ArrayList<Object>();
    for (int i = 0; i < 2; i++) {
      dropdowns.add(
          dropdown(Map.of("type", "demo-options", "index", i))
              .placeholder("dropdown-" + i)
              .style(Map.of("width", "200px")));
    }
    dropdowns.add(
        dropdown(Map.of("type", "demo-options", "index", 2))
            .options(List.of("option2-0", "option2-1", "option2-2"))
            .placeholder("dropdown-2")
            .style(Map.of("width", "200px")));
    app.layout(
        div(
                button("refresh options").id("refresh-options"),
                br(),
                div(dropdowns.toArray()).id("dropdown-container"),
                br(),
                pre().id("selected-values"))
            .style(Map.of("padding", "50px")));
    app.callback(
        Outputs.of(
            Output.of(Map.of("type", "demo-options", "index", 0), Dcc.Dropdown.OPTIONS),
            Output.of(Map.of("type", "demo-options", "index", 1), Dcc.Dropdown.OPTIONS)),
        Input.of("refresh-options", Html.Button.N_CLICKS),
        clicks ->
            Results.of(
                List.of("option0-0", "option0-1", "option0-2"),
                List.of("option1-0", "option1-1", "option1-2")),
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of("selected-values", Html.Pre.CHILDREN),
        Input.all(Map.of("type", "demo-options", "index", ALL), Dcc.Dropdown.VALUE),
        PythonFormat::str);
    return app;
  }

  /**
   * test_cbwc007_pmc_update_subtree_ordering (Dash issue #2368): after a multi-output callback
   * updates two pattern-id dropdowns, an ALL input still lists their values in page order.
   */
  @Test
  void cbwc007_allValuesKeepPageOrderAfterPatternIdOutputsUpdate() {
    browser.openApp(subtreeOrdering);
    browser.selectDropdownOption(".dash-dropdown-wrapper:nth-child(3) button", 2);
    browser.waitForText("#selected-values", "[None, None, 'option2-2']");

    browser.click("#refresh-options");

    browser.selectDropdownOption(".dash-dropdown-wrapper:nth-child(2) button", 2);
    browser.waitForText("#selected-values", "[None, 'option1-2', 'option2-2']");

    browser.selectDropdownOption(".dash-dropdown-wrapper:nth-child(1) button", 2);
    browser.waitForText("#selected-values", "['option0-2', 'option1-2', 'option2-2']");
  }

  // ---------------------------------------------------------------------------------------------------------------
  // cbwc008

  @SuppressWarnings({"unchecked", "rawtypes"})
  static DashApp runningMatchApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        List.of(
            div(
                    button("Test1").id(Map.of("component", "button", "index", "1")),
                    button("Test2").id(Map.of("component", "button", "index", "2")))
                .id("buttons"),
            div(div().id(Map.of("component", "output", "index", "1"))).id("output1"),
            div(div().id(Map.of("component", "output", "index", "2"))).id("output2")));
    app.callback(
        Output.of(Map.of("component", "output", "index", MATCH), Html.Div.CHILDREN),
        Input.of(Map.of("component", "button", "index", MATCH), Html.Button.N_CLICKS),
        clicks -> {
          runningLock.lock();
          try {
            return "done";
          } finally {
            runningLock.unlock();
          }
        },
        options ->
            options
                .preventInitialCall(true)
                .running(
                    Output.of(Map.of("component", "button", "index", MATCH), Html.Button.CHILDREN),
                    "running",
                    "finished")
                // Dash sets every matched button's `disabled` to the one value; dash4j types an ALL
                // output's value as
                // a list, so the scalar goes through a raw Output.
                .running(
                    (Output)
                        Output.all(
                            Map.of("component", "button", "index", ALL), Html.Button.DISABLED),
                    true,
                    false));
    return app;
  }

  /**
   * test_cbwc008_running_match: {@code running} flips a MATCH output on the clicked button only and
   * an ALL output (disabled) on every button, and flips both back when the callback ends.
   */
  @Test
  void cbwc008_runningFlipsMatchAndAllOutputsWhileTheCallbackRuns() {
    browser.openApp(runningMatch);
    for (int i = 1; i < 3; i++) {
      String button = "#buttons button:nth-child(" + i + ")";
      runningLock.lock();
      try {
        browser.click(button);
        browser.waitForText(button, "running");
        // every button is disabled while it runs
        assertThat(disabled("#buttons button:nth-child(1)")).isTrue();
        assertThat(disabled("#buttons button:nth-child(2)")).isTrue();
      } finally {
        runningLock.unlock();
      }
      browser.waitForText("#output" + i, "done");
      browser.waitForText(button, "finished");
      assertThat(disabled("#buttons button:nth-child(1)")).isFalse();
      assertThat(disabled("#buttons button:nth-child(2)")).isFalse();
    }
  }

  private static boolean disabled(String css) {
    return "true".equals(browser.waitForElement(css).getDomProperty("disabled"));
  }

  // ---------------------------------------------------------------------------------------------------------------
  // cbwc009 / cbwc010

  static DashApp matchFixedOutputApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            button("Alpha").id(Map.of("type", "btn", "index", "alpha")),
            button("Beta").id(Map.of("type", "btn", "index", "beta")),
            div("initial").id("out")));
    app.callback(
        Output.of("out", Html.Div.CHILDREN),
        Input.of(Map.of("type", "btn", "index", MATCH), Html.Button.N_CLICKS),
        State.of(Map.of("type", "btn", "index", MATCH), "id"),
        (clicks, id) -> "clicked " + ((Map<?, ?>) id).get("index"),
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * test_cbwc009_match_input_fixed_output (Dash issue #2462): a MATCH Input and State with a
   * fixed-id Output.
   */
  @Test
  void cbwc009_matchInputWithAFixedOutputReadsTheClickedId() {
    browser.openApp(matchFixedOutput);
    browser.waitForText("#out", "initial");
    browser.click(css("[id={\"index\":\"alpha\",\"type\":\"btn\"}]"));
    browser.waitForText("#out", "clicked alpha");
    browser.click(css("[id={\"index\":\"beta\",\"type\":\"btn\"}]"));
    browser.waitForText("#out", "clicked beta");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  static DashApp matchNoOutputApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            button("One").id(Map.of("type", "btn", "index", 1)),
            button("Two").id(Map.of("type", "btn", "index", 2)),
            div("initial").id("out")));
    app.callbackWithoutOutput(
        Input.of(Map.of("type", "btn", "index", MATCH), Html.Button.N_CLICKS),
        State.of(Map.of("type", "btn", "index", MATCH), "id"),
        (clicks, id) ->
            CallbackContext.current()
                .setProps(
                    "out", Map.of("children", "clicked index=" + ((Map<?, ?>) id).get("index"))),
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * test_cbwc010_match_input_no_output (Dash issue #2462): a MATCH Input on a callback without
   * outputs.
   */
  @Test
  void cbwc010_matchInputWithoutOutputsSetsPropsForTheClickedId() {
    browser.openApp(matchNoOutput);
    browser.waitForText("#out", "initial");
    browser.click(css("[id={\"index\":1,\"type\":\"btn\"}]"));
    browser.waitForText("#out", "clicked index=1");
    browser.click(css("[id={\"index\":2,\"type\":\"btn\"}]"));
    browser.waitForText("#out", "clicked index=2");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // cbwc011 - cbwc014: initial calls after a Patch

  /**
   * The index, or other key, of the one output's id: Dash's {@code
   * ctx.outputs_grouping["id"][key]}.
   */
  private static Object outputIdKey(String key) {
    return ((Map<?, ?>) ((Map<?, ?>) CallbackContext.current().outputsList().get(0)).get("id"))
        .get(key);
  }

  private static Component patchItem(int index) {
    return div(
        input(Map.of("type", "item-input", "index", index))
            .value(index)
            .type(Dcc.DccInput.Type.NUMBER)
            .className("item-input"),
        div("init").id(Map.of("type", "item-output", "index", index)).className("item-output"));
  }

  static DashApp patchAppendApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            button("Add").id("add-btn").nClicks(0),
            div(patchItem(0), patchItem(1)).id("container")));
    app.callback(
        Output.of("container", Html.Div.CHILDREN),
        Input.of("add-btn", Html.Button.N_CLICKS),
        n -> Patch.create().append(patchItem(n + 1)),
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of(Map.of("type", "item-output", "index", MATCH), Html.Div.CHILDREN),
        Input.of(Map.of("type", "item-input", "index", MATCH), Dcc.DccInput.VALUE),
        value -> {
          Object index = outputIdKey("index");
          int count = patchFires.merge(index, 1, Integer::sum);
          return "fired-" + index + "-#" + count;
        });
    return app;
  }

  /**
   * test_cbwc011_patch_no_spurious_match_callbacks: appending by Patch fires the MATCH callback of
   * the new item only.
   */
  @Test
  @Disabled(
      "renderer, not dash4j: the pinned dash-renderer 3.4.1 gives every callback output inside a Patch-updated"
          + " prop an initial call (executedCallbacks handlePaths -> getLayoutCallbacks over the whole new value), so"
          + " existing ones fire again with changedPropIds []; the Dash fix this test guards is in a later renderer")
  void cbwc011_patchAppendFiresOnlyTheNewItemsMatchCallback() {
    patchFires.clear();
    browser.openApp(patchAppend);
    browser.waitUntil(
        "both initial MATCH calls", () -> patchFires.containsKey(0) && patchFires.containsKey(1));
    int before0 = patchFires.get(0);
    int before1 = patchFires.get(1);

    browser.click("#add-btn");
    browser.waitUntil("the new item's MATCH call", () -> patchFires.containsKey(2));
    browser.waitForNoPendingCallbacks();
    assertThat(patchFires.get(0)).as("item 0 fired again after the Patch").isEqualTo(before0);
    assertThat(patchFires.get(1)).as("item 1 fired again after the Patch").isEqualTo(before1);
    assertThat(patchFires.get(2)).as("item 2 fires once").isEqualTo(1);
  }

  static DashApp patchSlidersApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            button("Add Slider").id("add-btn").nClicks(0),
            div().id("slider-container").children()));
    app.callback(
        Output.of("slider-container", Html.Div.CHILDREN),
        Input.of("add-btn", Html.Button.N_CLICKS),
        n ->
            Patch.create()
                .append(
                    slider(Map.of("type", "slider", "aio_id", String.valueOf(n)))
                        .step(0.1)
                        .persistence(String.valueOf(n))
                        .persistenceType(Dcc.Slider.PersistenceType.LOCAL)),
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of(Map.of("type", "slider", "aio_id", MATCH), "value"),
        Input.of(Map.of("type", "slider", "aio_id", MATCH), Dcc.Slider.VALUE),
        value -> {
          sliderFires.merge(outputIdKey("aio_id"), 1, Integer::sum);
          return NoUpdate.NO_UPDATE;
        });
    return app;
  }

  /**
   * test_cbwc012_patch_no_spurious_match_callbacks_undefined_output_prop: sliders without a value,
   * appended by Patch one at a time, each fire their MATCH callback once and never again.
   */
  @Test
  @Disabled(
      "renderer, not dash4j: the pinned dash-renderer 3.4.1 gives every callback output inside a Patch-updated"
          + " prop an initial call (executedCallbacks handlePaths -> getLayoutCallbacks over the whole new value), so"
          + " existing ones fire again with changedPropIds []; the Dash fix this test guards is in a later renderer")
  void cbwc012_patchAppendDoesNotRefireMatchCallbacksOfSlidersWithoutValue() {
    sliderFires.clear();
    browser.openApp(patchSliders);
    for (int added = 1; added <= 3; added++) {
      String id = String.valueOf(added);
      browser.click("#add-btn");
      browser.waitUntil("slider " + id + " fires", () -> sliderFires.containsKey(id));
      browser.waitForNoPendingCallbacks();
      for (int earlier = 1; earlier <= added; earlier++) {
        assertThat(sliderFires.get(String.valueOf(earlier)))
            .as("fires of slider %d after adding slider %d", earlier, added)
            .isEqualTo(1);
      }
    }
  }

  private static final int SLIDERS = 5;

  static DashApp patchRebuildApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            button("Rebuild").id("rebuild-btn").nClicks(0),
            div(IntStream.range(0, SLIDERS).mapToObj(WildcardsIT::sliderRow).toArray())
                .id("container")));
    app.callback(
        Output.of("container", Html.Div.CHILDREN),
        Input.of("rebuild-btn", Html.Button.N_CLICKS),
        n -> {
          var patch = Patch.create().at().clear();
          for (int i = 0; i < SLIDERS; i++) {
            patch.append(sliderRow(i));
          }
          return patch;
        },
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of(Map.of("type", "slider", "idx", MATCH), "value"),
        Input.of(Map.of("type", "slider", "idx", MATCH), Dcc.Slider.MIN),
        min -> {
          rebuildFires.merge(outputIdKey("idx"), 1, Integer::sum);
          return NoUpdate.NO_UPDATE;
        });
    return app;
  }

  private static Component sliderRow(int i) {
    return div(List.of(slider(Map.of("type", "slider", "idx", i)).min(0).max(10).step(0.1)));
  }

  /**
   * test_cbwc013_patch_rebuild_match_initial_call_undefined_output_prop: a Patch that clears and
   * refills a list with the same ids mounts new components, so each MATCH callback fires once more.
   */
  @Test
  void cbwc013_patchRebuildGivesEveryNewSliderItsInitialCall() {
    rebuildFires.clear();
    browser.openApp(patchRebuild);
    for (int i = 0; i < SLIDERS; i++) {
      int idx = i;
      browser.waitUntil("slider " + i + " initial call", () -> rebuildFires.containsKey(idx));
    }
    browser.waitForNoPendingCallbacks();
    var initial = Map.copyOf(rebuildFires);
    for (int i = 0; i < SLIDERS; i++) {
      assertThat(initial.get(i)).as("fires of slider %d on mount", i).isEqualTo(1);
    }

    browser.click("#rebuild-btn");
    // Dash sleeps 3 s; here: wait until every slot fired again, let the renderer settle, then check
    // exact counts
    browser.waitUntil(
        "every slider fires again",
        () ->
            IntStream.range(0, SLIDERS)
                .allMatch(i -> rebuildFires.getOrDefault(i, 0) >= initial.get(i) + 1));
    browser.waitForNoPendingCallbacks();
    for (int i = 0; i < SLIDERS; i++) {
      assertThat(rebuildFires.get(i))
          .as("fires of slot %d after the rebuild", i)
          .isEqualTo(initial.get(i) + 1);
    }
    assertThat(browser.consoleErrors()).isEmpty();
  }

  static DashApp patchNestedApp() {
    var app = Dash.create(config -> config.port(0).suppressCallbackExceptions(true));
    app.layout(
        div(
            button("Patch").id("patch-btn").nClicks(0),
            div("static").id("static"),
            div(
                    div(List.of(input("deep-input").value("initial"))).id("patched-group"),
                    div().id("untouched-group"))
                .id("container"),
            div("0").id("done")));
    app.callback(
        Outputs.of(Output.of("container", Html.Div.CHILDREN), Output.of("done", Html.Div.CHILDREN)),
        Input.of("patch-btn", Html.Button.N_CLICKS),
        n -> {
          var patch =
              Patch.create()
                  .at(0, "props", "children", 0, "props", "value")
                  .assign("patched-" + n)
                  .append(div().id("new-group"));
          return Results.of(patch, String.valueOf(n));
        },
        options -> options.preventInitialCall(true));
    for (String group : List.of("patched-group", "untouched-group", "new-group")) {
      app.callback(
          Output.of(group, Html.Div.CLASS_NAME),
          Input.of("static", Html.Div.CHILDREN),
          staticText -> {
            nestedFires.merge(group, 1, Integer::sum);
            return "fired-" + group;
          });
    }
    return app;
  }

  /**
   * test_cbwc014_patch_nested_change_does_not_refire_container_callbacks: a Patch deep inside a
   * container does not rerun the initial callbacks of the containers around it, while a component
   * it appends gets its initial call.
   */
  @Test
  @Disabled(
      "renderer, not dash4j: the pinned dash-renderer 3.4.1 gives every callback output inside a Patch-updated"
          + " prop an initial call (executedCallbacks handlePaths -> getLayoutCallbacks over the whole new value), so"
          + " existing ones fire again with changedPropIds []; the Dash fix this test guards is in a later renderer")
  void cbwc014_patchDeepInsideAContainerDoesNotRefireItsInitialCallbacks() {
    nestedFires.clear();
    browser.openApp(patchNested);
    browser.waitUntil(
        "both containers' initial calls",
        () ->
            nestedFires.containsKey("patched-group") && nestedFires.containsKey("untouched-group"));
    assertThat(nestedFires.getOrDefault("new-group", 0)).isZero();

    browser.click("#patch-btn");
    browser.waitForText("#done", "1");
    browser.waitUntil("the new group's initial call", () -> nestedFires.containsKey("new-group"));
    browser.waitUntil(
        "deep-input patched",
        () -> "patched-1".equals(browser.waitForElement("#deep-input").getDomProperty("value")));
    assertThat(nestedFires.get("patched-group"))
        .as("container rebuilt on the way to the patched value")
        .isEqualTo(1);
    assertThat(nestedFires.get("untouched-group")).as("untouched sibling container").isEqualTo(1);
    assertThat(nestedFires.get("new-group")).as("appended component").isEqualTo(1);
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
