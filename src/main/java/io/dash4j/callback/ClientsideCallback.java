package io.dash4j.callback;

import java.util.Objects;

/**
 * The browser side of a clientside callback (Dash's {@code clientside_callback}): inline
 * JavaScript, which the index page defines, or a function {@code
 * window.dash_clientside[namespace][name]} from a script in {@code assets/}; and whether the
 * page-load call is skipped. An immutable value: {@link #preventInitialCall(boolean)} returns a
 * copy. The server never runs it; it only announces it in {@code _dash-dependencies}.
 *
 * <pre>{@code
 * app.clientsideCallback("function(n) { return 'clicked ' + n; }",
 *     Output.of("out", Html.Div.CHILDREN), Input.of("btn", Html.Button.N_CLICKS));
 * app.clientsideCallback(ClientsideCallback.function("ui", "double"), Output.of(...), Input.of(...));
 * app.clientsideCallback(ClientsideCallback.inline("function(n) { ... }").preventInitialCall(true), ...);
 * }</pre>
 *
 * @param function the function to call, or null for inline JavaScript
 * @param inlineSource JavaScript source of a function, or null
 * @param preventInitialCall whether the page-load call is skipped; null: the app's default
 */
public record ClientsideCallback(
    Function function, String inlineSource, Boolean preventInitialCall) {
  /** Where the renderer finds a function: {@code window.dash_clientside[namespace][name]}. */
  public record Function(String namespace, String name) {
    /** Checks the names Dash reserves. */
    public Function {
      Objects.requireNonNull(namespace, "namespace");
      Objects.requireNonNull(name, "name");
      if (namespace.startsWith("_dashprivate_")
          || namespace.equals("PreventUpdate")
          || namespace.equals("no_update")) {
        throw new IllegalArgumentException("namespace '" + namespace + "' is reserved by Dash");
      }
    }
  }

  /** Exactly one of a function and inline source. */
  public ClientsideCallback {
    if ((function == null) == (inlineSource == null)) {
      throw new IllegalArgumentException(
          "a clientside callback is either inline JavaScript or a named function");
    }
  }

  /** A function defined by a script of the app, e.g. in {@code assets/}. */
  public static Function function(String namespace, String name) {
    return new Function(namespace, name);
  }

  /**
   * Inline JavaScript: the source of one function, given outputs' current values first, then the
   * arguments.
   */
  public static ClientsideCallback inline(String javascript) {
    return new ClientsideCallback(null, Objects.requireNonNull(javascript, "javascript"), null);
  }

  /** A named function of {@code window.dash_clientside}. */
  public static ClientsideCallback of(Function function) {
    return new ClientsideCallback(Objects.requireNonNull(function, "function"), null, null);
  }

  /** This callback with its page-load call skipped or not. */
  public ClientsideCallback preventInitialCall(boolean prevent) {
    return new ClientsideCallback(function, inlineSource, prevent);
  }

  /**
   * Whether the initial call is skipped, given the app's default for callbacks that say nothing.
   */
  public boolean preventsInitialCall(boolean appDefault) {
    return preventInitialCall == null ? appDefault : preventInitialCall;
  }
}
