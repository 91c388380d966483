package io.dash4j.components;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The point of typed components: javac rejects a callback whose types do not match its props, and a
 * setter given the wrong type. Each case compiles a small app with the JDK's compiler against the
 * real classes; a correct twin of every broken snippet must compile, so the test cannot pass by
 * failing for another reason.
 */
class TypedPropsCompileTest {
  @TempDir Path out;

  private static final String IMPORTS =
      """
      import io.dash4j.Dash;
      import io.dash4j.callback.*;
      import io.dash4j.components.*;
      import java.util.*;
      """;

  @Test
  void aCorrectlyTypedCallbackCompiles() throws IOException {
    assertThat(
            compile(
                "app.callback(Output.of(\"chart\", Dcc.Graph.FIGURE), Input.of(\"n\", Dcc.Slider.VALUE),"
                    + " n -> Map.of(\"data\", List.of()));"))
        .isEmpty();
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.Div.CHILDREN), Input.of(\"b\", Html.Button.N_CLICKS),"
                    + " (Integer clicks) -> \"clicked \" + clicks);"))
        .isEmpty();
    assertThat(compile("Dcc.slider(\"s\").min(1).max(10).value(3);")).isEmpty();
  }

  @Test
  void aCallbackReturningTheWrongTypeForItsOutputDoesNotCompile() throws IOException {
    // Graph.FIGURE is a Map: a String is not a figure
    assertThat(
            compile(
                "app.callback(Output.of(\"chart\", Dcc.Graph.FIGURE), Input.of(\"n\", Dcc.Slider.VALUE),"
                    + " n -> \"not a figure\");"))
        .anySatisfy(error -> assertThat(error).contains("incompatible types"));
  }

  @Test
  void aCallbackTakingTheWrongTypeForItsInputDoesNotCompile() throws IOException {
    // n_clicks is an Integer, not a String
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.Div.CHILDREN), Input.of(\"b\", Html.Button.N_CLICKS),"
                    + " (String clicks) -> clicks);"))
        .anySatisfy(
            error ->
                assertThat(error)
                    .contains("no suitable method found for callback")
                    // the one-input overload is refused for the input's type: Integer wanted,
                    // String given
                    .containsPattern(
                        "incompatible bounds\\s+equality constraints: java.lang.Integer\\s+"
                            + "lower bounds: java.lang.String"));
  }

  @Test
  void aSetterGivenTheWrongTypeDoesNotCompile() throws IOException {
    // Slider.min is a number
    assertThat(compile("Dcc.slider(\"s\").min(\"one\");"))
        .anySatisfy(
            error -> assertThat(error).contains("String cannot be converted to java.lang.Number"));
  }

  // Union props read as what the app means, without casts.

  @Test
  void unionPropsHaveTypedViews() throws IOException {
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.Div.CHILDREN), Input.of(\"n\", Dcc.DccInput.VALUE.asNumber()),"
                    + " n -> n.doubleValue() * 2);"))
        .isEmpty();
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.Div.CHILDREN), Input.of(\"d\", Dcc.Dropdown.VALUE.asString()),"
                    + " region -> region.toUpperCase());"))
        .isEmpty();
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.Div.CHILDREN),"
                    + " Input.of(\"d\", Dcc.Dropdown.VALUE.asStringList()), regions -> String.join(\", \", regions));"))
        .isEmpty();
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.Div.CHILDREN), Input.of(\"rolls\", Html.Div.CHILDREN.asNumber()),"
                    + " rolls -> rolls.intValue() + 1);"))
        .isEmpty();
  }

  @Test
  void aMultiDropdownViewIsAListNotOneText() throws IOException {
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.P.TITLE), Input.of(\"d\", Dcc.Dropdown.VALUE.asStringList()),"
                    + " (String region) -> region);"))
        .anySatisfy(
            error ->
                assertThat(error)
                    .contains("equality constraints: java.util.List<java.lang.String>"));
  }

  @Test
  void tableRowsAreMapsByColumnId() throws IOException {
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.Div.CHILDREN), Input.of(\"sales\", DashTable.DataTable.DATA),"
                    + " rows -> rows.stream().mapToInt(row -> row.get(\"units\").hashCode()).sum());"))
        .isEmpty();
    assertThat(
            compile(
                "app.callback(Output.of(\"sales\", DashTable.DataTable.DATA), Input.of(\"b\", Html.Button.N_CLICKS),"
                    + " n -> List.of(Map.of(\"region\", \"North\", \"units\", n)));"))
        .isEmpty();
    // a row's cell is any JSON value: a String method needs the app to say what it expects
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.Div.CHILDREN), Input.of(\"sales\", DashTable.DataTable.DATA),"
                    + " rows -> rows.get(0).get(\"region\").length());"))
        .anySatisfy(error -> assertThat(error).contains("cannot find symbol").contains("length()"));
  }

  // Multi-output callbacks typed per output.

  @Test
  void aMultiOutputCallbackReturnsOneTypedValuePerOutput() throws IOException {
    assertThat(
            compile(TWO_OUTPUTS + " n -> Results.of(\"n = \" + n, Map.of(\"data\", List.of())));"))
        .isEmpty();
    assertThat(
            compile(
                "app.callback(Outputs.of(Output.of(\"a\", Dcc.Slider.VALUE), Output.of(\"b\", Html.P.TITLE),"
                    + " Output.of(\"c\", Html.Button.N_CLICKS)), Input.of(\"n\", Dcc.Slider.VALUE), State.of(\"t\", Html.P.TITLE),"
                    + " (n, t) -> Results.of(n, t + n, 0));"))
        .isEmpty();
  }

  @Test
  void aMultiOutputValueOfTheWrongTypeDoesNotCompile() throws IOException {
    assertThat(compile(TWO_OUTPUTS + " n -> Results.of(\"n = \" + n, \"not a figure\"));"))
        .anySatisfy(
            error ->
                assertThat(error)
                    .contains(
                        "equality constraints: java.util.Map<java.lang.String,"
                            + "java.lang.Object>")
                    .contains("lower bounds: java.lang.String"));
  }

  @Test
  void aMultiOutputCallbackReturningTheWrongNumberOfValuesDoesNotCompile() throws IOException {
    assertThat(compile(TWO_OUTPUTS + " n -> Results.of(\"a\", Map.of(), \"c\"));"))
        .anySatisfy(error -> assertThat(error).contains("Result2<").contains("Result3<"));
  }

  @Test
  void theUntypedListFormStaysForAListOfOutputs() throws IOException {
    assertThat(
            compile(
                "app.callback(Outputs.of(List.of(Output.of(\"a\", Html.Div.CHILDREN), Output.of(\"b\", \"title\"))),"
                    + " Input.of(\"n\", Dcc.Slider.VALUE), n -> Outputs.values(n, NoUpdate.NO_UPDATE));"))
        .isEmpty();
    // typed outputs take typed results, not the untyped list
    assertThat(compile(TWO_OUTPUTS + " n -> Outputs.values(\"a\", Map.of()));"))
        .anySatisfy(
            error -> assertThat(error).contains("lower bounds: java.util.List<java.lang.Object>"));
  }

  // no_update and Patch on typed outputs, free of the cast javac puts on a lambda's return.

  @Test
  void anOutputDeclaredOrNoUpdateTakesAValueNoUpdateOrAPatch() throws IOException {
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.P.TITLE).orNoUpdate(), Input.of(\"b\", Html.Button.N_CLICKS),"
                    + " n -> n == null ? Update.noUpdate() : Update.of(\"clicked \" + n));"))
        .isEmpty();
    assertThat(
            compile(
                "app.callback(Output.of(\"c\", Dcc.Checklist.VALUE).orNoUpdate(), Input.of(\"b\", Html.Button.N_CLICKS),"
                    + " n -> Update.patch(Patch.create().append(\"item \" + n)));"))
        .isEmpty();
    assertThat(
            compile(
                "app.callback(Outputs.of(Output.of(\"t\", Html.P.TITLE).orNoUpdate(), Output.of(\"c\", Dcc.Graph.FIGURE)),"
                    + " Input.of(\"b\", Html.Button.N_CLICKS), n -> Results.of(Update.noUpdate(), Map.of()));"))
        .isEmpty();
  }

  @Test
  void aPlainValueForAnOrNoUpdateOutputDoesNotCompile() throws IOException {
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.P.TITLE).orNoUpdate(), Input.of(\"b\", Html.Button.N_CLICKS),"
                    + " n -> \"clicked\");"))
        .anySatisfy(
            error ->
                assertThat(error)
                    .contains("equality constraints: io.dash4j.callback.Update<java.lang.String>")
                    .contains("lower bounds: java.lang.String"));
  }

  @Test
  void noUpdateForAnOutputNotDeclaredOrNoUpdateDoesNotCompile() throws IOException {
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.P.TITLE), Input.of(\"b\", Html.Button.N_CLICKS),"
                    + " n -> Update.noUpdate());"))
        .anySatisfy(
            error -> assertThat(error).contains("lower bounds: io.dash4j.callback.Update<"));
  }

  @Test
  void anUpdateOfTheWrongTypeDoesNotCompile() throws IOException {
    assertThat(
            compile(
                "app.callback(Output.of(\"t\", Html.Button.N_CLICKS).orNoUpdate(), Input.of(\"b\", Html.Button.N_CLICKS),"
                    + " n -> Update.of(\"three\"));"))
        .anySatisfy(
            error ->
                assertThat(error)
                    .contains("equality constraints: java.lang.Integer")
                    .contains("lower bounds: java.lang.String"));
  }

  // setProps, typed.

  @Test
  void setPropIsTypedByTheProp() throws IOException {
    assertThat(
            compile(
                "app.callbackWithoutOutput(Input.of(\"b\", Html.Button.N_CLICKS), n -> CallbackContext.current()"
                    + ".setProp(Html.Div.CHILDREN.of(\"clock\"), \"12:00\"));"))
        .isEmpty();
    assertThat(
            compile(
                "app.callbackWithoutOutput(Input.of(\"b\", Html.Button.N_CLICKS), n -> CallbackContext.current()"
                    + ".setProp(Html.Button.N_CLICKS.of(\"b\"), \"three\"));"))
        .anySatisfy(
            error ->
                assertThat(error)
                    .contains("method setProp in class io.dash4j.callback.CallbackContext")
                    .contains("lower bounds: java.lang.String"));
  }

  // The static imports an app writes, together with the callback classes.

  @Test
  void bothFacadesImportStaticallyBesideTheCallbackClasses() throws IOException {
    String imports =
        """
        import static io.dash4j.components.Dcc.*;
        import static io.dash4j.components.Html.*;
        import io.dash4j.Dash;
        import io.dash4j.callback.*;
        import java.util.*;
        """;
    assertThat(
            compile(
                imports,
                """
        app.layout(div(input("name"), dropdown("region"), button("Go").id("go"), dccButton("Count").id("count"),
            link("Home").href("/"), htmlLink().href("/style.css"), textarea("notes"), output(), div().id("out")));
        app.callback(Output.of("out", Div.CHILDREN), Input.of("go", Button.N_CLICKS),
            State.of("name", DccInput.VALUE.asString()), State.of("region", Dropdown.VALUE.asString()),
            (clicks, name, region) -> name + " in " + region);
        """))
        .isEmpty();
  }

  private static final String TWO_OUTPUTS =
      "app.callback(Outputs.of(Output.of(\"t\", Html.Div.CHILDREN),"
          + " Output.of(\"c\", Dcc.Graph.FIGURE)), Input.of(\"n\", Dcc.Slider.VALUE),";

  /** Compiles one statement inside a method that has {@code app}; returns the error messages. */
  private List<String> compile(String statement) throws IOException {
    return compile(IMPORTS, statement);
  }

  /**
   * Compiles statements with these imports inside a method that has {@code app}; returns the error
   * messages.
   */
  private List<String> compile(String imports, String statement) throws IOException {
    String source =
        imports + "class Snippet { void run() { var app = Dash.create(); " + statement + " } }";
    var file =
        new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
          @Override
          public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return source;
          }
        };
    var compiler = ToolProvider.getSystemJavaCompiler();
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    Files.createDirectories(out);
    var options =
        List.of(
            "-classpath",
            System.getProperty("java.class.path"),
            "-d",
            out.toString(),
            "-proc:none",
            "-Xlint:none");
    compiler.getTask(null, null, diagnostics, options, null, List.of(file)).call();
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }
}
