package io.dash4j.scenarios;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.layout.Wildcard.MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Argument;
import io.dash4j.callback.Dependency;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.components.Html;
import io.dash4j.layout.Component;
import io.dash4j.server.DashServer;
import io.dash4j.testing.Browser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dash's {@code tests/integration/callbacks/test_prevent_initial.py}: {@code prevent_initial_call} takes a callback
 * out of the page-load chain, which is not the same as raising {@code PreventUpdate} in it. Dash runs each test in
 * five flavors (server or clientside callbacks, layout given directly or made by a callback, and the app-wide
 * {@code prevent_initial_callbacks=True} default); each flavor's app is started once, on first use, for the class.
 */
class PreventInitialIT {
  /** Dash's {@code flavors}: five of the eight combinations. */
  enum Flavor {
    SERVER(false, false, false),
    CLIENTSIDE(true, false, false),
    CONTENT(false, true, false),
    CLIENTSIDE_CONTENT_GLOBAL(true, true, true),
    GLOBAL(false, false, true);

    final boolean clientside;
    final boolean content;
    final boolean global;

    Flavor(boolean clientside, boolean content, boolean global) {
      this.clientside = clientside;
      this.content = content;
      this.global = global;
    }
  }

  private static final AtomicInteger positionalArgCalls = new AtomicInteger();
  private static final Map<String, DashServer> servers = new ConcurrentHashMap<>();
  @RegisterExtension static final Browser browser = Browser.perClass();

  @AfterAll
  static void stopServers() {
    servers.values().forEach(DashServer::close);
    servers.clear();
  }

  /** Serves the app under {@code key} (started on first use, once per class) and loads it. */
  private static void open(String key, Supplier<DashApp> app) {
    browser.open(servers.computeIfAbsent(key, k -> DashServer.start(app.get())).url());
    browser.waitForPageReady();
  }

  /** Dash's {@code make_app}: the global flavors set the app-wide {@code prevent_initial_callbacks=True}. */
  private static DashApp makeApp(Flavor flavor) {
    return Dash.create(config -> config.port(0).debug(true).preventInitialCallbacks(flavor.global));
  }

  /** Dash's {@code content_callback}: the layout as is, or made by a callback on a {@code content} div. */
  private static void contentCallback(DashApp app, Flavor flavor, Component layout) {
    if (flavor.content) {
      app.layout(div().id("content"));
      // with the app-wide default on, Dash passes prevent_initial_call=False here so the content still loads
      app.callback(Output.of("content", Html.Div.CHILDREN), Input.of("content", Html.Div.STYLE), style -> layout)
          .preventInitialCall(false);
    } else {
      app.layout(layout);
    }
  }

  /** Dash's {@code const_callback}: always returns {@code val}. */
  private static void constCallback(DashApp app, Flavor flavor, Object val, List<Output<Object>> outputs,
      List<Input<?>> inputs, boolean preventInitialCall) {
    if (flavor.clientside) {
      var callback = app.clientsideCallback("function() { return " + json(val) + "; }", deps(outputs, inputs));
      // Dash passes prevent_initial_call only where it differs from the app-wide default
      if (preventInitialCall != flavor.global) {
        callback.preventInitialCall(preventInitialCall);
      }
    } else {
      var callback = outputs.size() > 1
          ? app.callback(outputs(outputs), args(inputs), args -> (List<?>) val)
          : app.callback(outputs.get(0), args(inputs), args -> val);
      if (preventInitialCall != flavor.global) {
        callback.preventInitialCall(preventInitialCall);
      }
    }
  }

  /** Dash's {@code concat_callback}: the inputs' values as text, joined, into every output. */
  private static void concatCallback(DashApp app, Flavor flavor, List<Output<Object>> outputs, List<Input<?>> inputs,
      boolean preventInitialCall) {
    boolean multi = outputs.size() > 1;
    if (flavor.clientside) {
      String out = multi ? "[" + String.join(",", Collections.nCopies(outputs.size(), "out")) + "]" : "out";
      var callback = app.clientsideCallback("""
          function() {
              var out = '';
              for (var i = 0; i < arguments.length; i++) {
                  out += String(arguments[i]);
              }
              return %s;
          }""".formatted(out), deps(outputs, inputs));
      if (preventInitialCall != flavor.global) {
        callback.preventInitialCall(preventInitialCall);
      }
    } else {
      var callback = multi
          ? app.callback(outputs(outputs), args(inputs),
              args -> Collections.nCopies(outputs.size(), concat(args)))
          : app.callback(outputs.get(0), args(inputs), args -> concat(args));
      if (preventInitialCall != flavor.global) {
        callback.preventInitialCall(preventInitialCall);
      }
    }
  }

  /** Python's {@code "".join(str(arg) for arg in args)}. */
  private static String concat(List<Object> args) {
    return args.stream().map(arg -> arg == null ? "None" : String.valueOf(arg)).collect(Collectors.joining());
  }

  private static Dependency<?>[] deps(List<Output<Object>> outputs, List<Input<?>> inputs) {
    var all = new ArrayList<Dependency<?>>(outputs);
    all.addAll(inputs);
    return all.toArray(Dependency<?>[]::new);
  }

