package io.dash4j;

/**
 * A served app, as {@link DashApp#run()} returns it: where it listens, and how to stop it.
 *
 * <pre>{@code
 * try (var running = app.run()) {
 *   System.out.println(running.url());
 * }
 * }</pre>
 */
public interface RunningApp extends AutoCloseable {
  /**
   * The port the server listens on (the one it was given, or the free one it picked for port 0).
   */
  int port();

  /** The app's URL on this machine, e.g. {@code http://localhost:8050/}. */
  String url();

  /** Stops serving and releases what the server holds. */
  @Override
  void close();
}
