package io.dash4j.scenarios;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.br;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.label;
import static io.dash4j.layout.Wildcard.ALL;
import static io.dash4j.testing.PythonFormat.jsonDumps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Argument;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * Dash's {@code tests/integration/callbacks/test_callback_context.py}: {@code callback_context}
 * seen from callbacks ({@code triggered}, {@code triggered_id}, {@code triggered_prop_ids}, {@code
 * response}) and from outside one.
 *
 * <p>Python tests the truthiness of {@code ctx.triggered}, which is false on an initial call
 * although the list then holds one placeholder entry; Java has no falsy lists, so these callbacks
 * read it as Dash's equivalent {@code triggered_id is not None}, i.e. {@code triggeredId() !=
 * null}.
 */
class CallbackContextIT {
  private static final List<String> BUTTONS = List.of("btn-1", "btn-2", "btn-3", "btn-4", "btn-5");

  private static final AtomicInteger groupedCalls = new AtomicInteger();
  private static final List<List<String>> groupedTriggers = new CopyOnWriteArrayList<>();
  private static final Map<String, Object> groupedClicks =
      Collections.synchronizedMap(new HashMap<>());
  private static final AtomicInteger predecessorCalls = new AtomicInteger();
  private static final List<List<String>> predecessorTriggers = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final ServedApp modifiedResponse = ServedApp.of(CallbackContextIT::modifiedResponseApp);

  @RegisterExtension
  static final ServedApp triggered = ServedApp.of(CallbackContextIT::triggeredApp);

  @RegisterExtension
  static final ServedApp backwardCompat = ServedApp.of(CallbackContextIT::backwardCompatApp);

  @RegisterExtension
  static final ServedApp groupedClicksServer = ServedApp.of(CallbackContextIT::groupedClicksApp);

  @RegisterExtension
  static final ServedApp predecessor = ServedApp.of(CallbackContextIT::predecessorApp);

  @RegisterExtension
  static final ServedApp triggeredId = ServedApp.of(CallbackContextIT::triggeredIdApp);

  @RegisterExtension
  static final ServedApp triggeredIdPmc = ServedApp.of(CallbackContextIT::triggeredIdPmcApp);

  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void forgetEarlierConsoleErrors() {
    browser.consoleErrors();
  }

  private static List<String> propIds(CallbackContext context) {
    return context.triggered().stream().map(CallbackContext.Triggered::propId).toList();
  }

  /**
   * Python's {@code json.dumps(ctx.triggered)}: a list of {@code {"prop_id": ..., "value": ...}}
   * dicts.
   */
  private static String triggeredJson(List<CallbackContext.Triggered> triggered) {
    return jsonDumps(
        triggered.stream()
            .map(
                t -> {
                  var entry = new LinkedHashMap<String, Object>();
                  entry.put("prop_id", t.propId());
                  entry.put("value", t.value());
                  return entry;
                })
            .toList());
  }

  // ---------------------------------------------------------------------------------------------------------------

