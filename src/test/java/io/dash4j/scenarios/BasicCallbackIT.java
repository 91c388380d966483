package io.dash4j.scenarios;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.testing.PythonFormat.jsonDumps;
import static io.dash4j.testing.PythonFormat.repr;
import static io.dash4j.testing.PythonFormat.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Argument;
import io.dash4j.callback.Input;
import io.dash4j.callback.NoUpdate;
import io.dash4j.callback.Output;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.callback.State;
import io.dash4j.components.DashTable;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Dash's {@code tests/integration/callbacks/test_basic_callback.py}, cbsc001–cbsc012, against
 * dash4j in headless Chromium: the same apps and the same assertions (page texts, server call
 * counts, clean console). cbsc013 onwards are in {@link BasicCallback2IT}. One server per Dash app,
 * all started once for the class.
 */
class BasicCallbackIT {
  @RegisterExtension static final Browser browser = Browser.perClass();

  @RegisterExtension static final ServedApp simple = ServedApp.of(BasicCallbackIT::simpleApp);

  @RegisterExtension
  static final ServedApp generating = ServedApp.of(BasicCallbackIT::generatingChildrenApp);

  @RegisterExtension
  static final ServedApp unloadedTable = ServedApp.of(BasicCallbackIT::unloadedTableApp);

  @RegisterExtension
  static final ServedApp tableState = ServedApp.of(BasicCallbackIT::tableStateApp);

  @RegisterExtension
  static final ServedApp childrenTypes = ServedApp.of(BasicCallbackIT::childrenTypesApp);

  @RegisterExtension
  static final ServedApp arrayOfObjects = ServedApp.of(BasicCallbackIT::arrayOfObjectsApp);

  @RegisterExtension
  static final ServedApp parallel = ServedApp.of(() -> parallelUpdatesApp(false));

  @RegisterExtension
  static final ServedApp parallelRefresh = ServedApp.of(() -> parallelUpdatesApp(true));

  @RegisterExtension
  static final ServedApp wildcardProps = ServedApp.of(BasicCallbackIT::wildcardPropsApp);

  @RegisterExtension
  static final ServedApp eventProps = ServedApp.of(BasicCallbackIT::eventPropertiesApp);

  @RegisterExtension static final ServedApp tenInputs = ServedApp.of(BasicCallbackIT::tenInputsApp);

  @RegisterExtension
  static final ServedApp tenNewInputs = ServedApp.of(BasicCallbackIT::tenGeneratedInputsApp);

  /**
   * Loads an app and waits until it has rendered and its initial callbacks settled
   * (dash_duo.start_server).
   */
  static void load(ServedApp app) {
    browser.consoleErrors(); // what earlier tests left in the log is theirs
    browser.openApp(app);
  }

  /**
   * Clears the input, then types {@code text} one key at a time, each once the previous change
   * reached the server (Dash's test holds a lock around each {@code send_keys}). Typed without
   * waiting, the renderer now and then merges two keystrokes into one request before sending it: in
   * 1 of 15 runs it sent no request for "h", only for "he", and the server was called exactly as
   * often as requests were sent. Waiting for "at least one more call" cannot hide an extra call:
   * the exact count is asserted at the end.
   */
  static void typeKeyByKey(String css, String text, AtomicInteger calls) {
    int before = calls.get();
    browser.clearInput(css);
    browser.waitUntil("the callback to run for clearing " + css, () -> calls.get() > before);
    var input = browser.waitForElement(css);
    for (char key : text.toCharArray()) {
      int sent = calls.get();
      input.sendKeys(String.valueOf(key));
      browser.waitUntil("the callback to run for key '" + key + "'", () -> calls.get() > sent);
    }
  }

  /** dash.testing's {@code redux_state_is_loading}. */
  static boolean reduxIsLoading() {
    return Boolean.TRUE.equals(browser.javascript("return window.store.getState().isLoading;"));
  }

  // cbsc001
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger simpleCalls = new AtomicInteger();

