package io.dash4j.callback;

/**
 * Thrown by a callback to change nothing at all: no output is updated and no dependent callback
 * fires. The server answers Dash's 204. Like Dash's {@code dash.exceptions.PreventUpdate}, it never
 * reaches an error handler.
 */
public final class PreventUpdate extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the signal. It carries no stack trace: it is control flow, not an error. */
  public PreventUpdate() {
    super("PreventUpdate", null, false, false);
  }
}