  private static Outputs outputs(List<Output<Object>> outputs) {
    return Outputs.of(outputs.toArray(Output<?>[]::new));
  }

  private static List<Argument<?>> args(List<Input<?>> inputs) {
    return new ArrayList<>(inputs);
  }

  /** Python's {@code json.dumps} for the strings and lists of strings these tests use. */
  private static String json(Object val) {
    if (val instanceof List<?> list) {
      return list.stream().map(PreventInitialIT::json).collect(Collectors.joining(", ", "[", "]"));
    }
    return "\"" + val + "\"";
  }

  private static Output<Object> out(Object id) {
    return Output.of(id, Html.Div.CHILDREN);
  }

  private static Input<?> in(Object id) {
    return Input.of(id, Html.Div.CHILDREN);
  }

  static DashApp preventInitialCallApp(Flavor flavor) {
    var app = makeApp(flavor);
    contentCallback(app, flavor, div(
        button("click").id("btn"),
        div("A").id("a"),
        div("B").id("b"),
        div("C").id("c"),
        div("D").id("d"),
        div("E").id("e"),
        div("F").id("f")));

    // Prevented, so A only changes after the button is clicked
    constCallback(app, flavor, "Click", List.of(out("a")), List.of(Input.of("btn", Html.Button.N_CLICKS)), true);
    // B depends on A and *does* run: prevent_initial_call is not PreventUpdate, the callback of A is treated as if
    // it were never in the initialization chain
    concatCallback(app, flavor, List.of(out("b")), List.of(in("a")), false);
    // C is B with prevent_initial_call of its own, so it does not run initially
    concatCallback(app, flavor, List.of(out("c")), List.of(in("a")), true);
    app.callback(out("d"), Input.of("d", Html.Div.STYLE), style -> {
      throw new PreventUpdate();
    });
    // E depends on A (prevent_initial_call) and D (PreventUpdate): the prevent_initial_call means it *will* run
    concatCallback(app, flavor, List.of(out("e")), List.of(in("a"), in("d")), false);
    // F has prevent_initial_call but DOES run during init, because one of its inputs (B) was set by a callback
    concatCallback(app, flavor, List.of(out("f")), List.of(in("a"), in("b"), in("d")), true);
    return app;
  }

