package io.dash4j.runtime.http;

import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.model.CallbackSpec;
import io.dash4j.model.ModelAccess;
import io.dash4j.runtime.exec.CallbackInvoker;
import io.dash4j.runtime.exec.ErrorPages;
import io.dash4j.testing.LogRecords;
import io.dash4j.testing.ServedApp;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a failing callback called over HTTP tells its author: the warning names the callback by its
 * outputs (or, with none, by its inputs and where it was declared), and {@code getProps} says why
 * it cannot ask the page.
 */
class CallbackFailureMessagesIT {
  static CallbackSpec withoutOutput;

  @RegisterExtension static final ServedApp server = ServedApp.of(CallbackFailureMessagesIT::app);

  static DashApp app() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(div().id("socket-out"), div().id("http-out")));
    app.callback(
        Output.of("socket-out", Html.CHILDREN),
        Input.of("socket-in", Dcc.DccInput.VALUE),
        value -> CallbackContext.current().getProp("socket-in", "value"),
        options -> options.websocket(true));
    app.callback(
        Output.of("http-out", Html.CHILDREN),
        Input.of("http-in", Dcc.DccInput.VALUE),
        value -> CallbackContext.current().getProp("http-in", "value"));
    app.callbackWithoutOutput(
        Input.of("quiet-in", Dcc.DccInput.VALUE),
        value -> {
          throw new IllegalStateException("no output, still named");
        });
    withoutOutput = ModelAccess.of(app).callbacks().get(2);
    return app;
  }

  @Test
  void getPropsInASocketCallbackCalledOverHttpSaysThePageHasNoSocket() {
    LogRecord warning = failure("socket-out.children", "socket-out", "socket-in");

    assertThat(warning.getMessage()).isEqualTo("callback socket-out.children failed");
    assertThat(warning.getThrown())
        .hasMessage(
            "this call came over HTTP: the page has no socket (no SharedWorker), "
                + "so getProps cannot ask it; read the value with a State");
  }

  @Test
  void getPropsInAnHttpCallbackStillSaysToMarkItWebsocket() {
    LogRecord warning = failure("http-out.children", "http-out", "http-in");

    assertThat(warning.getMessage()).isEqualTo("callback http-out.children failed");
    assertThat(warning.getThrown().getMessage()).contains("mark the callback websocket(true)");
  }

  @Test
  void aFailingCallbackWithoutOutputsIsNamedByItsInputsAndDeclarationNotByAHash() {
    LogRecord warning = failure(withoutOutput.outputKey(), null, "quiet-in");

    assertThat(warning.getMessage())
        .isEqualTo("callback on quiet-in.value at " + withoutOutput.callSite() + " failed")
        .contains(CallbackFailureMessagesIT.class.getName() + ":");
    assertThat(warning.getThrown()).hasMessage("no output, still named");
  }

  /**
   * Calls the callback with {@code outputKey} over HTTP and returns the one warning its failure
   * logged.
   */
  private static LogRecord failure(String outputKey, String outputId, String inputId) {
    String outputs =
        outputId == null
            ? ""
            : """
        "outputs": {"id": "%s", "property": "children"},"""
                .formatted(outputId);
    String body =
        """
        {"output": "%s", %s "inputs": [{"id": "%s", "property": "value", "value": "x"}],
         "changedPropIds": ["%s.value"]}"""
            .formatted(outputKey, outputs, inputId, inputId);
    // the tests' logging.properties keeps callback failures that tests provoke on purpose out of
    // the console
    try (var log = LogRecords.capture().lower(CallbackInvoker.class.getName(), Level.WARNING)) {
      var response = server.http().postJson("_dash-update-component", body);

      assertThat(response.statusCode()).as("body: %s", response.body()).isEqualTo(500);
      assertThat(response.body()).isEqualTo(ErrorPages.INTERNAL_ERROR);
      var warnings = log.from(CallbackInvoker.class.getName());
      assertThat(LogRecords.describe(warnings)).hasSize(1);
      return warnings.get(0);
    }
  }
}
