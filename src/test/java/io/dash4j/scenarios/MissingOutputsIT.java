package io.dash4j.scenarios;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Dcc.radioItems;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.hr;
import static io.dash4j.layout.Wildcard.ALL;
import static io.dash4j.layout.Wildcard.MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.CallbackDeclaration;
import io.dash4j.callback.CallbackOptions;
import io.dash4j.callback.Input;
import io.dash4j.callback.NoUpdate;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.Results;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.ArrayList;
import java.util.Collections;
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

/**
 * Dash's {@code tests/integration/callbacks/test_missing_outputs.py}: ALL (and ALL with MATCH)
 * outputs that match no component, so their callback must not run, components removed while their
 * callback is waiting, and a multi-output callback answering a single no_update. Each Dash test
 * (and each parameter) has its own app, served once for the class.
 */
class MissingOutputsIT {
  private static final AtomicInteger bodyCalls = new AtomicInteger();
  private static final AtomicInteger buttonOutputCalls = new AtomicInteger();

  /** Dash's {@code lock} in cbmo004: the test holds it to keep the slow callback from answering. */
  private static final Semaphore lock = new Semaphore(1);

  @RegisterExtension static final ServedApp allOutput = ServedApp.of(() -> allOutputApp(false));

  @RegisterExtension
  static final ServedApp allOutputSimple = ServedApp.of(() -> allOutputApp(true));

  @RegisterExtension
  static final ServedApp allAndMatch = ServedApp.of(() -> allAndMatchOutputApp(false));

  @RegisterExtension
  static final ServedApp allAndMatchSimple = ServedApp.of(() -> allAndMatchOutputApp(true));

  @RegisterExtension static final ServedApp multiAll = ServedApp.of(MissingOutputsIT::multiAllApp);

  @RegisterExtension
  static final ServedApp removing = ServedApp.of(MissingOutputsIT::removingElementApp);

  @RegisterExtension
  static final ServedApp singleNoUpdate = ServedApp.of(MissingOutputsIT::noUpdateSingleToMultiApp);

  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void reset() {
    bodyCalls.set(0);
    buttonOutputCalls.set(0);
    lock.drainPermits();
    lock.release();
    browser.consoleErrors(); // drop what earlier pages logged: each test reads only its own (dash:
    // get_logs)
  }

  private static DashApp newApp() {
    return Dash.create(config -> config.port(0).debug(true));
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }

  /** Python's {@code sum()}: fails on a missing value (None) as Python does. */
  private static int sum(List<Object> values) {
    return values.stream().mapToInt(v -> ((Number) v).intValue()).sum();
  }

  static DashApp allOutputApp(boolean withSimple) {
    var app = newApp();
    app.layout(
        div(
            button("items").id("items"),
            button("values").id("values"),
            div().id("content"),
            div("Output init").id("output")));
    app.callback(
        Output.of("content", Html.Div.CHILDREN),
        Input.of("items", Html.Button.N_CLICKS),
        n1 -> {
          var divs = new ArrayList<Object>();
          for (int i = 0; i < orZero(n1) % 4; i++) {
            divs.add(div().id(Map.of("i", i)));
          }
          return divs;
        });
    // the two variants give identical results, but the renderer handles the callbacks differently
    if (withSimple) {
      app.callback(
          Outputs.of(
              Output.all(Map.of("i", ALL), Html.Div.CHILDREN),
              Output.of("output", Html.Div.CHILDREN)),
          Input.of("values", Html.Button.N_CLICKS),
          Input.all(Map.of("i", ALL), Html.Div.ID),
          (n2, contentIds) -> {
            // this variant *is* called with an empty ALL, because of the second Output; content_ids
            // is an input so
            // that emptying the ALL triggers it
            List<Object> content = Collections.nCopies(contentIds.size(), orZero(n2));
            return Results.of(content, content.size() * orZero(n2));
          });
    } else {
      app.callback(
          Output.all(Map.of("i", ALL), Html.Div.CHILDREN),
          Input.of("values", Html.Button.N_CLICKS),
          n2 -> {
            // this variant is NOT called with an empty ALL; the second callback outputs 0 then.
            // Being called anyway
            // fails the callback, which the browser logs.
            int n1 = CallbackContext.current().outputsList().size();
            if (n1 == 0) {
              throw new IllegalStateException("should not be called with no outputs!");
            }
            return new ArrayList<Object>(Collections.nCopies(n1, orZero(n2)));
          });
      app.callback(
          Output.of("output", Html.Div.CHILDREN),
          Input.all(Map.of("i", ALL), Html.Div.CHILDREN),
          MissingOutputsIT::sum);
    }
    return app;
  }

