package io.dash4j.scenarios;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Dcc.store;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.layout.Wildcard.ALL;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Argument;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Patch;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.runtime.launch.DashServer;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

/**
 * Dash's {@code tests/integration/test_patch.py}: {@code Patch} partial updates (every operation,
 * on a dcc.Store's data, on pattern-matched outputs and on children), and {@code allow_duplicate}
 * outputs, whose keys must survive a server restart. Each Dash test has its own app, served once
 * for the class.
 */
class PatchIT {
  @RegisterExtension static final ServedApp operations = ServedApp.of(PatchIT::operationsApp);

  @RegisterExtension
  static final ServedApp sideUpdateOperations = ServedApp.of(PatchIT::sideUpdateOperationsApp);

  @RegisterExtension
  static final ServedApp patternOutputs = ServedApp.of(PatchIT::patternOutputsApp);

  @RegisterExtension static final ServedApp children = ServedApp.of(PatchIT::childrenApp);

  @RegisterExtension
  static final ServedApp clientsideDuplicate = ServedApp.of(PatchIT::clientsideDuplicateApp);

  @RegisterExtension static final ServedApp baseOperators = ServedApp.of(PatchIT::baseOperatorsApp);
  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void dropEarlierConsoleErrors() {
    browser.consoleErrors(); // each test reads only what its own page logged (dash: get_logs)
  }

  /** Keys sent to an input without clearing it first, as Selenium's {@code send_keys}. */
  private static void sendKeys(String css, CharSequence... keys) {
    browser.waitForElement(css).sendKeys(keys);
  }

  static DashApp operationsApp() {
    return operationsApp(false);
  }

  static DashApp sideUpdateOperationsApp() {
    return operationsApp(true);
  }

  /**
   * pch001's app; with {@code sideUpdates} (pch007) every button's callback has no output and hands
   * its Patch to {@code setProps("store", {"data": patch})} instead of returning it.
   */
  static DashApp operationsApp(boolean sideUpdates) {
    var app = Dash.create(config -> config.port(0).debug(true));
    var initial = new LinkedHashMap<String, Object>();
    initial.put("value", "unset");
    initial.put("n_clicks", 0);
    initial.put("array", List.of("initial"));
    initial.put("delete", "Delete me");
    app.layout(
        div(
            div(input("set-value"), button("Set").id("set-btn")),
            div(input("append-value"), button("Append").id("append-btn")),
            div(input("prepend-value"), button("prepend").id("prepend-btn")),
            div(
                input("insert-value"),
                input("insert-index").type(Dcc.DccInput.Type.NUMBER).value(1),
                button("insert").id("insert-btn")),
            div(input("extend-value"), button("extend").id("extend-btn")),
            div(input("merge-value"), button("Merge").id("merge-btn")),
            button("Delete").id("delete-btn"),
            button("Delete index").id("delete-index"),
            button("Clear").id("clear-btn"),
            button("Reverse").id("reverse-btn"),
            button("Remove").id("remove-btn"),
            store("store").data(initial),
            div().id("store-content")));

    app.clientsideCallback(
        "function(value) {return JSON.stringify(value)}",
        Output.of("store-content", Html.Div.CHILDREN),
        Input.of("store", Dcc.Store.DATA));

    var patcher = new StorePatcher(app, sideUpdates);
    patcher.on(
        "set-btn",
        List.of("set-value"),
        a -> Patch.create().at("value").assign(a.get(0)).at("n_clicks").add(1));
    patcher.on(
        "append-btn",
        List.of("append-value"),
        a -> Patch.create().at("array").append(a.get(0)).at("n_clicks").add(1));
    patcher.on(
        "prepend-btn",
        List.of("prepend-value"),
        a -> Patch.create().at("array").prepend(a.get(0)).at("n_clicks").add(1));
    patcher.on(
        "extend-btn",
        List.of("extend-value"),
        a -> Patch.create().at("array").extend(List.of(a.get(0))).at("n_clicks").add(1));
    patcher.on(
        "merge-btn",
        List.of("merge-value"),
        a -> Patch.create().merge(Map.of("merged", a.get(0))).at("n_clicks").add(1));
    patcher.on("delete-btn", List.of(), a -> Patch.create().at("delete").delete());
    patcher.on(
        "insert-btn",
        List.of("insert-value", "insert-index"),
        a -> Patch.create().at("array").insert(((Number) a.get(1)).intValue(), a.get(0)));
    patcher.on(
        "delete-index",
        List.of(),
        a -> Patch.create().at("array", 1).delete().at("array", -2).delete());
    patcher.on("clear-btn", List.of(), a -> Patch.create().at("array").clear());
    patcher.on("reverse-btn", List.of(), a -> Patch.create().at("array").reverse());
    patcher.on("remove-btn", List.of(), a -> Patch.create().at("array").remove("initial"));
    return app;
  }