  static DashApp modifiedResponseApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(input("input").value("ab"), div().id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("input", Dcc.DccInput.VALUE.asString()),
        value -> {
          CallbackContext.current().response().setCookie("dash_cookie", value + " - cookie");
          return value + " - output";
        });
    return app;
  }

  /**
   * test_cbcx001_modified_response: a cookie set through the callback response reaches the browser,
   * quoted.
   */
  @Test
  void cbcx001_aCookieSetByTheCallbackReachesTheBrowser() {
    browser.openApp(modifiedResponse);
    browser.waitForText("#output", "ab - output");
    browser.waitForElement("#input").sendKeys("cd");
    browser.waitForText("#output", "abcd - output");
    var cookie = browser.driver().manage().getCookieNamed("dash_cookie");
    assertThat(cookie).isNotNull();
    // Dash: "cookie gets json encoded" (Werkzeug quotes a value with spaces)
    assertThat(cookie.getValue()).isEqualTo("\"abcd - cookie\"");
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------------------------

  private static DashApp fiveButtonsApp(Function<CallbackContext, Object> onClick) {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(div(BUTTONS.stream().map(b -> button(b).id(b)).toArray()), div().id("output")));
    List<Argument<?>> inputs =
        BUTTONS.stream().<Argument<?>>map(b -> Input.of(b, Html.Button.N_CLICKS)).toList();
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        inputs,
        args -> onClick.apply(CallbackContext.current()));
    return app;
  }

  static DashApp triggeredApp() {
    return fiveButtonsApp(
        context -> {
          if (context.triggeredId() == null) {
            throw new PreventUpdate();
          }
          var trigger = context.triggered().get(0);
          return "Just clicked "
              + trigger.propId().split("\\.")[0]
              + " for the "
              + trigger.value()
              + " time!";
        });
  }

  /**
   * test_cbcx002_triggered: the first triggered entry names the clicked button and its click count.
   */
  @Test
  void cbcx002_triggeredNamesTheClickedButtonAndItsValue() {
    browser.openApp(triggered);
    for (int i = 1; i < 5; i++) {
      for (String button : BUTTONS) {
        browser.click("#" + button);
        browser.waitForText("#output", "Just clicked " + button + " for the " + i + " time!");
      }
    }
  }

  /** test_cbcx003_no_callback_context: outside a callback there is no context to read. */
  @Test
  void cbcx003_thereIsNoCallbackContextOutsideACallback() {
    List<Function<CallbackContext, Object>> attributes =
        List.of(
            CallbackContext::inputs,
            CallbackContext::states,
            CallbackContext::triggered,
            CallbackContext::response);
    for (var attribute : attributes) {
      assertThatThrownBy(() -> attribute.apply(CallbackContext.current()))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  // ---------------------------------------------------------------------------------------------------------------

  static DashApp backwardCompatApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(button("click!").id("btn"), div().id("out")));
    app.callback(
        Output.of("out", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          var context = CallbackContext.current();
          var triggered = context.triggered();
          String boolVal = context.triggeredId() != null ? "truthy" : "falsy";
          String splitPropId = jsonDumps(Arrays.asList(triggered.get(0).propId().split("\\.", -1)));
          String fullVal = triggeredJson(triggered);
          return "triggered is "
              + boolVal
              + ", has prop/id "
              + splitPropId
              + ", and full value "
              + fullVal;
        });
    return app;
  }

  /**
   * test_cbcx004_triggered_backward_compat: on the initial call {@code triggered} is falsy yet
   * holds one entry with prop id {@code "."} and value null; after a click it holds the button's
   * prop id and value.
   */
  @Test
  void cbcx004_triggeredHoldsADotEntryOnTheInitialCall() {
    browser.openApp(backwardCompat);
    browser.waitForText(
        "#out",
        "triggered is falsy, has prop/id [\"\", \"\"], and full value "
            + "[{\"prop_id\": \".\", \"value\": null}]");
    browser.click("#btn");
    browser.waitForText(
        "#out",
        "triggered is truthy, has prop/id [\"btn\", \"n_clicks\"], and full value "
            + "[{\"prop_id\": \"btn.n_clicks\", \"value\": 1}]");
  }

  // ---------------------------------------------------------------------------------------------------------------

  static DashApp groupedClicksApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
                button("Button 0").id("btn0"),
                div(
                        button("Button 1").id("btn1"),
                        div(div().id("div3"), button("Button 2").id("btn2"))
                            .id("div2")
                            .style(Map.of("backgroundColor", "yellow", "padding", "50px")))
                    .id("div1")
                    .style(Map.of("backgroundColor", "blue", "padding", "50px")))
            .id("div0")
            .style(Map.of("backgroundColor", "red", "padding", "50px")));
    List<String> names = List.of("div1", "div2", "btn0", "btn1", "btn2");
    List<Argument<?>> inputs =
        names.stream().<Argument<?>>map(n -> Input.of(n, Html.N_CLICKS)).toList();
    app.callback(
        Output.of("div3", Html.Div.CHILDREN),
        inputs,
        args -> {
          groupedTriggers.add(propIds(CallbackContext.current()));
          for (int i = 0; i < names.size(); i++) {
            groupedClicks.put(names.get(i), args.get(i));
          }
          groupedCalls.incrementAndGet();
          return null;
        },
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * test_cbcx005_grouped_clicks: a click bubbles through nested divs with {@code n_clicks}, and the
   * one call it causes lists every prop it changed as triggered.
   */
  @Test
  void cbcx005_aBubblingClickTriggersOneCallWithEveryChangedProp() {
    groupedCalls.set(0);
    groupedTriggers.clear();
    groupedClicks.clear();
    browser.openApp(groupedClicksServer);

    clickNearTopLeft("#btn0", 1);
    assertThat(groupedTriggers.get(groupedTriggers.size() - 1))
        .containsExactlyInAnyOrder("btn0.n_clicks");
    assertClicks(1, null, null, null, null);

    clickNearTopLeft("#div1", 2);
    assertThat(groupedTriggers.get(groupedTriggers.size() - 1))
        .containsExactlyInAnyOrder("div1.n_clicks");
    assertClicks(1, null, null, 1, null);

    clickNearTopLeft("#btn1", 3);
    assertThat(groupedTriggers.get(groupedTriggers.size() - 1))
        .containsExactlyInAnyOrder("btn1.n_clicks", "div1.n_clicks");
    assertClicks(1, 1, null, 2, null);

    clickNearTopLeft("#div2", 4);
    assertThat(groupedTriggers.get(groupedTriggers.size() - 1))
        .containsExactlyInAnyOrder("div1.n_clicks", "div2.n_clicks");
    assertClicks(1, 1, null, 3, 1);

    clickNearTopLeft("#btn2", 5);
    assertThat(groupedTriggers.get(groupedTriggers.size() - 1))
        .containsExactlyInAnyOrder("btn2.n_clicks", "div1.n_clicks", "div2.n_clicks");
    assertClicks(1, 1, 1, 4, 2);
  }

  /**
   * Dash's {@code click}: {@code move_to_element_with_offset(target, 5, 5)} then waiting for the
   * callbacks. Selenium 4 offsets from the element's centre, so the offset is shifted to land 5 px
   * inside the top-left corner, in the target's own padding rather than in a child.
   */
  private static void clickNearTopLeft(String css, int expectedCalls) {
    WebElement target = browser.waitForElement(css);
    var size = target.getSize();
    new Actions(browser.driver())
        .moveToElement(target, 5 - size.getWidth() / 2, 5 - size.getHeight() / 2)
        .click()
        .perform();
    browser.waitUntil(
        "call " + expectedCalls + " (calls: " + groupedCalls + ")",
        () -> groupedCalls.get() >= expectedCalls);
    browser.waitForNoPendingCallbacks();
    assertThat(groupedCalls.get()).isEqualTo(expectedCalls);
  }

  private static void assertClicks(
      Integer btn0, Integer btn1, Integer btn2, Integer div1, Integer div2) {
    var expected = new HashMap<String, Object>();
    expected.put("btn0", btn0);
    expected.put("btn1", btn1);
    expected.put("btn2", btn2);
    expected.put("div1", div1);
    expected.put("div2", div2);
    assertThat(new HashMap<>(groupedClicks)).isEqualTo(expected);
  }

  // ---------------------------------------------------------------------------------------------------------------

  static DashApp predecessorApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            div(
                    div(
                        label("ID: input-number-1"),
                        input("input-number-1").type(Dcc.DccInput.Type.NUMBER).value(0)),
                    div(
                        label("ID: input-number-2"),
                        input("input-number-2").type(Dcc.DccInput.Type.NUMBER).value(0)),
                    div(
                        label("ID: sum-number"),
                        input("sum-number").type(Dcc.DccInput.Type.NUMBER).value(0).disabled(true)))
                .style(Map.of("display", "block")),
            div().id("results")));
    app.callback(
        Output.of("sum-number", Dcc.DccInput.VALUE),
        Input.of("input-number-1", Dcc.DccInput.VALUE),
        Input.of("input-number-2", Dcc.DccInput.VALUE),
        (n1, n2) -> {
          predecessorCalls.incrementAndGet();
          predecessorTriggers.add(propIds(CallbackContext.current()));
          return ((Number) n1).longValue() + ((Number) n2).longValue();
        });
    app.callback(
        Output.of("results", Html.Div.CHILDREN),
        Input.of("input-number-1", Dcc.DccInput.VALUE),
        Input.of("input-number-2", Dcc.DccInput.VALUE),
        Input.of("sum-number", Dcc.DccInput.VALUE),
        (n1, n2, sum) -> {
          predecessorCalls.incrementAndGet();
          var context = CallbackContext.current();
          predecessorTriggers.add(propIds(context));
          return new ArrayList<>(
              List.of(
                  n1 + " + " + n2 + " = " + sum,
                  br(),
                  "ctx.triggered=" + triggeredJson(context.triggered())));
        });
    return app;
  }

  /**
   * test_cbcx006_initial_callback_predecessor (DASH1350): in the initial chain the first callback
   * is triggered by nothing ({@code "."}) and the second by the first's output; later, by the typed
   * input plus the sum.
   */
  @Test
  void cbcx006_triggeredFollowsTheInitialChainAndLaterEdits() {
    predecessorCalls.set(0);
    predecessorTriggers.clear();
    browser.open(predecessor.url());

    // Initial callbacks
    browser.waitUntil("2 calls (" + predecessorCalls + ")", () -> predecessorCalls.get() == 2);
    browser.waitUntil("2 contexts", () -> predecessorTriggers.size() == 2);
    // Dash: "special case present for backward compatibility"
    assertThat(predecessorTriggers.get(0)).containsExactly(".");
    assertThat(predecessorTriggers.get(1)).containsExactly("sum-number.value");

    // User action & follow-up callbacks
    browser.click("#input-number-1");
    browser.waitForElement("#input-number-1").sendKeys("1");
    browser.waitUntil("4 calls (" + predecessorCalls + ")", () -> predecessorCalls.get() == 4);
    browser.waitUntil("4 contexts", () -> predecessorTriggers.size() == 4);
    assertThat(predecessorTriggers.get(2)).containsExactly("input-number-1.value");
    assertThat(predecessorTriggers.get(3))
        .containsExactlyInAnyOrder("sum-number.value", "input-number-1.value");

    browser.click("#input-number-2");
    browser.waitForElement("#input-number-2").sendKeys("1");
    browser.waitUntil("6 calls (" + predecessorCalls + ")", () -> predecessorCalls.get() == 6);
    browser.waitUntil("6 contexts", () -> predecessorTriggers.size() == 6);
    assertThat(predecessorTriggers.get(4)).containsExactly("input-number-2.value");
    assertThat(predecessorTriggers.get(5))
        .containsExactlyInAnyOrder("sum-number.value", "input-number-2.value");
  }

  // ---------------------------------------------------------------------------------------------------------------

  static DashApp triggeredIdApp() {
    return fiveButtonsApp(
        context -> {
          if (context.triggeredId() == null) {
            throw new PreventUpdate();
          }
          for (String button : BUTTONS) {
            if (context.triggeredPropIds().containsValue(button)) {
              // Python's assert: a failure makes the call answer 500 and leaves the text unchanged
              if (!button.equals(context.triggeredId())) {
                throw new AssertionError(button + " != " + context.triggeredId());
              }
              return "Just clicked " + button;
            }
          }
          return null;
        });
  }

  /**
   * test_cbcx007_triggered_id: {@code triggeredId} and {@code triggeredPropIds} name the clicked
   * button.
   */
  @Test
  void cbcx007_triggeredIdNamesTheClickedButton() {
    browser.openApp(triggeredId);
    for (int i = 1; i < 5; i++) {
      for (String button : BUTTONS) {
        browser.click("#" + button);
        browser.waitForText("#output", "Just clicked " + button);
      }
    }
  }

  static DashApp triggeredIdPmcApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(button("Click me").id(Map.of("type", "btn", "index", "myindex")), div().id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.all(Map.of("type", "btn", "index", ALL), Html.Button.N_CLICKS),
        clicks -> {
          var context = CallbackContext.current();
          if (context.triggeredId() != null) {
            Object dictId = context.triggeredPropIds().values().iterator().next();
            if (!dictId.equals(context.triggeredId())) {
              throw new AssertionError(dictId + " != " + context.triggeredId());
            }
            if (dictId.equals(Map.of("type", "btn", "index", "myindex"))) {
              return ((Map<?, ?>) dictId).get("index");
            }
          }
          return null;
        });
    return app;
  }

  /**
   * test_cbcx008_triggered_id_pmc: for a pattern-matching id, {@code triggeredId} is the id's map.
   */
  @Test
  void cbcx008_triggeredIdOfAPatternMatchingIdIsItsMap() {
    browser.openApp(triggeredIdPmc);
    browser.click("#\\{\\\"index\\\"\\:\\\"myindex\\\"\\,\\\"type\\\"\\:\\\"btn\\\"\\}");
    browser.waitForText("#output", "myindex");
  }
}
