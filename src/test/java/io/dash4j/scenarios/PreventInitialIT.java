package io.dash4j.scenarios;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.layout.Wildcard.MATCH;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Argument;
import io.dash4j.callback.CallbackOptions;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Dependency;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.components.Html;
import io.dash4j.layout.Component;
import io.dash4j.runtime.launch.DashServer;
import io.dash4j.testing.Browser;
import io.dash4j.testing.PythonFormat;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dash's {@code tests/integration/callbacks/test_prevent_initial.py}: {@code prevent_initial_call}
 * takes a callback out of the page-load chain, which is not the same as raising {@code
 * PreventUpdate} in it. Dash runs each test in five flavors (server or clientside callbacks, layout
 * given directly or made by a callback, and the app-wide {@code prevent_initial_callbacks=True}
 * default); each flavor's app is started once, on first use, for the class.
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

  /**
   * Runs a test once per flavor that leaves Dash's app-wide {@code prevent_initial_callbacks} off.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"SERVER", "CLIENTSIDE", "CONTENT"})
  @interface FlavorsWithoutAppWideDefault {}

  /** Runs a test once per flavor with Dash's app-wide {@code prevent_initial_callbacks=True}. */
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest(name = "{0}")
  @EnumSource(names = {"CLIENTSIDE_CONTENT_GLOBAL", "GLOBAL"})
  @interface FlavorsWithAppWideDefault {}

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
    browser.openApp(servers.computeIfAbsent(key, k -> DashServer.start(app.get())).url());
  }

  /**
   * Dash's {@code make_app}: the global flavors set the app-wide {@code
   * prevent_initial_callbacks=True}.
   */
  private static DashApp makeApp(Flavor flavor) {
    return Dash.create(config -> config.port(0).debug(true).preventInitialCallbacks(flavor.global));
  }

  /**
   * Dash's {@code content_callback}: the layout as is, or made by a callback on a {@code content}
   * div.
   */
  private static void contentCallback(DashApp app, Flavor flavor, Component layout) {
    if (flavor.content) {
      app.layout(div().id("content"));
      // with the app-wide default on, Dash passes prevent_initial_call=False here so the content
      // still loads
      app.callback(
          Output.of("content", Html.Div.CHILDREN),
          Input.of("content", Html.Div.STYLE),
          style -> layout,
          options -> options.preventInitialCall(false));
    } else {
      app.layout(layout);
    }
  }

  /** Dash's {@code const_callback}: always returns {@code val}. */
  private static void constCallback(
      DashApp app,
      Flavor flavor,
      Object val,
      List<Output<Object>> outputs,
      List<Input<?>> inputs,
      boolean preventInitialCall) {
    callback(
        app,
        flavor,
        outputs,
        inputs,
        preventInitialCall,
        "function() { return " + PythonFormat.jsonDumps(val) + "; }",
        args -> val);
  }

  /** Dash's {@code concat_callback}: the inputs' values as text, joined, into every output. */
  private static void concatCallback(
      DashApp app,
      Flavor flavor,
      List<Output<Object>> outputs,
      List<Input<?>> inputs,
      boolean preventInitialCall) {
    boolean multi = outputs.size() > 1;
    String out =
        multi ? "[" + String.join(",", Collections.nCopies(outputs.size(), "out")) + "]" : "out";
    callback(
        app,
        flavor,
        outputs,
        inputs,
        preventInitialCall,
        """
        function() {
            var out = '';
            for (var i = 0; i < arguments.length; i++) {
                out += String(arguments[i]);
            }
            return %s;
        }"""
            .formatted(out),
        args -> {
          // Python's "".join(str(arg) for arg in args)
          String concat = args.stream().map(PythonFormat::str).collect(Collectors.joining());
          return multi ? Collections.nCopies(outputs.size(), concat) : concat;
        });
  }

  /**
   * What const_callback and concat_callback share: a clientside callback running {@code javascript}
   * in the clientside flavors, else a server callback returning what {@code python} makes of the
   * arguments (a list for several outputs). As Dash, passes prevent_initial_call only where it
   * differs from the app-wide default.
   */
  private static void callback(
      DashApp app,
      Flavor flavor,
      List<Output<Object>> outputs,
      List<Input<?>> inputs,
      boolean preventInitialCall,
      String javascript,
      Function<List<Object>, Object> python) {
    boolean explicit = preventInitialCall != flavor.global;
    if (flavor.clientside) {
      var browserSide = ClientsideCallback.inline(javascript);
      app.clientsideCallback(
          explicit ? browserSide.preventInitialCall(preventInitialCall) : browserSide,
          deps(outputs, inputs));
    } else {
      Consumer<CallbackOptions> options =
          o -> {
            if (explicit) {
              o.preventInitialCall(preventInitialCall);
            }
          };
      if (outputs.size() > 1) {
        app.callback(outputs(outputs), args(inputs), args -> (List<?>) python.apply(args), options);
      } else {
        app.callback(outputs.get(0), args(inputs), python::apply, options);
      }
    }
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

  private static Output<Object> out(Object id) {
    return Output.of(id, Html.Div.CHILDREN);
  }

  private static Input<?> in(Object id) {
    return Input.of(id, Html.Div.CHILDREN);
  }

  static DashApp preventInitialCallApp(Flavor flavor) {
    var app = makeApp(flavor);
    contentCallback(
        app,
        flavor,
        div(
            button("click").id("btn"),
            div("A").id("a"),
            div("B").id("b"),
            div("C").id("c"),
            div("D").id("d"),
            div("E").id("e"),
            div("F").id("f")));
    preventInitialCallCallbacks(app, flavor, id -> id);
    return app;
  }

  /**
   * The callbacks of cbpi001, which cbpi002 registers with pattern-matching ids; {@code ref} names
   * a component.
   */
  private static void preventInitialCallCallbacks(
      DashApp app, Flavor flavor, Function<String, Object> ref) {
    // Prevented, so A only changes after the button is clicked
    constCallback(
        app,
        flavor,
        "Click",
        List.of(out(ref.apply("a"))),
        List.of(Input.of(ref.apply("btn"), Html.Button.N_CLICKS)),
        true);
    // B depends on A and *does* run: prevent_initial_call is not PreventUpdate, the callback of A
    // is treated as if
    // it were never in the initialization chain
    concatCallback(app, flavor, List.of(out(ref.apply("b"))), List.of(in(ref.apply("a"))), false);
    // C is B with prevent_initial_call of its own, so it does not run initially
    concatCallback(app, flavor, List.of(out(ref.apply("c"))), List.of(in(ref.apply("a"))), true);
    app.callback(
        out(ref.apply("d")),
        Input.of(ref.apply("d"), Html.Div.STYLE),
        style -> {
          throw new PreventUpdate();
        });
    // E depends on A (prevent_initial_call) and D (PreventUpdate): the prevent_initial_call means
    // it *will* run
    concatCallback(
        app,
        flavor,
        List.of(out(ref.apply("e"))),
        List.of(in(ref.apply("a")), in(ref.apply("d"))),
        false);
    // F has prevent_initial_call but DOES run during init, because one of its inputs (B) was set by
    // a callback
    concatCallback(
        app,
        flavor,
        List.of(out(ref.apply("f"))),
        List.of(in(ref.apply("a")), in(ref.apply("b")), in(ref.apply("d"))),
        true);
  }

  /**
   * test_cbpi001_prevent_initial_call: a prevented callback is left out of the initial chain, its
   * dependants run unless prevented themselves, and a prevented callback still runs when another
   * initial callback set its input.
   */
  @FlavorsWithoutAppWideDefault
  void cbpi001_preventInitialCallIsNotPreventUpdate(Flavor flavor) {
    preventInitialCall(flavor);
  }

  /**
   * test_cbpi001_prevent_initial_call in the flavors with Dash's app-wide {@code
   * prevent_initial_callbacks=True}.
   */
  @FlavorsWithAppWideDefault
  void cbpi001_preventInitialCallIsNotPreventUpdate_appWideDefault(Flavor flavor) {
    preventInitialCall(flavor);
  }

  private static void preventInitialCall(Flavor flavor) {
    open("cbpi001/" + flavor, () -> preventInitialCallApp(flavor));
    checkPreventInitialCall("#");
  }

  /**
   * cbpi001's checks, which cbpi002 repeats; {@code selector} prefixes a name: "#" for an id, "."
   * for a class.
   */
  private static void checkPreventInitialCall(String selector) {
    // check from the end, to ensure the callbacks are all done
    browser.waitForText(selector + "f", "AAD");
    browser.waitForText(selector + "e", "AD");
    browser.waitForText(selector + "d", "D");
    browser.waitForText(selector + "c", "C");
    browser.waitForText(selector + "b", "A");
    browser.waitForText(selector + "a", "A");

    browser.click(selector + "btn");

    browser.waitForText(selector + "f", "ClickClickD");
    browser.waitForText(selector + "e", "ClickD");
    browser.waitForText(selector + "d", "D");
    browser.waitForText(selector + "c", "Click");
    browser.waitForText(selector + "b", "Click");
    browser.waitForText(selector + "a", "Click");
  }

  private static Map<String, Object> id(String j) {
    return Map.of("i", 0, "j", j);
  }

  private static Map<String, Object> match(String j) {
    return Map.of("i", MATCH, "j", j);
  }

  static DashApp patternMatchingApp(Flavor flavor) {
    var app = makeApp(flavor);
    contentCallback(
        app,
        flavor,
        div(
            button("click").id(id("btn")).className("btn"),
            div("A").id(id("a")).className("a"),
            div("B").id(id("b")).className("b"),
            div("C").id(id("c")).className("c"),
            div("D").id(id("d")).className("d"),
            div("E").id(id("e")).className("e"),
            div("F").id(id("f")).className("f")));

    // a clone of cbpi001, just throwing it through the pattern-matching machinery
    preventInitialCallCallbacks(app, flavor, PreventInitialIT::match);
    return app;
  }

  /** test_cbpi002_pattern_matching: cbpi001 through the pattern-matching machinery (MATCH ids). */
  @FlavorsWithoutAppWideDefault
  void cbpi002_preventInitialCallWithPatternMatchingIds(Flavor flavor) {
    patternMatching(flavor);
  }

  /**
   * test_cbpi002_pattern_matching in the flavors with Dash's app-wide {@code
   * prevent_initial_callbacks=True}.
   */
  @FlavorsWithAppWideDefault
  void cbpi002_preventInitialCallWithPatternMatchingIds_appWideDefault(Flavor flavor) {
    patternMatching(flavor);
  }

  private static void patternMatching(Flavor flavor) {
    open("cbpi002/" + flavor, () -> patternMatchingApp(flavor));
    checkPreventInitialCall(".");
  }

  static DashApp multiOutputsApp(Flavor flavor) {
    var app = makeApp(flavor);
    contentCallback(
        app,
        flavor,
        div(
            button("click").id("btn"),
            div("A").id("a"),
            div("B").id("b"),
            div("C").id("c"),
            div("D").id("d"),
            div("E").id("e"),
            div("F").id("f"),
            div("G").id("g")));

    constCallback(
        app,
        flavor,
        List.of("Blue", "Cheese"),
        List.of(out("a"), out("b")),
        List.of(Input.of("btn", Html.Button.N_CLICKS)),
        true);
    concatCallback(app, flavor, List.of(out("c"), out("d")), List.of(in("a"), in("b")), true);
    concatCallback(app, flavor, List.of(out("e"), out("f")), List.of(in("a")), true);
    // the only one that runs initially
    concatCallback(app, flavor, List.of(out("g")), List.of(in("f")), false);
    return app;
  }

  /**
   * test_cbpi003_multi_outputs: prevented multi-output callbacks stay out of the initial chain;
   * after the click every output and the callback that follows them update.
   */
  @FlavorsWithoutAppWideDefault
  void cbpi003_preventInitialCallWithMultiOutputCallbacks(Flavor flavor) {
    multiOutputs(flavor);
  }

  /**
   * test_cbpi003_multi_outputs in the flavors with Dash's app-wide {@code
   * prevent_initial_callbacks=True}.
   */
  @FlavorsWithAppWideDefault
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
    app.callback(
        Output.of("out", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          positionalArgCalls.incrementAndGet();
          return n;
        },
        options -> options.preventInitialCall(true));
    return app;
  }

  /**
   * test_cbpi004_positional_arg: Dash accepts {@code True} as a positional argument after the
   * dependencies; Java has the one spelling {@code preventInitialCall(true)}, so this checks the
   * behaviour: nothing at load, the click count afterwards.
   */
  @Test
  void cbpi004_preventedCallbackRunsOnlyOnClick() {
    positionalArgCalls.set(0);
    open("cbpi004", PreventInitialIT::positionalArgApp);
    browser.waitForNoPendingCallbacks();
    browser.waitForText("#out", "");
    // an initial call would also show "" (n_clicks is None), so the count tells whether it was
    // prevented
    assertThat(positionalArgCalls.get()).isZero();

    browser.click("#btn");

    browser.waitForText("#out", "1");
    assertThat(positionalArgCalls.get()).isEqualTo(1);
  }
}
