package io.dash4j.websocket;

/**
 * Thrown into a socket callback that pushes to, or waits on, a page that has gone away. A callback
 * that lets it escape simply ends: nobody is left to answer.
 */
public final class PageGone extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** For the page with this renderer id. */
  public PageGone(String rendererId) {
    super("the page " + rendererId + " is gone", null, false, false);
  }
}
