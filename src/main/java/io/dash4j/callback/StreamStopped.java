package io.dash4j.callback;

/**
 * Thrown into a stream that pushes after it was stopped (cancelled, replaced by a new run, or its
 * page gone). A stream that lets it escape simply ends; nothing reaches the page.
 */
public final class StreamStopped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StreamStopped() {
    super("the stream was stopped", null, false, false);
  }
}
