package io.dash4j.websocket;

import static io.dash4j.components.Html.b;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.li;
import static io.dash4j.components.Html.span;
import static io.dash4j.components.Html.ul;
import static io.dash4j.layout.Wildcard.MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Patch;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.callback.State;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.Doors;
import io.dash4j.testing.ServedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dash's {@code tests/websocket/test_ws_props.py} (ws030–ws036, ws045–ws048) and {@code
 * test_ws_patch.py} (ws037): {@code set_props} pushed to the page while a socket callback runs
 * (streamed, several components, strings, lists, component JSON, a dict id, a Patch, bursts),
 * {@code ws.set_prop}, {@code ws.get_prop}, and a pattern-id button injected by {@code set_props}
 * whose MATCH callback then works. Each app's {@link Doors} counts which door its calls came
 * through, so a test fails if the page quietly fell back to HTTP (where {@code setProps} would
 * still reach the page, only with the answer).
 *
 * <p>Python's callbacks here are {@code async def} and {@code await asyncio.sleep(...)} between
 * pushes; a dash4j callback is a plain method on its own thread, so the pauses are {@code
 * Thread.sleep} of the same length.
 */
class WebsocketPropsIT {
  static final Doors streamingDoors = new Doors();
  static final Doors multipleDoors = new Doors();
  static final Doors valuesDoors = new Doors();
  static final Doors syncDoors = new Doors();
  static final Doors getPropDoors = new Doors();
  static final Doors setPropDoors = new Doors();
  static final Doors dictIdDoors = new Doors();
  static final Doors patchDoors = new Doors();
  static final Doors componentChildrenDoors = new Doors();
  static final Doors nestedDoors = new Doors();
  static final Doors listDoors = new Doors();
  static final Doors burstDoors = new Doors();
  static final Doors dynamicMatchDoors = new Doors();

  @RegisterExtension
  static final ServedApp streaming = ServedApp.of(WebsocketPropsIT::streamingApp);

  @RegisterExtension static final ServedApp multiple = ServedApp.of(WebsocketPropsIT::multipleApp);
  @RegisterExtension static final ServedApp values = ServedApp.of(WebsocketPropsIT::valuesApp);
  @RegisterExtension static final ServedApp sync = ServedApp.of(WebsocketPropsIT::syncApp);
  @RegisterExtension static final ServedApp getProp = ServedApp.of(WebsocketPropsIT::getPropApp);
  @RegisterExtension static final ServedApp setProp = ServedApp.of(WebsocketPropsIT::setPropApp);
  @RegisterExtension static final ServedApp dictId = ServedApp.of(WebsocketPropsIT::dictIdApp);
  @RegisterExtension static final ServedApp patch = ServedApp.of(WebsocketPropsIT::patchApp);

  @RegisterExtension
  static final ServedApp componentChildren = ServedApp.of(WebsocketPropsIT::componentChildrenApp);

  @RegisterExtension static final ServedApp nested = ServedApp.of(WebsocketPropsIT::nestedApp);
  @RegisterExtension static final ServedApp list = ServedApp.of(WebsocketPropsIT::listApp);
  @RegisterExtension static final ServedApp burst = ServedApp.of(WebsocketPropsIT::burstApp);

  @RegisterExtension
  static final ServedApp dynamicMatch = ServedApp.of(WebsocketPropsIT::dynamicMatchApp);

  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void reset() {
    browser.consoleErrors();
  }

  /** Python's {@code if not n: raise PreventUpdate}. */
  static int clicked(Integer n) {
    if (n == null || n == 0) {
      throw new PreventUpdate();
    }
    return n;
  }

  static void setProps(Object id, Map<String, ?> props) {
    CallbackContext.current().setProps(id, props);
  }