  /**
   * Registers one button's Patch of the store: returned for the store's data, or given to setProps.
   */
  private record StorePatcher(DashApp app, boolean sideUpdates) {
    void on(String button, List<String> inputValues, Function<List<Object>, Patch> patch) {
      var arguments = new ArrayList<Argument<?>>();
      arguments.add(Input.of(button, Html.Button.N_CLICKS));
      inputValues.forEach(id -> arguments.add(State.of(id, Dcc.DccInput.VALUE)));
      if (sideUpdates) {
        app.callbackWithoutOutput(
            arguments,
            a ->
                CallbackContext.current()
                    .setProps("store", Map.of("data", patch.apply(a.subList(1, a.size())))),
            options -> options.preventInitialCall(true));
      } else {
        // the first registers the output, the others share it (allow_duplicate)
        var output =
            "set-btn".equals(button)
                ? Output.of("store", Dcc.Store.DATA)
                : Output.of("store", Dcc.Store.DATA).allowDuplicate();
        app.callback(
            output,
            arguments,
            a -> patch.apply(a.subList(1, a.size())),
            options -> options.preventInitialCall(true));
      }
    }
  }

  /**
   * The store's data as the clientside callback shows it, parsed (dash: {@code
   * json.loads(e.text)}).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> storeContent() {
    return (Map<String, Object>)
        browser.javascript(
            "return JSON.parse(document.querySelector('#store-content').innerText);");
  }

  /**
   * Dash's {@code until(lambda: cond(get_output()), 2)}; the failure shows the last content seen.
   */
  private static void waitForStore(String what, Predicate<Map<String, Object>> cond) {
    Object[] last = {null};
    try {
      browser.waitUntil(
          what,
          () -> {
            var content = storeContent();
            last[0] = content;
            return cond.test(content);
          });
    } catch (AssertionError timeout) {
      throw new AssertionError("store content " + what + "; last seen: " + last[0], timeout);
    }
  }

  private static void waitForArray(String... expected) {
    waitForStore("array to be " + List.of(expected), c -> List.of(expected).equals(c.get("array")));
  }

  /**
   * test_pch001_patch_operations: each Patch operation (assign and add, append, prepend, extend,
   * merge, delete of a key, insert at a positive and a negative index, delete of indices counted
   * from both ends, reverse, remove, clear) changes the store's data in place, through callbacks
   * that share the output with allow_duplicate.
   */
  @Test
  void pch001_everyPatchOperationUpdatesTheStoreInPlace() {
    everyPatchOperationUpdatesTheStore(operations);
  }

  /**
   * test_pch007 (Dash 2.17+, whose file was not readable here: re-expressed from its subject): the
   * same operations as pch001, each handed to {@code set_props} by a callback without outputs,
   * update the store in place just the same.
   */
  @Test
  void pch007_everyPatchOperationThroughSetPropsUpdatesTheStoreInPlace() {
    everyPatchOperationUpdatesTheStore(sideUpdateOperations);
  }