  /**
   * test_cbmo001_all_output, without and with a plain output beside the ALL one: a callback whose
   * only output is an ALL matching nothing is not called; with a second output it is.
   */
  @ParameterizedTest(name = "with_simple={0}")
  @ValueSource(booleans = {false, true})
  void cbmo001_callbackWithOnlyAnEmptyAllOutputIsNotCalled(boolean withSimple) {
    browser.openApp((withSimple ? allOutputSimple : allOutput).url());
    browser.waitForText("#content", "");
    browser.waitForText("#output", "0");

    String[][] actions = {
      {"#values", "", "0"},
      {"#items", "1", "1"},
      {"#values", "2", "2"},
      {"#items", "2\n2", "4"},
      {"#values", "3\n3", "6"},
      {"#items", "3\n3\n3", "9"},
      {"#values", "4\n4\n4", "12"},
      {"#items", "", "0"},
      {"#values", "", "0"},
      {"#items", "5", "5"},
    };
    for (String[] action : actions) {
      browser.click(action[0]);
      browser.waitForText("#content", action[1]);
      browser.waitForText("#output", action[2]);
    }
    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }

  static DashApp allAndMatchOutputApp(boolean withSimple) {
    var app = newApp();
    app.layout(
        div(button("items").id("items"), button("values").id("values"), div().id("content")));
    app.callback(
        Output.of("content", Html.Div.CHILDREN),
        Input.of("items", Html.Button.N_CLICKS),
        n1 -> {
          var blocks = new ArrayList<Object>();
          for (int j = 0; j < 4; j++) {
            var inner = new ArrayList<Object>();
            for (int i = 0; i < (orZero(n1) + j) % 4; i++) {
              inner.add(div().id(Map.of("i", i, "j", j)));
            }
            blocks.add(
                div(
                    div().className("content" + j).prop("children", inner),
                    div().id(Map.of("j", j)).className("output" + j),
                    hr()));
          }
          return blocks;
        });
    var allOfJ = Map.of("i", ALL, "j", MATCH);
    if (withSimple) {
      app.callback(
          Outputs.of(
              Output.all(allOfJ, Html.Div.CHILDREN),
              Output.of(Map.of("j", MATCH), Html.Div.CHILDREN)),
          Input.of("values", Html.Button.N_CLICKS),
          Input.all(allOfJ, Html.Div.ID),
          (n2, contentIds) -> {
            // called with an empty ALL too, because of the second Output
            List<Object> content = Collections.nCopies(contentIds.size(), orZero(n2));
            return Results.of(content, content.size() * orZero(n2));
          });
    } else {
      app.callback(
          Output.all(allOfJ, Html.Div.CHILDREN),
          Input.of("values", Html.Button.N_CLICKS),
          n2 -> {
            // NOT called with an empty ALL; the second callback outputs 0 then
            int n1 = CallbackContext.current().outputsList().size();
            if (n1 == 0) {
              throw new IllegalStateException("should not be called with no outputs!");
            }
            return new ArrayList<Object>(Collections.nCopies(n1, orZero(n2)));
          });
      app.callback(
          Output.of(Map.of("j", MATCH), Html.Div.CHILDREN),
          Input.all(allOfJ, Html.Div.CHILDREN),
          MissingOutputsIT::sum);
    }
    return app;
  }

  /**
   * test_cbmo002_all_and_match_output, without and with a plain output beside the ALL one: per
   * group j, an ALL+MATCH output that matches nothing keeps its callback from being called, unless
   * a MATCH output sits beside it; the totals follow every click. Without it the callback takes
   * only the plain input {@code values.n_clicks}, which Dash allows (the renderer resolves MATCH
   * from the outputs).
   */
  @ParameterizedTest(name = "with_simple={0}")
  @ValueSource(booleans = {false, true})
  void cbmo002_allAndMatchOutputsPerGroup(boolean withSimple) {
    allAndMatchOutput((withSimple ? allAndMatchSimple : allAndMatch).url());
  }

