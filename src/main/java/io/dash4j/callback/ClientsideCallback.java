package io.dash4j.callback;

import java.util.List;
import java.util.Objects;

/**
 * A callback that runs in the browser (Dash's {@code clientside_callback}): either inline JavaScript, which the index
 * page defines, or a function {@code window.dash_clientside[namespace][function]} from a script in {@code assets/}.
 * The server never runs it; it only announces it in {@code _dash-dependencies}.
 *
 * <pre>{@code
 * app.clientsideCallback("function(n) { return 'clicked ' + n; }",
 *     Output.of("out", Html.Div.CHILDREN), Input.of("btn", Html.Button.N_CLICKS));
 * app.clientsideCallback(ClientsideCallback.function("ui", "double"), Output.of(...), Input.of(...));
 * }</pre>
 */
public final class ClientsideCallback {
  /** Where the renderer finds a function: {@code window.dash_clientside[namespace][name]}. */
  public record Function(String namespace, String name) {
    /** Checks the names Dash reserves. */
    public Function {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      if (namespace.startsWith("_dashprivate_") || namespace.equals("PreventUpdate")
          || namespace.equals("no_update")) {
        throw new IllegalArgumentException("namespace '" + namespace + "' is reserved by Dash");
      }
    }
  }

  private final List<Output<?>> outputs;
  private final boolean multiOutput;
  private final List<Argument<?>> arguments;
  private final Function function;
  private final String inlineSource;
  private final String callSite;
  private Boolean preventInitialCall; // null: the app's default

  /**
   * A clientside callback; {@code DashApp.clientsideCallback(...)} is the friendly way to make one.
   *
   * @param function the function to call, or null when {@code inlineSource} is given
   * @param inlineSource JavaScript source of a function, or null
   */
  public ClientsideCallback(List<Output<?>> outputs, boolean multiOutput, List<Argument<?>> arguments,
      Function function, String inlineSource, String callSite) {
    if ((function == null) == (inlineSource == null)) {
      throw new IllegalArgumentException("a clientside callback is either inline JavaScript or a named function");
    }
    this.outputs = List.copyOf(outputs);
    this.multiOutput = multiOutput;
    this.arguments = List.copyOf(arguments);
    this.function = function;
    this.inlineSource = inlineSource;
    this.callSite = callSite;
  }

  /** A function defined by a script of the app, e.g. in {@code assets/}. */
  public static Function function(String namespace, String name) {
    return new Function(namespace, name);
  }

  /** Skips the call the renderer makes when the page loads. */
  public ClientsideCallback preventInitialCall(boolean prevent) {
    this.preventInitialCall = prevent;
    return this;
  }

  /** The outputs. */
  public List<Output<?>> outputs() {
    return outputs;
  }

  /** Whether the function returns an array with one value per output. */
  public boolean multiOutput() {
    return multiOutput;
  }

  /** The inputs, in declaration order. */
  public List<Input<?>> inputs() {
    return Argument.inputsOf(arguments);
  }

  /** The states, in declaration order. */
  public List<State<?>> states() {
    return Argument.statesOf(arguments);
  }

  /** The named function, or null for inline JavaScript. */
  public Function function() {
    return function;
  }

  /** The inline JavaScript source, or null. */
  public String inlineSource() {
    return inlineSource;
  }

  /** Where the callback was declared. */
  public String callSite() {
    return callSite;
  }

  /** Whether the initial call is skipped, given the app's default for callbacks that say nothing. */
  public boolean preventsInitialCall(boolean appDefault) {
    return preventInitialCall == null ? appDefault : preventInitialCall;
  }
}