  /**
   * test_cbpi001_prevent_initial_call: a prevented callback is left out of the initial chain, its dependants run
   * unless prevented themselves, and a prevented callback still runs when another initial callback set its input.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"SERVER", "CLIENTSIDE", "CONTENT"})
  void cbpi001_preventInitialCallIsNotPreventUpdate(Flavor flavor) {
    preventInitialCall(flavor);
  }

  /** test_cbpi001_prevent_initial_call in the flavors with Dash's app-wide {@code prevent_initial_callbacks=True}. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"CLIENTSIDE_CONTENT_GLOBAL", "GLOBAL"})
  void cbpi001_preventInitialCallIsNotPreventUpdate_appWideDefault(Flavor flavor) {
    preventInitialCall(flavor);
  }

  private static void preventInitialCall(Flavor flavor) {
    open("cbpi001/" + flavor, () -> preventInitialCallApp(flavor));
    // check from the end, to ensure the callbacks are all done
    browser.waitForText("#f", "AAD");
    browser.waitForText("#e", "AD");
    browser.waitForText("#d", "D");
    browser.waitForText("#c", "C");
    browser.waitForText("#b", "A");
    browser.waitForText("#a", "A");

    browser.click("#btn");

    browser.waitForText("#f", "ClickClickD");
    browser.waitForText("#e", "ClickD");
    browser.waitForText("#d", "D");
    browser.waitForText("#c", "Click");
    browser.waitForText("#b", "Click");
    browser.waitForText("#a", "Click");
  }

  private static Map<String, Object> id(String j) {
    return Map.of("i", 0, "j", j);
  }

  private static Map<String, Object> match(String j) {
    return Map.of("i", MATCH, "j", j);
  }

  static DashApp patternMatchingApp(Flavor flavor) {
    var app = makeApp(flavor);
    contentCallback(app, flavor, div(
        button("click").id(id("btn")).className("btn"),
        div("A").id(id("a")).className("a"),
        div("B").id(id("b")).className("b"),
        div("C").id(id("c")).className("c"),
        div("D").id(id("d")).className("d"),
        div("E").id(id("e")).className("e"),
        div("F").id(id("f")).className("f")));

    constCallback(app, flavor, "Click", List.of(out(match("a"))),
        List.of(Input.of(match("btn"), Html.Button.N_CLICKS)), true);
    concatCallback(app, flavor, List.of(out(match("b"))), List.of(in(match("a"))), false);
    concatCallback(app, flavor, List.of(out(match("c"))), List.of(in(match("a"))), true);
    app.callback(out(match("d")), Input.of(match("d"), Html.Div.STYLE), style -> {
      throw new PreventUpdate();
    });
    concatCallback(app, flavor, List.of(out(match("e"))), List.of(in(match("a")), in(match("d"))), false);
    concatCallback(app, flavor, List.of(out(match("f"))),
        List.of(in(match("a")), in(match("b")), in(match("d"))), true);
    return app;
  }

  /** test_cbpi002_pattern_matching: cbpi001 through the pattern-matching machinery (MATCH ids). */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"SERVER", "CLIENTSIDE", "CONTENT"})
  void cbpi002_preventInitialCallWithPatternMatchingIds(Flavor flavor) {
    patternMatching(flavor);
  }

  /** test_cbpi002_pattern_matching in the flavors with Dash's app-wide {@code prevent_initial_callbacks=True}. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"CLIENTSIDE_CONTENT_GLOBAL", "GLOBAL"})
  void cbpi002_preventInitialCallWithPatternMatchingIds_appWideDefault(Flavor flavor) {
    patternMatching(flavor);
  }

  private static void patternMatching(Flavor flavor) {
    open("cbpi002/" + flavor, () -> patternMatchingApp(flavor));
    browser.waitForText(".f", "AAD");
    browser.waitForText(".e", "AD");
    browser.waitForText(".d", "D");
    browser.waitForText(".c", "C");
    browser.waitForText(".b", "A");
    browser.waitForText(".a", "A");

    browser.click(".btn");

    browser.waitForText(".f", "ClickClickD");
    browser.waitForText(".e", "ClickD");
    browser.waitForText(".d", "D");
    browser.waitForText(".c", "Click");
    browser.waitForText(".b", "Click");
    browser.waitForText(".a", "Click");
  }

  static DashApp multiOutputsApp(Flavor flavor) {
    var app = makeApp(flavor);
    contentCallback(app, flavor, div(
        button("click").id("btn"),
        div("A").id("a"),
        div("B").id("b"),
        div("C").id("c"),
        div("D").id("d"),
        div("E").id("e"),
        div("F").id("f"),
        div("G").id("g")));

    constCallback(app, flavor, List.of("Blue", "Cheese"), List.of(out("a"), out("b")),
        List.of(Input.of("btn", Html.Button.N_CLICKS)), true);
    concatCallback(app, flavor, List.of(out("c"), out("d")), List.of(in("a"), in("b")), true);
    concatCallback(app, flavor, List.of(out("e"), out("f")), List.of(in("a")), true);
    // the only one that runs initially
    concatCallback(app, flavor, List.of(out("g")), List.of(in("f")), false);
    return app;
  }

  /**
   * test_cbpi003_multi_outputs: prevented multi-output callbacks stay out of the initial chain; after the click
   * every output and the callback that follows them update.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"SERVER", "CLIENTSIDE", "CONTENT"})
  void cbpi003_preventInitialCallWithMultiOutputCallbacks(Flavor flavor) {
    multiOutputs(flavor);
  }

  /** test_cbpi003_multi_outputs in the flavors with Dash's app-wide {@code prevent_initial_callbacks=True}. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"CLIENTSIDE_CONTENT_GLOBAL", "GLOBAL"})
  void cbpi003_preventInitialCallWithMultiOutputCallbacks_appWideDefault(Flavor flavor) {
    multiOutputs(flavor);
  }

  private static void multiOutputs(Flavor flavor) {
    open("cbpi003/" + flavor, () -> multiOutputsApp(flavor));
    browser.waitForText("#g", "F");
    browser.waitForText("#f", "F");
    browser.waitForText("#e", "E");
    browser.waitForText("#d", "D");
    browser.waitForText("#c", "C");
    browser.waitForText("#b", "B");
    browser.waitForText("#a", "A");

    browser.click("#btn");

    browser.waitForText("#g", "Blue");
    browser.waitForText("#f", "Blue");
    browser.waitForText("#e", "Blue");
    browser.waitForText("#d", "BlueCheese");
    browser.waitForText("#c", "BlueCheese");
    browser.waitForText("#b", "Cheese");
    browser.waitForText("#a", "Blue");
  }

  static DashApp positionalArgApp() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(div(button("click").id("btn"), div().id("out")));
    app.callback(Output.of("out", Html.Div.CHILDREN), Input.of("btn", Html.Button.N_CLICKS), n -> {
      positionalArgCalls.incrementAndGet();
      return n;
    }).preventInitialCall(true);
    return app;
  }

  /**
   * test_cbpi004_positional_arg: Dash accepts {@code True} as a positional argument after the dependencies; Java
   * has the one spelling {@code preventInitialCall(true)}, so this checks the behaviour: nothing at load, the click
   * count afterwards.
   */
  @Test
  void cbpi004_preventedCallbackRunsOnlyOnClick() {
    positionalArgCalls.set(0);
    open("cbpi004", PreventInitialIT::positionalArgApp);
    browser.waitForNoPendingCallbacks();
    browser.waitForText("#out", "");
    // an initial call would also show "" (n_clicks is None), so the count tells whether it was prevented
    assertThat(positionalArgCalls.get()).isZero();

    browser.click("#btn");

    browser.waitForText("#out", "1");
    assertThat(positionalArgCalls.get()).isEqualTo(1);
  }
}