  private static void allAndMatchOutput(String url) {
    browser.openApp(url);
    browser.waitForText(".content0", "");
    browser.waitForText(".output0", "0");

    Object[][] actions = {
      {"#values", new String[][] {{"", "0"}, {"1", "1"}, {"1\n1", "2"}, {"1\n1\n1", "3"}}},
      {"#items", new String[][] {{"1", "1"}, {"1\n1", "2"}, {"1\n1\n1", "3"}, {"", "0"}}},
      {"#values", new String[][] {{"2", "2"}, {"2\n2", "4"}, {"2\n2\n2", "6"}, {"", "0"}}},
      {"#items", new String[][] {{"2\n2", "4"}, {"2\n2\n2", "6"}, {"", "0"}, {"2", "2"}}},
      {"#values", new String[][] {{"3\n3", "6"}, {"3\n3\n3", "9"}, {"", "0"}, {"3", "3"}}},
      {"#items", new String[][] {{"3\n3\n3", "9"}, {"", "0"}, {"3", "3"}, {"3\n3", "6"}}},
      {"#values", new String[][] {{"4\n4\n4", "12"}, {"", "0"}, {"4", "4"}, {"4\n4", "8"}}},
      {"#items", new String[][] {{"", "0"}, {"4", "4"}, {"4\n4", "8"}, {"4\n4\n4", "12"}}},
      {"#values", new String[][] {{"", "0"}, {"5", "5"}, {"5\n5", "10"}, {"5\n5\n5", "15"}}},
      {"#items", new String[][] {{"5", "5"}, {"5\n5", "10"}, {"5\n5\n5", "15"}, {"", "0"}}},
    };
    for (Object[] action : actions) {
      browser.click((String) action[0]);
      String[][] groups = (String[][]) action[1];
      for (int j = 0; j < groups.length; j++) {
        browser.waitForText(".content" + j, groups[j][0]);
        browser.waitForText(".output" + j, groups[j][1]);
      }
    }
    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }

