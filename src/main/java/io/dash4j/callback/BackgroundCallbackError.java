package io.dash4j.callback;

/**
 * What a background callback's error handler gets, and what the dev tools show, when its job failed
 * (Dash's {@code BackgroundCallbackError}): the message says so, the cause is what the job threw.
 */
public final class BackgroundCallbackError extends Exception {
  private static final long serialVersionUID = 1L;

  /** The prefix of every message, as Dash words it. */
  public static final String PREFIX = "An error occurred inside a background callback: ";

  /** An error wrapping {@code cause}, with its message after {@link #PREFIX}. */
  public BackgroundCallbackError(Throwable cause) {
    super(PREFIX + (cause.getMessage() != null ? cause.getMessage() : cause.toString()), cause);
  }

  /** An error known only by its message (a job whose worker died, or one read back from store). */
  public BackgroundCallbackError(String message) {
    super(PREFIX + message);
  }
}