  /**
   * Every call of the app, the initial one included, came over the socket, and at least {@code
   * calls} of them.
   */
  static void assertSocketCalls(Doors doors, int calls) {
    assertThat(doors.overHttp).hasValue(0);
    assertThat(doors.overSocket.get()).isGreaterThanOrEqualTo(calls);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws030

  static DashApp streamingApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(button("Start").id("btn"), div("0%").id("progress"), div("waiting").id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          streamingDoors.door();
          clicked(n);
          for (int i = 1; i <= 5; i++) {
            setProps("progress", Map.of("children", i * 20 + "%"));
            Thread.sleep(100);
          }
          return "Done";
        });
    return app;
  }

  /**
   * test_ws030_set_props_streaming. Python only checks the end state (100% and Done); over HTTP
   * that end state would look the same, so a MutationObserver also records what the page showed,
   * proving each step reached the page before the callback's answer.
   */
  @Test
  void ws030_setPropsStreaming() {
    browser.openApp(streaming);
    browser.waitForText("#progress", "0%");
    browser.waitForText("#result", "waiting");
    browser.recordTexts("progress", "result");
    browser.click("#btn");
    browser.waitForText("#result", "Done");
    browser.waitForText("#progress", "100%");
    List<String> seen = browser.recordedStates();
    assertThat(seen)
        .containsSubsequence(
            "20%|waiting",
            "40%|waiting", "60%|waiting", "80%|waiting", "100%|waiting", "100%|Done");
    assertSocketCalls(streamingDoors, 1);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws031

  static DashApp multipleApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            button("Update All").id("btn"),
            div("A: initial").id("output-a"),
            div("B: initial").id("output-b"),
            div("C: initial").id("output-c"),
            div("result").id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          multipleDoors.door();
          clicked(n);
          setProps("output-a", Map.of("children", "A: updated " + n));
          Thread.sleep(50);
          setProps("output-b", Map.of("children", "B: updated " + n));
          Thread.sleep(50);
          setProps("output-c", Map.of("children", "C: updated " + n));
          return "All updated " + n;
        });
    return app;
  }

  /** test_ws031_set_props_multiple_components. */
  @Test
  void ws031_setPropsMultipleComponents() {
    browser.openApp(multiple);
    browser.click("#btn");
    browser.waitForText("#output-a", "A: updated 1");
    browser.waitForText("#output-b", "B: updated 1");
    browser.waitForText("#output-c", "C: updated 1");
    browser.waitForText("#result", "All updated 1");
    assertSocketCalls(multipleDoors, 1);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws032

  static DashApp valuesApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            button("Test Values").id("btn"),
            div().id("text-output"),
            div().id("number-output"),
            div().id("list-output"),
            div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          valuesDoors.door();
          clicked(n);
          setProps("text-output", Map.of("children", "Hello World"));
          Thread.sleep(20);
          setProps("number-output", Map.of("children", String.valueOf(42)));
          Thread.sleep(20);
          setProps("list-output", Map.of("children", List.of("Item 1", " - ", "Item 2")));
          return "Values set";
        });
    return app;
  }

  /**
   * test_ws032_set_props_with_complex_values: a string, a number as a string, a list of strings.
   */
  @Test
  void ws032_setPropsWithComplexValues() {
    browser.openApp(values);
    browser.click("#btn");
    browser.waitForText("#text-output", "Hello World");
    browser.waitForText("#number-output", "42");
    browser.waitForText("#list-output", "Item 1 - Item 2");
    browser.waitForText("#result", "Values set");
    assertSocketCalls(valuesDoors, 1);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws033

  static DashApp syncApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(button("Sync Update").id("btn"), div("before").id("side-effect"), div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          syncDoors.door();
          clicked(n);
          setProps("side-effect", Map.of("children", "Side effect " + n));
          return "Result " + n;
        });
    return app;
  }

  /**
   * test_ws033_set_props_sync_callback. Python tells a plain {@code def} from an {@code async def},
   * which runs elsewhere (a thread pool); every dash4j callback is a plain method, so this is the
   * no-pause case of ws031.
   */
  @Test
  void ws033_setPropsSyncCallback() {
    browser.openApp(sync);
    browser.click("#btn");
    browser.waitForText("#result", "Result 1");
    browser.waitForText("#side-effect", "Side effect 1");
    assertSocketCalls(syncDoors, 1);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws034

  static DashApp getPropApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(div(div("Source Value").id("source"), button("Read").id("btn"), div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          getPropDoors.door();
          clicked(n);
          Websocket ws = CallbackContext.current().websocket();
          if (ws != null) {
            return "Read: " + ws.getProp("source", "children");
          }
          return "No WebSocket";
        });
    return app;
  }

  /**
   * test_ws034_get_prop_reads_value: the callback asks the page, which answers with the children it
   * shows.
   */
  @Test
  void ws034_getPropReadsValue() {
    browser.openApp(getProp);
    browser.click("#btn");
    browser.waitForText("#result", "Read: Source Value");
    assertSocketCalls(getPropDoors, 1);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws035

  static DashApp setPropApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(button("Set via WS").id("btn"), div("original").id("target"), div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          setPropDoors.door();
          clicked(n);
          Websocket ws = CallbackContext.current().websocket();
          if (ws != null) {
            ws.setProp("target", "children", "Set via WebSocket " + n);
            return "Set complete";
          }
          return "No WebSocket";
        });
    return app;
  }

  /** test_ws035_websocket_set_prop_method: the handle's own {@code set_prop}. */
  @Test
  void ws035_websocketSetPropMethod() {
    browser.openApp(setProp);
    browser.click("#btn");
    browser.waitForText("#target", "Set via WebSocket 1");
    browser.waitForText("#result", "Set complete");
    assertSocketCalls(setPropDoors, 1);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws036

  static DashApp dictIdApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            button("Update").id("btn"),
            div("initial").id(Map.of("type", "output", "index", 0)),
            div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          dictIdDoors.door();
          clicked(n);
          setProps(Map.of("type", "output", "index", 0), Map.of("children", "Updated " + n));
          return "Done " + n;
        });
    return app;
  }

  /** test_ws036_set_props_dict_component_id: the push names a pattern-matching id. */
  @Test
  void ws036_setPropsDictComponentId() {
    browser.openApp(dictId);
    browser.click("#btn");
    browser.waitForText("[id='{\"index\":0,\"type\":\"output\"}']", "Updated 1");
    browser.waitForText("#result", "Done 1");
    assertSocketCalls(dictIdDoors, 1);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws037 (test_ws_patch.py)

  static DashApp patchApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(div(button("Patch").id("btn"), div("initial").id("output"), div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          patchDoors.door();
          clicked(n);
          // Python's `p += " + click 1"` on a string records the same Add operation.
          setProps("output", Map.of("children", Patch.create().add(" + click " + n)));
          return "Appended " + n;
        },
        options -> options.websocket(true));
    return app;
  }

  /** test_ws037_set_props_with_patch: the page applies a pushed Patch to the children it holds. */
  @Test
  void ws037_setPropsWithPatch() {
    browser.openApp(patch);
    browser.click("#btn");
    browser.waitForText("#output", "initial + click 1");
    assertSocketCalls(patchDoors, 1);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws045

  static DashApp componentChildrenApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(div(button("Update Children").id("btn"), div().id("container"), div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          componentChildrenDoors.door();
          clicked(n);
          setProps("container", Map.of("children", div(span("Updated " + n), b(" - Bold Text"))));
          return "Children updated " + n;
        });
    return app;
  }

  /** test_ws045_set_props_component_prop_children: a pushed component becomes a Div's children. */
  @Test
  void ws045_setPropsComponentPropChildren() {
    browser.openApp(componentChildren);
    browser.click("#btn");
    browser.waitForText("#container span", "Updated 1");
    browser.waitForText(
        "#container b", "- Bold Text"); // the page's text is trimmed, as in Selenium for Python
    browser.waitForText("#result", "Children updated 1");
    assertSocketCalls(componentChildrenDoors, 1);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws046

  static DashApp nestedApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(div(button("Update Nested").id("btn"), div().id("wrapper"), div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          nestedDoors.door();
          clicked(n);
          setProps(
              "wrapper",
              Map.of("children", div(ul(li("Item " + n + ".1"), li("Item " + n + ".2")))));
          return "Nested updated " + n;
        });
    return app;
  }

  /** test_ws046_set_props_nested_component_children: a Div holding a Ul of Lis. */
  @Test
  void ws046_setPropsNestedComponentChildren() {
    browser.openApp(nested);
    browser.click("#btn");
    browser.waitForText("#wrapper ul li:first-child", "Item 1.1");
    browser.waitForText("#wrapper ul li:last-child", "Item 1.2");
    browser.waitForText("#result", "Nested updated 1");
    assertSocketCalls(nestedDoors, 1);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws047

  static DashApp listApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(button("Update List").id("btn"), div().id("list-container"), div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          listDoors.door();
          clicked(n);
          setProps(
              "list-container",
              Map.of(
                  "children",
                  div(div("Item 1 - " + n), div("Item 2 - " + n), div("Item 3 - " + n))));
          return "List updated " + n;
        });
    return app;
  }

  /**
   * test_ws047_set_props_children_with_list: a list of components wrapped in one Div. Python reads
   * the container once, right after the answer showed; the push always leaves before the answer, so
   * it is there by then.
   */
  @Test
  void ws047_setPropsChildrenWithList() {
    browser.openApp(list);
    browser.click("#btn");
    browser.waitForText("#result", "List updated 1");
    assertThat(browser.text("#list-container")).contains("Item 1 - 1", "Item 2 - 1", "Item 3 - 1");
    assertSocketCalls(listDoors, 1);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws047b

  static DashApp burstApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    var children = new ArrayList<Object>();
    children.add(button("Update Many").id("btn"));
    IntStream.range(0, 10).forEach(i -> children.add(div("0").id("output-" + i)));
    children.add(div().id("result"));
    app.layout(div(children.toArray()));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          burstDoors.door();
          clicked(n);
          // Back to back, no pause: the server may send them as one set_props_batch.
          for (int i = 0; i < 10; i++) {
            setProps("output-" + i, Map.of("children", String.valueOf(n)));
          }
          return "Done " + n;
        });
    return app;
  }

  /** test_ws047b_set_props_batch_many_updates: ten rapid pushes all arrive, twice over. */
  @Test
  void ws047b_setPropsBatchManyUpdates() {
    browser.openApp(burst);
    for (int click = 1; click <= 2; click++) {
      browser.click("#btn");
      browser.waitForText("#result", "Done " + click);
      for (int i = 0; i < 10; i++) {
        browser.waitForText("#output-" + i, String.valueOf(click));
      }
    }
    assertSocketCalls(burstDoors, 2);
    browser.assertNoErrorsLogged();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // ws048

  static final AtomicInteger matchOverSocket = new AtomicInteger();

  static DashApp dynamicMatchApp() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(
        div(
            button("Add Component").id("add-btn"),
            div().id("container"),
            div("waiting").id("match-result"),
            div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("add-btn", Html.Button.N_CLICKS),
        n -> {
          dynamicMatchDoors.door();
          clicked(n);
          setProps(
              "container",
              Map.of(
                  "children",
                  div(
                      span("Hello"),
                      button("Click me").id(Map.of("type", "dynamic", "index", 0)))));
          return "Component added " + n;
        });
    app.callback(
        Output.of("match-result", Html.Div.CHILDREN),
        Input.of(Map.of("type", "dynamic", "index", MATCH), Html.Button.N_CLICKS),
        State.of(Map.of("type", "dynamic", "index", MATCH), "id"),
        (clicks, id) -> {
          if (dynamicMatchDoors.door()) {
            matchOverSocket.incrementAndGet();
          }
          clicked(clicks);
          return "Clicked button index "
              + ((Map<?, ?>) id).get("index")
              + " - "
              + clicks
              + " times";
        },
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * test_ws048_set_props_dynamic_match_callback: a button pushed with a pattern id drives a MATCH
   * callback.
   */
  @Test
  void ws048_setPropsDynamicMatchCallback() {
    matchOverSocket.set(0);
    browser.openApp(dynamicMatch);
    browser.waitForText("#match-result", "waiting");
    browser.click("#add-btn");
    browser.waitForText("#result", "Component added 1");
    browser.waitForText("#container span", "Hello");
    String dynamicButton = "[id='{\"index\":0,\"type\":\"dynamic\"}']";
    browser.click(dynamicButton);
    browser.waitForText("#match-result", "Clicked button index 0 - 1 times");
    browser.click(dynamicButton);
    browser.waitForText("#match-result", "Clicked button index 0 - 2 times");
    assertSocketCalls(dynamicMatchDoors, 3);
    assertThat(matchOverSocket.get()).isGreaterThanOrEqualTo(2);
    browser.assertNoErrorsLogged();
  }
}
