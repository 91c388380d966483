package io.dash4j.runtime.jobs;

/**
 * A page token or job handle that does not verify: the status and short message to answer with
 * ({@code 400 Invalid job handle}, {@code 410 Job handle expired}, {@code 400 Missing page token:
 * reload the page}). Carries no stack trace: it is an answer, not a fault.
 */
public final class HandleRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** A refusal answered with {@code status} and a message safe to send back. */
  public HandleRefused(int status, String publicMessage) {
    super(publicMessage, null, false, false);
    this.status = status;
  }

  /** The HTTP status to answer with. */
  public int status() {
    return status;
  }
}
