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
 * The point of typed components: javac rejects a callback whose types do not match its props, and a setter given
 * the wrong type. Each case compiles a small app with the JDK's compiler against the real classes; a correct twin
 * of every broken snippet must compile, so the test cannot pass by failing for another reason.
 */
class TypedPropsCompileTest {
  @TempDir Path out;

  private static final String IMPORTS = """
      import io.dash4j.Dash;
      import io.dash4j.callback.*;
      import io.dash4j.components.*;
      import java.util.*;
      """;

  @Test
  void aCorrectlyTypedCallbackCompiles() throws IOException {
    assertThat(compile("app.callback(Output.of(\"chart\", Dcc.Graph.FIGURE), Input.of(\"n\", Dcc.Slider.VALUE),"
        + " n -> Map.of(\"data\", List.of()));")).isEmpty();
    assertThat(compile("app.callback(Output.of(\"t\", Html.Div.CHILDREN), Input.of(\"b\", Html.Button.N_CLICKS),"
        + " (Integer clicks) -> \"clicked \" + clicks);")).isEmpty();
    assertThat(compile("Dcc.slider(\"s\").min(1).max(10).value(3);")).isEmpty();
  }

  @Test
  void aCallbackReturningTheWrongTypeForItsOutputDoesNotCompile() throws IOException {
    // Graph.FIGURE is a Map: a String is not a figure
    assertThat(compile("app.callback(Output.of(\"chart\", Dcc.Graph.FIGURE), Input.of(\"n\", Dcc.Slider.VALUE),"
        + " n -> \"not a figure\");")).anySatisfy(error -> assertThat(error).contains("incompatible types"));
  }

  @Test
  void aCallbackTakingTheWrongTypeForItsInputDoesNotCompile() throws IOException {
    // n_clicks is an Integer, not a String
    assertThat(compile("app.callback(Output.of(\"t\", Html.Div.CHILDREN), Input.of(\"b\", Html.Button.N_CLICKS),"
        + " (String clicks) -> clicks);"))
        .anySatisfy(error -> assertThat(error).contains("no suitable method found for callback")
            // the one-input overload is refused for the input's type: Integer wanted, String given
            .containsPattern("incompatible bounds\\s+equality constraints: java.lang.Integer\\s+"
                + "lower bounds: java.lang.String"));
  }

  @Test
  void aSetterGivenTheWrongTypeDoesNotCompile() throws IOException {
    // Slider.min is a number
    assertThat(compile("Dcc.slider(\"s\").min(\"one\");"))
        .anySatisfy(error -> assertThat(error).contains("String cannot be converted to java.lang.Number"));
  }

  /** Compiles one statement inside a method that has {@code app}; returns the error messages. */
  private List<String> compile(String statement) throws IOException {
    String source = IMPORTS + "class Snippet { void run() { var app = Dash.create(); " + statement + " } }";
    var file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    var compiler = ToolProvider.getSystemJavaCompiler();
    var diagnostics = new DiagnosticCollector<JavaFileObject>();
    Files.createDirectories(out);
    var options = List.of("-classpath", System.getProperty("java.class.path"), "-d", out.toString(),
        "-proc:none", "-Xlint:none");
    compiler.getTask(null, null, diagnostics, options, null, List.of(file)).call();
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }
}