  private static void everyPatchOperationUpdatesTheStore(ServedApp served) {
    browser.openApp(served);
    assertThat(browser.consoleErrors()).isEmpty();

    sendKeys("#set-value", "Set Value");
    browser.click("#set-btn");
    waitForStore("value to be \"Set Value\"", c -> "Set Value".equals(c.get("value")));

    sendKeys("#append-value", "Append");
    browser.click("#append-btn");
    waitForArray("initial", "Append");

    sendKeys("#prepend-value", "Prepend");
    browser.click("#prepend-btn");
    waitForArray("Prepend", "initial", "Append");

    sendKeys("#extend-value", "Extend");
    browser.click("#extend-btn");
    waitForArray("Prepend", "initial", "Append", "Extend");

    // Dash checks for a key "merge", which is never there; the key the merge adds is "merged"
    waitForStore("to have no key \"merged\"", c -> !c.containsKey("merged"));
    sendKeys("#merge-value", "Merged");
    browser.click("#merge-btn");
    waitForStore("merged to be \"Merged\"", c -> "Merged".equals(c.get("merged")));

    waitForStore("delete to be \"Delete me\"", c -> "Delete me".equals(c.get("delete")));
    browser.click("#delete-btn");
    waitForStore("to have no key \"delete\"", c -> !c.containsKey("delete"));

    sendKeys("#insert-value", "Inserted");
    browser.click("#insert-btn");
    waitForArray("Prepend", "Inserted", "initial", "Append", "Extend");

    sendKeys("#insert-value", " with negative index");
    sendKeys("#insert-index", Keys.BACK_SPACE);
    sendKeys("#insert-index", "-1");
    browser.click("#insert-btn");
    waitForArray(
        "Prepend", "Inserted", "initial", "Append", "Inserted with negative index", "Extend");

    browser.click("#delete-index");
    waitForArray("Prepend", "initial", "Append", "Extend");

    browser.click("#reverse-btn");
    waitForArray("Extend", "Append", "initial", "Prepend");

    browser.click("#remove-btn");
    waitForArray("Extend", "Append", "Prepend");

    browser.click("#clear-btn");
    waitForArray();
    waitForStore(
        "every operation that counts to have counted",
        c -> c.get("n_clicks") instanceof Number n && n.intValue() == 5);
    browser.assertNoErrorsLogged();
  }

