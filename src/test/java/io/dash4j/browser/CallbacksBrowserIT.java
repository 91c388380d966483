package io.dash4j.browser;

import static io.dash4j.components.Dcc.graph;
import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.callback.Results;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stock front end in headless Chromium against one dash4j app holding every scenario of this
 * class.
 */
class CallbacksBrowserIT {
  private static final AtomicInteger preventCalls = new AtomicInteger();
  private static final AtomicInteger chain1 = new AtomicInteger();
  private static final AtomicInteger chain2 = new AtomicInteger();
  private static final AtomicInteger chain3 = new AtomicInteger();
  @RegisterExtension static final ServedApp server = ServedApp.of(CallbacksBrowserIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void openApp() {
    browser.openApp(server);
  }

  private static DashApp app() {
    var app = Dash.create(config -> config.port(0).title("callbacks"));
    app.layout(
        div(
            input("typed-in").value("initial"),
            div().id("typed-out"),
            button("bump").id("bump"),
            div().id("bump-text"),
            graph("bump-graph"),
            input("guarded-in").value("ok").debounce(true),
            div().id("guarded-out"),
            input("chain-in").value("x").debounce(true),
            div().id("chain-1"),
            div().id("chain-2"),
            div().id("chain-3"),
            button("roll").id("roll"),
            div("nothing yet").id("rolled"),
            div("untouched").id("side")));

    app.callback(
        Output.of("typed-out", Html.CHILDREN),
        Input.of("typed-in", Dcc.DccInput.VALUE),
        value -> "You typed: " + value);

    app.callback(
        Outputs.of(
            Output.of("bump-text", Html.CHILDREN), Output.of("bump-graph", Dcc.Graph.FIGURE)),
        Input.of("bump", Html.N_CLICKS),
        clicks -> {
          int n = clicks == null ? 0 : clicks;
          return Results.of(
              "Clicks: " + n,
              Map.of(
                  "data",
                      List.of(
                          Map.of(
                              "type",
                              "bar",
                              "x",
                              List.of("a", "b", "c"),
                              "y",
                              List.of(n, n + 1, n + 2))),
                  "layout", Map.of("title", Map.of("text", "Chart " + n))));
        });

    app.callback(
        Output.of("guarded-out", Html.CHILDREN),
        Input.of("guarded-in", Dcc.DccInput.VALUE.asString()),
        value -> {
          preventCalls.incrementAndGet();
          if (value.contains("prevent")) {
            throw new PreventUpdate();
          }
          return value;
        });

    app.callback(
        Output.of("chain-1", Html.CHILDREN),
        Input.of("chain-in", Dcc.DccInput.VALUE),
        value -> {
          chain1.incrementAndGet();
          return value + "-1";
        });
    app.callback(
        Output.of("chain-2", Html.CHILDREN),
        Input.of("chain-1", Html.CHILDREN),
        value -> {
          chain2.incrementAndGet();
          return value + "-2";
        });
    app.callback(
        Output.of("chain-3", Html.CHILDREN),
        Input.of("chain-2", Html.CHILDREN),
        value -> {
          chain3.incrementAndGet();
          return value + "-3";
        });

    app.callback(
        Output.of("rolled", Html.CHILDREN),
        Input.of("roll", Html.N_CLICKS),
        clicks -> {
          CallbackContext.current().setProps("side", Map.of("children", "side effect " + clicks));
          return "rolled " + clicks;
        },
        options -> options.preventInitialCall(true));
    return app;
  }

  @Test
  void typingInAnInputUpdatesADiv() {
    browser.waitForText("#typed-out", "You typed: initial");
    browser.type("#typed-in", "hello dash");
    browser.waitForText("#typed-out", "You typed: hello dash");
  }

  @Test
  void aMultiOutputCallbackUpdatesATextAndDrawsAGraph() {
    browser.waitForText("#bump-text", "Clicks: 0");
    browser.waitForText("#bump-graph .gtitle", "Chart 0");
    browser.click("#bump");
    browser.click("#bump");
    browser.waitForText("#bump-text", "Clicks: 2");
    browser.waitForText("#bump-graph .gtitle", "Chart 2");
    // plotly drew the three bars of the one trace
    Object bars =
        browser.javascript(
            "return document.querySelectorAll('#bump-graph .barlayer .trace .point').length;");
    assertThat(((Number) bars).intValue()).isEqualTo(3);
  }

  @Test
  void preventUpdateLeavesTheOutputAsItWas() {
    browser.waitForText("#guarded-out", "ok");
    browser.submit("#guarded-in", "fine");
    browser.waitForText("#guarded-out", "fine");
    int before = preventCalls.get();
    browser.submit("#guarded-in", "please prevent this");
    browser.waitUntil("the callback ran", () -> preventCalls.get() == before + 1);
    browser.waitForNoPendingCallbacks();
    assertThat(browser.text("#guarded-out")).isEqualTo("fine");
  }

  @Test
  void aChainOfThreeCallbacksSettlesWithTheRightValuesAndCallCounts() {
    browser.waitForText("#chain-3", "x-1-2-3");
    browser.waitForNoPendingCallbacks();
    int c1 = chain1.get();
    int c2 = chain2.get();
    int c3 = chain3.get();
    browser.submit("#chain-in", "abc");
    browser.waitForText("#chain-3", "abc-1-2-3");
    browser.waitForNoPendingCallbacks();
    assertThat(browser.text("#chain-1")).isEqualTo("abc-1");
    assertThat(browser.text("#chain-2")).isEqualTo("abc-1-2");
    // a debounced input sends one value, and each link of the chain runs once for it
    assertThat(List.of(chain1.get() - c1, chain2.get() - c2, chain3.get() - c3))
        .containsExactly(1, 1, 1);
  }

  @Test
  void setPropsChangesAComponentThatIsNotAnOutput() {
    assertThat(browser.text("#side")).isEqualTo("untouched");
    browser.click("#roll");
    browser.waitForText("#rolled", "rolled 1");
    browser.waitForText("#side", "side effect 1");
    browser.click("#roll");
    browser.waitForText("#side", "side effect 2");
  }
}