  static DashApp multiAllApp() {
    var app = newApp();
    app.layout(
        div(
            button("items").id("items"),
            button("values").id("values"),
            div().id("content1"),
            hr(),
            div().id("content2"),
            hr(),
            div("Output init").id("output")));
    app.callback(
        Outputs.of(
            Output.of("content1", Html.Div.CHILDREN), Output.of("content2", Html.Div.CHILDREN)),
        Input.of("items", Html.Button.N_CLICKS),
        n1 -> {
          var c1 = new ArrayList<Object>();
          for (int i = 0; i < (orZero(n1) + 2) % 4; i++) {
            c1.add(div().id(Map.of("i", i)));
          }
          var c2 = new ArrayList<Object>();
          for (int j = 0; j < orZero(n1) % 3; j++) {
            c2.add(div().id(Map.of("j", j)));
          }
          return Results.of(c1, c2);
        });
    app.callback(
        Outputs.of(
            Output.all(Map.of("i", ALL), Html.Div.CHILDREN),
            Output.all(Map.of("j", ALL), Html.Div.CHILDREN)),
        Input.of("values", Html.Button.N_CLICKS),
        n2 -> {
          // NOT called when both ALLs are empty; being called anyway fails the callback, which the
          // browser logs
          var outputs = CallbackContext.current().outputsList();
          int n1i = ((List<?>) outputs.get(0)).size();
          int n1j = ((List<?>) outputs.get(1)).size();
          if (n1i + n1j == 0) {
            throw new IllegalStateException("should not be called with no outputs!");
          }
          return Results.of(
              Collections.nCopies(n1i, orZero(n2)), Collections.nCopies(n1j, orZero(n2) + 2));
        });
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.all(Map.of("i", ALL), Html.Div.CHILDREN),
        Input.all(Map.of("j", ALL), Html.Div.CHILDREN),
        (ci, cj) -> sum(ci) + sum(cj));
    return app;
  }

  /**
   * test_cbmo003_multi_all: a callback with two ALL outputs runs while either matches something and
   * is not called when both match nothing.
   */
  @Test
  void cbmo003_callbackWithTwoAllOutputsIsNotCalledWhenBothAreEmpty() {
    browser.openApp(multiAll);
    browser.waitForText("#content1", "0\n0");
    browser.waitForText("#content2", "");
    browser.waitForText("#output", "0");

    String[][] actions = {
      {"#values", "1\n1", "", "2"},
      {"#items", "1\n1\n1", "3", "6"},
      {"#values", "2\n2\n2", "4", "10"},
      {"#items", "", "4\n4", "8"},
      {"#values", "", "5\n5", "10"},
      {"#items", "3", "", "3"},
      {"#values", "4", "", "4"},
      {"#items", "4\n4", "6", "14"},
      {"#values", "5\n5", "7", "17"},
      {"#items", "5\n5\n5", "7\n7", "29"},
      {"#values", "6\n6\n6", "8\n8", "34"},
      // all empty! an error is logged if the callback is called
      {"#items", "", "", "0"},
      {"#values", "", "", "0"},
      {"#items", "7", "9", "16"},
    };
    for (String[] action : actions) {
      browser.click(action[0]);
      browser.waitForText("#content1", action[1]);
      browser.waitForText("#content2", action[2]);
      browser.waitForText("#output", action[3]);
    }
    browser.waitForNoPendingCallbacks();
    browser.assertNoErrorsLogged();
  }

  static DashApp removingElementApp() {
    var app = Dash.create(config -> config.port(0).debug(true).suppressCallbackExceptions(true));
    app.layout(
        div(
            radioItems("toc")
                .options(
                    List.of(Map.of("label", "1", "value", "1"), Map.of("label", "2", "value", "2")))
                .value("1"),
            div().id("body")));
    app.callback(
        Output.of("body", Html.Div.CHILDREN),
        Input.of("toc", Dcc.RadioItems.VALUE),
        chapter -> {
          bodyCalls.incrementAndGet();
          if ("1".equals(chapter)) {
            return List.of(
                div("Chapter 1").id("ch1-title"),
                button("clicking this button takes forever").id("button"),
                div().id("button-output"));
          } else if ("2".equals(chapter)) {
            return "Chapter 2";
          }
          throw new IllegalStateException("chapter is " + chapter);
        });
    app.callback(
        Output.of("button-output", Html.Div.CHILDREN),
        Input.of("button", Html.Button.N_CLICKS),
        clicks -> {
          if (clicks == null || clicks == 0) {
            // the initial value is quick, only a new one is slow, and it does not count
            return "Initial Value";
          }
          lock.acquire();
          try {
            buttonOutputCalls.incrementAndGet();
            return "New value!";
          } finally {
            lock.release();
          }
        });
    return app;
  }

  /** Dash's {@code chapter2_assertions}: the page and the renderer's layout show chapter 2. */
  @SuppressWarnings("unchecked")
  private static void assertChapter2() {
    browser.waitForText("#body", "Chapter 2");
    // renderer 3.x keeps the tree under layout.components; the renderer of Dash's test kept it in
    // layout itself
    var layout =
        (Map<String, Object>)
            browser.javascript(
                "var layout = window.store.getState().layout; return JSON.parse(JSON.stringify(layout.components || layout));");
    var children =
        (List<Map<String, Object>>) ((Map<String, Object>) layout.get("props")).get("children");
    var radio = (Map<String, Object>) children.get(0).get("props");
    var body = (Map<String, Object>) children.get(1).get("props");
    assertThat(radio.get("id")).isEqualTo("toc");
    assertThat(radio.get("value")).isEqualTo("2");
    assertThat(body.get("id")).isEqualTo("body");
    assertThat(body.get("children")).isEqualTo("Chapter 2");
  }

  /**
   * test_cbmo004_removing_element_while_waiting_to_update: the answer of a slow callback whose
   * output was removed meanwhile changes nothing and logs no error.
   */
  @Test
  void cbmo004_answerForARemovedOutputIsIgnored() throws InterruptedException {
    browser.openApp(removing);
    browser.waitForText("#ch1-title", "Chapter 1");
    assertThat(bodyCalls.get()).isEqualTo(1);

    // while that callback is resolving, switch the chapter, which removes the button-output div
    lock.acquire();
    try {
      browser.click("#button");
      browser.driver().findElements(By.cssSelector("input[type=\"radio\"]")).get(1).click();
      assertChapter2();
      assertThat(buttonOutputCalls.get()).isZero();
    } finally {
      lock.release();
    }

    browser.waitUntil("the slow callback to finish", () -> buttonOutputCalls.get() == 1);
    browser.waitForNoPendingCallbacks();
    assertChapter2();
    browser.assertNoErrorsLogged();
  }

  static DashApp noUpdateSingleToMultiApp() {
    var app = newApp();
    app.layout(
        div(
            input("input-box").type(Dcc.DccInput.Type.TEXT).value(""),
            button("Submit").id("button"),
            div("Output 1 will be displayed here").id("output-1"),
            div("Output 2 will be displayed here").id("output-2")));
    // The typed multi-output callbacks return Results, so a bare NO_UPDATE takes a hand-built
    // declaration, whose
    // function may return any value.
    app.register(
        new CallbackDeclaration(
            List.of(
                Output.of("output-1", Html.Div.CHILDREN), Output.of("output-2", Html.Div.CHILDREN)),
            true,
            List.of(
                Input.of("button", Html.Button.N_CLICKS),
                Input.of("input-box", Dcc.DccInput.VALUE)),
            args -> args.get(0) == null ? NoUpdate.NO_UPDATE : Results.of("Hello", "world!"),
            new CallbackOptions()));
    return app;
  }

  /**
   * test_cbmo005_no_update_single_to_multi (dash#2986, fixed in dash#2987): a multi-output callback
   * may answer a single no_update for all its outputs; nothing changes and no error is logged. The
   * test's source was not in the reference corpus; the app is the reproduction of dash#2986, the
   * assertions those the catalogue gives.
   */
  @Test
  void cbmo005_singleNoUpdateForAMultiOutputCallbackIsNoError() {
    browser.openApp(singleNoUpdate);
    browser.waitForText("#output-1", "Output 1 will be displayed here");
    browser.waitForText("#output-2", "Output 2 will be displayed here");
    browser.assertNoErrorsLogged();

    browser.click("#button");
    browser.waitForText("#output-1", "Hello");
    browser.waitForText("#output-2", "world!");
    browser.assertNoErrorsLogged();
  }
}