  static DashApp patternOutputsApp() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            button("Click").id("click"),
            div().id(Map.of("type", "output", "index", 0)).className("first"),
            div().id(Map.of("type", "output", "index", 1)).className("second")));
    app.callback(
        Output.all(Map.of("type", "output", "index", ALL), Html.Div.CHILDREN),
        Input.of("click", Html.Button.N_CLICKS),
        clicks ->
            clicks == null
                ? List.of("Foo", "Bar")
                : List.of(Patch.create().append("Bar"), Patch.create().prepend("Foo")));
    return app;
  }

  /**
   * test_pch002_patch_app_pmc_callbacks: an ALL output takes one Patch per matched component;
   * appending "Bar" to "Foo" and prepending "Foo" to "Bar" both show "FooBar".
   */
  @Test
  void pch002_patchesApplyPerComponentOfAnAllOutput() {
    browser.openApp(patternOutputs);
    browser.click("#click");
    browser.waitForText(".first", "FooBar");
    browser.waitForText(".second", "FooBar");
  }

  static DashApp childrenApp() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            div(input("children-value").value(""), button("Add").id("add-children")),
            // html.Div([html.Div("init", id="initial")]): a list of one child, as Append needs a
            // list to add to
            div(List.of(div("init").id("initial"))).id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("add-children", Html.Button.N_CLICKS),
        State.of("children-value", Dcc.DccInput.VALUE.asString()),
        (clicks, value) -> Patch.create().append(div(value).id(value)),
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * test_pch003_patch_children: a component appended to children by a Patch renders beside the
   * existing child.
   */
  @Test
  void pch003_patchAppendsAComponentToChildren() {
    browser.openApp(children);
    sendKeys("#children-value", "new-child");
    browser.click("#add-children");
    browser.waitForText("#new-child", "new-child");
    browser.waitForText("#initial", "init");
  }

  /** Dash's {@code create_app} of pch004: two callbacks share an output through allow_duplicate. */
  static DashApp duplicateOutputApp(int port) {
    var app = Dash.create(config -> config.port(port));
    app.layout(
        div(button("Click 1").id("click1"), button("Click 2").id("click2"), div().id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN).allowDuplicate(),
        Input.of("click1", Html.Button.N_CLICKS),
        clicks -> "click 1",
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of("output", Html.Div.CHILDREN).allowDuplicate(),
        Input.of("click2", Html.Button.N_CLICKS),
        clicks -> "click 2",
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * test_pch004_duplicate_output_restart: the keys of duplicate outputs are the same after the
   * server restarts with a new app built the same way, so the page loaded from the first server
   * keeps working against the second one.
   */
  @Test
  void pch004_duplicateOutputKeysSurviveARestart() {
    DashServer first = DashServer.start(duplicateOutputApp(0));
    int port;
    try {
      port = first.port();
      browser.openApp(first.url());
      browser.waitForElement("#click1").click();
      browser.waitForText("#output", "click 1");
      browser.waitForElement("#click2").click();
      browser.waitForText("#output", "click 2");
    } finally {
      first.close();
    }

    // dash_duo_mp.start_server(create_app(), navigate=False): the page is not reloaded.
    try (DashServer second = DashServer.start(duplicateOutputApp(port))) {
      assertThat(second.port()).isEqualTo(port);
      browser.waitForElement("#click1").click();
      browser.waitForText("#output", "click 1");
      browser.waitForElement("#click2").click();
      browser.waitForText("#output", "click 2");
    }
  }

  static DashApp clientsideDuplicateApp() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            button("Click 1").id("click1"),
            button("Click 2").id("click2"),
            div("initial").id("output")));
    app.clientsideCallback(
        ClientsideCallback.inline("function() { return 'click1';}").preventInitialCall(true),
        Output.of("output", Html.Div.CHILDREN).allowDuplicate(),
        Input.of("click1", Html.Button.N_CLICKS));
    app.clientsideCallback(
        ClientsideCallback.inline("function() { return 'click2';}").preventInitialCall(true),
        Output.of("output", Html.Div.CHILDREN).allowDuplicate(),
        Input.of("click2", Html.Button.N_CLICKS));
    return app;
  }

  /**
   * test_pch005_clientside_duplicate: two clientside callbacks share an output through
   * allow_duplicate.
   */
  @Test
  void pch005_clientsideCallbacksShareADuplicateOutput() {
    browser.openApp(clientsideDuplicate);
    browser.click("#click1");
    browser.waitForText("#output", "click1");
    browser.click("#click2");
    browser.waitForText("#output", "click2");
  }

  static DashApp baseOperatorsApp() {
    var app = Dash.create(config -> config.port(0).debug(true));
    // Dash's app.layout = [...]: a list of components as the layout
    app.layout(
        List.of(
            store("store").data(2),
            button("add-one").id("add-one"),
            button("remove-one").id("remove-one"),
            button("mul-two").id("mul-two"),
            button("div-two").id("div-two"),
            button("merge").id("merge"),
            store("dict-store").data(Map.of("initial", "initial")),
            div().id("store-output"),
            div().id("dict-store-output")));
    app.callback(
        Output.of("store", Dcc.Store.DATA),
        Input.of("add-one", Html.Button.N_CLICKS),
        clicks -> Patch.create().add(1),
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of("store", Dcc.Store.DATA).allowDuplicate(),
        Input.of("remove-one", Html.Button.N_CLICKS),
        clicks -> Patch.create().sub(1),
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of("store", Dcc.Store.DATA).allowDuplicate(),
        Input.of("mul-two", Html.Button.N_CLICKS),
        clicks -> Patch.create().mul(2),
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of("store", Dcc.Store.DATA).allowDuplicate(),
        Input.of("div-two", Html.Button.N_CLICKS),
        clicks -> Patch.create().div(2),
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of("dict-store", Dcc.Store.DATA).allowDuplicate(),
        Input.of("merge", Html.Button.N_CLICKS),
        clicks -> Patch.create().merge(Map.of("merged", "merged")),
        options -> options.preventInitialCall(true));
    app.clientsideCallback(
        "data => data",
        Output.of("store-output", Html.Div.CHILDREN),
        Input.of("store", Dcc.Store.DATA));
    app.clientsideCallback(
        "data => JSON.stringify(data)",
        Output.of("dict-store-output", Html.Div.CHILDREN),
        Input.of("dict-store", Dcc.Store.DATA));
    return app;
  }

  /**
   * test_pch006_base_operators: Add, Sub, Mul and Div on a number, and Merge on an object (Python's
   * |=).
   */
  @Test
  void pch006_arithmeticAndMergeOperatorsPatchTheRootValue() {
    browser.openApp(baseOperators);
    browser.click("#add-one");
    browser.waitForText("#store-output", "3");
    browser.click("#remove-one");
    browser.waitForText("#store-output", "2");
    browser.click("#mul-two");
    browser.waitForText("#store-output", "4");
    browser.click("#div-two");
    browser.waitForText("#store-output", "2");
    browser.click("#merge");
    browser.waitForText("#dict-store-output", "{\"initial\":\"initial\",\"merged\":\"merged\"}");
  }
}