  private static DashApp simpleApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            Dcc.input("input").value("initial value"),
            div(div(1.5, null, "string", div().id("output-1")))));
    app.callback(
        Output.of("output-1", Html.CHILDREN),
        Input.of("input", Dcc.DccInput.VALUE),
        value -> {
          simpleCalls.incrementAndGet();
          return value;
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc001_simple_callback}: one call at load, one for clearing, one per
   * keystroke.
   */
  @Test
  void cbsc001_simpleCallbackIsCalledOncePerChange() {
    load(simple);
    browser.waitForText("#output-1", "initial value");

    typeKeyByKey("#input", "hello world", simpleCalls);
    browser.waitForText("#output-1", "hello world");
    browser.waitForNoPendingCallbacks();

    assertThat(simpleCalls.get())
        .as("initial count + each key stroke")
        .isEqualTo(2 + "hello world".length());
    assertThat(reduxIsLoading()).isFalse();
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // cbsc002
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger subOutputCalls = new AtomicInteger();

  private static DashApp generatingChildrenApp() {
    var app = Dash.create(config -> config.port(0).suppressCallbackExceptions(true));
    app.layout(div(Dcc.input("input").value("initial value"), div().id("output")));
    app.callback(
        Output.of("output", Html.CHILDREN),
        Input.of("input", Dcc.DccInput.VALUE),
        value ->
            div(
                Dcc.input("sub-input-1").value("sub input initial value"),
                div().id("sub-output-1")));
    app.callback(
        Output.of("sub-output-1", Html.CHILDREN),
        Input.of("sub-input-1", Dcc.DccInput.VALUE),
        value -> {
          subOutputCalls.incrementAndGet();
          return value;
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc002_callbacks_generating_children}: a callback's new components get
   * callbacks and paths.
   */
  @Test
  @SuppressWarnings("unchecked")
  void cbsc002_componentsCreatedByACallbackHaveCallbacksAndPaths() {
    load(generating);
    browser.waitForText("#sub-output-1", "sub input initial value");
    assertThat(subOutputCalls.get()).as("called once at initial stage").isEqualTo(1);

    // dash_innerhtml_dom.select_one("#output > div").contents: exactly the new input and div. dcc 4
    // wraps its
    // <input> in a div.dash-input-container, so the input is the first child's own <input> (or the
    // child itself).
    var contents =
        (List<Map<String, Object>>)
            browser.javascript(
                """
        return Array.from(document.querySelector('#output > div').childNodes).map(function (n) {
          var el = n.nodeName === 'INPUT' ? n : (n.querySelector && n.querySelector(':scope > input')) || n;
          return {tag: el.nodeName, id: el.id || null, text: el.textContent,
                  value: el.getAttribute ? el.getAttribute('value') : null};
        });""");
    assertThat(contents).hasSize(2);
    var padInput = contents.get(0);
    var padDiv = contents.get(1);
    assertThat(padInput)
        .containsEntry("tag", "INPUT")
        .containsEntry("id", "sub-input-1")
        .containsEntry("value", "sub input initial value");
    assertThat(padDiv)
        .as("the sub-output-1 content reflects to sub-input-1 value")
        .containsEntry("text", padInput.get("value"))
        .containsEntry("id", "sub-output-1");

    var paths =
        (Map<String, Object>)
            browser.javascript(
                "var p = window.store.getState().paths; return {strs: p.strs, objs: p.objs};");
    assertThat((Map<String, Object>) paths.get("objs")).isEmpty();
    // dash-renderer 3.x keeps the layout under "components", so every path starts there
    assertThat((Map<String, Object>) paths.get("strs"))
        .as("the paths should include these new output IDs")
        .isEqualTo(
            Map.of(
                "input",
                List.of("components", "props", "children", 0L),
                "output",
                List.of("components", "props", "children", 1L),
                "sub-input-1",
                List.of(
                    "components",
                    "props",
                    "children",
                    1L,
                    "props",
                    "children",
                    "props",
                    "children",
                    0L),
                "sub-output-1",
                List.of(
                    "components",
                    "props",
                    "children",
                    1L,
                    "props",
                    "children",
                    "props",
                    "children",
                    1L)));

    browser.waitForElement("#sub-input-1").sendKeys("deadbeef");
    browser.waitForText("#sub-output-1", padInput.get("value") + "deadbeef");
    browser.waitForNoPendingCallbacks();
    assertThat(reduxIsLoading()).as("loadingMap is empty").isFalse();
    assertThat(browser.consoleErrors()).as("console is clean").isEmpty();
  }

  // cbsc003
  // -----------------------------------------------------------------------------------------------------------

  private static DashApp unloadedTableApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            Dcc.tabs(
                Dcc.tab(button("Update Input").id("btn"), div(List.of("Hello")).id("output")),
                Dcc.tab(DashTable.dataTable("other-table")))));
    app.callback(
        Output.of("output", Html.CHILDREN),
        Input.of("btn", Html.N_CLICKS),
        clicks -> {
          if (clicks == null) {
            throw new PreventUpdate();
          }
          return "Bye";
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc003_callback_with_unloaded_async_component}: a DataTable in a hidden tab
   * blocks nothing.
   */
  @Test
  void cbsc003_callbackWorksBesideAnUnloadedAsyncComponent() {
    load(unloadedTable);
    browser.waitForText("#output", "Hello");
    browser.click("#btn");
    browser.waitForText("#output", "Bye");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // cbsc004
  // -----------------------------------------------------------------------------------------------------------

  private static DashApp tableStateApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            Dcc.tabs(
                Dcc.tab("boo!"),
                Dcc.tab(
                    DashTable.dataTable("table")
                        .columns(List.of(Map.of("id", "a", "name", "A")))
                        .data(List.of(Map.of("a", "b"))))),
            button("Update Input").id("btn"),
            div("Hello").id("output"),
            div().id("output2")));
    app.callback(
        Output.of("output", Html.CHILDREN),
        Input.of("btn", Html.N_CLICKS),
        State.of("table", DashTable.DataTable.DATA),
        (clicks, data) -> jsonDumps(data) + " - " + str(clicks));
    app.callback(
        Output.of("output2", Html.CHILDREN),
        Input.of("btn", Html.N_CLICKS),
        State.of("table", "derived_viewport_data"),
        (clicks, data) -> jsonDumps(data) + " - " + str(clicks));
    return app;
  }

  /**
   * Dash {@code test_cbsc004_callback_using_unloaded_async_component}: State from a DataTable's
   * {@code data} before its tab was shown, and its derived props once it rendered.
   */
  @Test
  void cbsc004_stateOfAnUnloadedAsyncComponent() {
    load(tableState);
    browser.waitForText("#output", "[{\"a\": \"b\"}] - None");
    browser.waitForText("#output2", "null - None");

    browser.click("#btn");
    browser.waitForText("#output", "[{\"a\": \"b\"}] - 1");
    browser.waitForText("#output2", "null - 1");

    browser.click(".tab:not(.tab--selected)");
    browser.waitForText("#table th", "A");
    // table props are in state so no change yet
    browser.waitForText("#output2", "null - 1");

    for (int i = 2; i < 10; i++) {
      String expected = "[{\"a\": \"b\"}] - " + i;
      browser.click("#btn");
      browser.waitForText("#output", expected);
      // now derived props are available
      browser.waitForText("#output2", expected);
    }
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // cbsc005
  // -----------------------------------------------------------------------------------------------------------

  private static final List<Object[]> CHILDREN_TYPES =
      List.of(
          new Object[] {null, ""},
          new Object[] {"a string", "a string"},
          new Object[] {123, "123"},
          new Object[] {123.45, "123.45"},
          new Object[] {List.of(6, 7, 8), "678"},
          new Object[] {List.of("a", "list", "of", "strings"), "alistofstrings"},
          new Object[] {List.of("strings", 2, "numbers"), "strings2numbers"},
          new Object[] {List.of("a string", div("and a div")), "a string\nand a div"});

  private static DashApp childrenTypesApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(button().id("btn"), div("init").id("out")));
    app.callback(
        Output.of("out", Html.CHILDREN),
        Input.of("btn", Html.N_CLICKS),
        n -> {
          if (n == null || n > CHILDREN_TYPES.size()) {
            return NoUpdate.NO_UPDATE;
          }
          return CHILDREN_TYPES.get(n - 1)[0];
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc005_children_types} (run there once per Python JSON engine; dash4j has
   * one): null, strings, numbers, lists and a list with a component render as the expected text.
   */
  @Test
  void cbsc005_everyKindOfChildrenRendersAsText() {
    load(childrenTypes);
    browser.waitForText("#out", "init");
    for (Object[] childrenAndText : CHILDREN_TYPES) {
      browser.click("#btn");
      browser.waitForText("#out", (String) childrenAndText[1]);
    }
  }

  // cbsc006
  // -----------------------------------------------------------------------------------------------------------

  private static DashApp arrayOfObjectsApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(button().id("btn"), Dcc.dropdown("dd"), div().id("out")));
    app.callback(
        Output.of("dd", Dcc.Dropdown.OPTIONS),
        Input.of("btn", Html.N_CLICKS),
        n ->
            IntStream.range(0, n == null ? 0 : n)
                .mapToObj(i -> Map.of("label", "opt" + i, "value", i))
                .toList());
    app.callback(
        Output.of("out", Html.CHILDREN),
        Input.of("dd", Dcc.Dropdown.OPTIONS),
        options -> ((List<?>) options).size());
    return app;
  }

  /**
   * Dash {@code test_cbsc006_array_of_objects}: a callback sets a Dropdown's options; another
   * counts them.
   */
  @Test
  void cbsc006_aListOfObjectsAsDropdownOptions() {
    load(arrayOfObjects);
    browser.waitForText("#out", "0");
    for (int i = 0; i < 5; i++) {
      browser.click("#btn");
      browser.waitForText("#out", String.valueOf(i + 1));
      selectDropdownOption("#dd", "opt" + i);
    }
  }

  /**
   * dash.testing's {@code select_dcc_dropdown} for dcc 4's dropdown: open it, click the option with
   * that label.
   */
  private static void selectDropdownOption(String css, String label) {
    browser.click(css);
    String option = "//*[@role='option' and normalize-space()='" + label + "']";
    browser.waitUntil(
        "option " + label + " to show",
        () -> !browser.driver().findElements(By.xpath(option)).isEmpty());
    browser.driver().findElement(By.xpath(option)).click();
    browser.waitForText(css + " .dash-dropdown-value", label);
  }

  // cbsc007
  // -----------------------------------------------------------------------------------------------------------

  private static DashApp parallelUpdatesApp(boolean refresh) {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            Dcc.location("loc").refresh(refresh),
            button("Update path").id("btn"),
            DashTable.dataTable("t").columns(List.of(Map.of("name", "a", "id", "a"))),
            div().id("out")));
    app.callback(
        Output.of("t", DashTable.DataTable.DATA),
        Input.of("loc", Dcc.Location.PATHNAME),
        path -> List.of(Map.of("a", pyOr(path) + ":a")));
    app.callback(
        Output.of("out", Html.CHILDREN),
        Input.of("loc", Dcc.Location.PATHNAME),
        Input.of("t", DashTable.DataTable.DATA),
        (path, data) -> jsonDumps(data) + " - " + pyOr(path));
    app.callback(
        Output.of("loc", Dcc.Location.PATHNAME),
        Input.of("btn", Html.N_CLICKS),
        n -> {
          if (n == null || n == 0) {
            throw new PreventUpdate();
          }
          return "/" + n;
        });
    return app;
  }

  /** Python's {@code path or repr(path)}. */
  private static String pyOr(String path) {
    return path == null || path.isEmpty() ? repr(path) : path;
  }

  /**
   * Dash {@code test_cbsc007_parallel_updates[False]}: Location's pathname, set by the browser
   * while the initial callbacks wait for the async table, and then by a callback, reaches every
   * dependent callback.
   */
  @Test
  void cbsc007_parallelUpdatesWithoutRefresh() {
    load(parallel);
    browser.waitForText("#out", "[{\"a\": \"/:a\"}] - /");
    browser.click("#btn");
    browser.waitForText("#out", "[{\"a\": \"/1:a\"}] - /1");
    browser.click("#btn");
    browser.waitForText("#out", "[{\"a\": \"/2:a\"}] - /2");
  }

  /**
   * Dash {@code test_cbsc007_parallel_updates[True]}: with {@code refresh=True} the page reloads at
   * the new path, and the callbacks see that path, not the prevented default of the layout.
   */
  @Test
  void cbsc007_parallelUpdatesWithRefresh() {
    load(parallelRefresh);
    browser.waitForText("#out", "[{\"a\": \"/:a\"}] - /");
    browser.click("#btn");
    browser.waitForText("#out", "[{\"a\": \"/1:a\"}] - /1");
  }

  // cbsc008
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger dataCbCalls = new AtomicInteger();

  private static DashApp wildcardPropsApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            Dcc.input("input").value("initial value"),
            div(
                div(
                    1.5,
                    null,
                    "string",
                    div()
                        .id("output-1")
                        .prop("data-cb", "initial value")
                        .prop("aria-cb", "initial value")))));
    app.callback(
        Output.of("output-1", "data-cb"),
        Input.of("input", Dcc.DccInput.VALUE),
        value -> {
          dataCbCalls.incrementAndGet();
          return value;
        });
    app.callback(
        Output.of("output-1", Html.CHILDREN), Input.of("output-1", "data-cb"), data -> data);
    return app;
  }

  /**
   * Dash {@code test_cbsc008_wildcard_prop_callbacks}: {@code data-*} props as Output and Input.
   */
  @Test
  void cbsc008_dataAndAriaPropsAsOutputAndInput() {
    load(wildcardProps);
    browser.waitForText("#output-1", "initial value");
    assertThat(dataCb()).isEqualTo("initial value");

    typeKeyByKey("#input", "hello world", dataCbCalls);
    browser.waitForText("#output-1", "hello world");
    assertThat(dataCb()).isEqualTo("hello world");
    browser.waitForNoPendingCallbacks();

    // an initial call, one for clearing the input and one for each hello world character
    assertThat(dataCbCalls.get()).isEqualTo(2 + "hello world".length());
    assertThat(browser.consoleErrors()).isEmpty();
  }

  private static String dataCb() {
    return browser.waitForElement("#output-1").getDomAttribute("data-cb");
  }

  // cbsc009: NOT APPLICABLE, its components come from Dash's own test package (see
  // BasicCallback2IT's notes).

  // cbsc010
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger eventCalls = new AtomicInteger();

  private static DashApp eventPropertiesApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(button("Click Me").id("button"), div().id("output")));
    app.callback(
        Output.of("output", Html.CHILDREN),
        Input.of("button", Html.N_CLICKS),
        clicks -> {
          if (clicks == null || clicks == 0) {
            throw new PreventUpdate();
          }
          eventCalls.incrementAndGet();
          return "Click";
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc010_event_properties}: n_clicks triggers; PreventUpdate on the initial
   * call.
   */
  @Test
  void cbsc010_clickEventTriggersTheCallback() {
    load(eventProps);
    browser.waitForText("#output", "");
    assertThat(eventCalls.get()).isZero();
    browser.click("#button");
    browser.waitForText("#output", "Click");
    assertThat(eventCalls.get()).isEqualTo(1);
  }

  // cbsc011
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger tenInputsCalls = new AtomicInteger();

  private static List<Object> tenInputs() {
    return IntStream.range(0, 10)
        .<Object>mapToObj(i -> Dcc.input("input-" + i).value("Input " + i))
        .toList();
  }

  private static List<Argument<?>> tenInputDependencies() {
    var inputs = new ArrayList<Argument<?>>();
    for (int i = 0; i < 10; i++) {
      inputs.add(Input.of("input-" + i, Dcc.DccInput.VALUE));
    }
    return inputs;
  }

  private static String expectedTenInputs() {
    return jsonDumps(IntStream.range(0, 10).mapToObj(i -> "Input " + i).toList());
  }

  private static DashApp tenInputsApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(div(tenInputs()), div().id("container"), Dcc.radioItems()));
    app.callback(
        Output.of("container", Html.CHILDREN),
        tenInputDependencies(),
        values -> {
          tenInputsCalls.incrementAndGet();
          return jsonDumps(values);
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc011_one_call_for_multiple_outputs_initial}: ten inputs, one initial call.
   */
  @Test
  void cbsc011_tenInputsMakeOneInitialCall() {
    load(tenInputs);
    browser.waitForText("#input-9", "Input 9");
    browser.waitForTextContains("#container", "Input 9");
    assertThat(tenInputsCalls.get()).isEqualTo(1);
    browser.waitForText("#container", expectedTenInputs());
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // cbsc012
  // -----------------------------------------------------------------------------------------------------------

  private static final AtomicInteger newInputsCalls = new AtomicInteger();

  private static DashApp tenGeneratedInputsApp() {
    var app = Dash.create(config -> config.port(0).suppressCallbackExceptions(true));
    app.layout(
        div(
            button("Display Content").id("display-content"),
            div().id("container"),
            Dcc.radioItems()));
    app.callback(
        Output.of("container", Html.CHILDREN),
        Input.of("display-content", Html.N_CLICKS),
        clicks -> {
          if (clicks == null || clicks == 0) {
            return "";
          }
          return div(div(tenInputs()), div().id("dynamic-output"));
        });
    app.callback(
        Output.of("dynamic-output", Html.CHILDREN),
        tenInputDependencies(),
        values -> {
          newInputsCalls.incrementAndGet();
          return jsonDumps(values);
        });
    return app;
  }

  /**
   * Dash {@code test_cbsc012_one_call_for_multiple_outputs_update}: ten inputs created by a
   * callback, one call.
   */
  @Test
  void cbsc012_tenInputsCreatedByACallbackMakeOneCall() {
    load(tenNewInputs);
    browser.click("#display-content");
    browser.waitForText("#input-9", "Input 9");
    browser.waitForText("#dynamic-output", expectedTenInputs());
    browser.waitForNoPendingCallbacks();
    assertThat(newInputsCalls.get()).isEqualTo(1);
    assertThat(browser.consoleErrors()).isEmpty();
  }
}
