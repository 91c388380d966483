package io.dash4j.model;

import io.dash4j.callback.Argument;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Output;
import io.dash4j.protocol.CallbackKeys;
import java.util.List;
import java.util.Map;

/**
 * A callback the browser runs: the server only announces it and, for inline JavaScript, defines it
 * in the index.
 */
public final class ClientsideCallbackSpec extends CallbackSpec {
  private final ClientsideCallback browserSide;

  /** A clientside callback declared at {@code callSite}. */
  public ClientsideCallbackSpec(
      ClientsideCallback browserSide,
      List<Output<?>> outputs,
      boolean multiOutput,
      List<Argument<?>> arguments,
      String callSite) {
    super(outputs, multiOutput, arguments, callSite);
    this.browserSide = browserSide;
  }

  /** The function or inline source, and whether the page-load call is skipped. */
  public ClientsideCallback browserSide() {
    return browserSide;
  }

  /**
   * The name the index page defines inline JavaScript under (the SHA-256 of its source), or null.
   */
  public String inlineFunctionName() {
    return browserSide.inlineSource() == null
        ? null
        : CallbackKeys.inlineFunctionName(browserSide.inlineSource());
  }

  @Override
  void describeTo(Map<String, Object> entry, AppDefaults defaults) {
    var function = browserSide.function();
    entry.put(
        "clientside_function",
        function != null
            ? Map.of("namespace", function.namespace(), "function_name", function.name())
            : Map.of(
                "namespace", CallbackKeys.INLINE_NAMESPACE, "function_name", inlineFunctionName()));
    entry.put(
        "prevent_initial_call",
        browserSide.preventsInitialCall(defaults.preventInitialCallbacks()));
  }
}
