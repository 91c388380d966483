package io.dash4j.testing;

import io.dash4j.DashApp;
import io.dash4j.runtime.launch.DashServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A dash4j app served on a free port for the tests of one class: the server starts before the first
 * test and stops after the last. Register it on a static field; a class may hold several, one per
 * app.
 *
 * <pre>{@code
 * @RegisterExtension static final ServedApp server = ServedApp.of(SomeIT::app);
 * static final Http http = server.http();
 * }</pre>
 *
 * <p>The app is built in {@code beforeAll}, not when the field is initialised, so its factory may
 * use a static {@code @TempDir}: JUnit's own TempDirectory extension is registered ahead of any
 * {@code @RegisterExtension} field and fills static fields in its {@code beforeAll}. JUnit does not
 * promise an order between {@code @RegisterExtension} fields (without {@code @Order}), so a factory
 * must not rely on another extension, e.g. a second server, being up.
 */
public final class ServedApp implements BeforeAllCallback, AfterAllCallback {

  /** Builds the app to serve; it may throw, e.g. when it writes asset files first. */
  @FunctionalInterface
  public interface AppFactory {
    /** Returns a new app; called once per test class, in {@code beforeAll}. */
    DashApp create() throws Exception;
  }

  private final AppFactory factory;
  private final Http http;
  private DashServer server;

  private ServedApp(AppFactory factory) {
    this.factory = factory;
    // Bound to url() rather than to a fixed URL so the client can sit in a static final field
    // before the port exists.
    this.http = Http.to(this::url);
  }

  /**
   * An extension that serves the app {@code factory} builds; register it with
   * {@code @RegisterExtension}.
   */
  public static ServedApp of(AppFactory factory) {
    return new ServedApp(factory);
  }

  /** Builds the app and starts its server, waiting until it listens. */
  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  /** Builds the app and starts its server; for holders that start servers on demand. */
  public void start() throws Exception {
    server = DashServer.start(factory.create());
  }

  /**
   * Stops the server. JUnit calls this even when a {@code beforeAll} failed, so there may be
   * nothing to stop.
   */
  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  /** Stops the server, if it runs. */
  public void stop() {
    if (server != null) {
      try {
        server.close();
      } finally {
        server = null;
      }
    }
  }

  /** The running server. */
  public DashServer server() {
    if (server == null) {
      throw new IllegalStateException(
          "the app is not served: register ServedApp on a static @RegisterExtension field"
              + " and use it from tests, @BeforeEach or later");
    }
    return server;
  }

  /**
   * The app's URL, e.g. {@code http://localhost:41234/} or, under a prefix, {@code
   * http://localhost:41234/app/}.
   */
  public String url() {
    return server().url();
  }

  /** The port the server listens on. */
  public int port() {
    return server().port();
  }

  /**
   * A client for {@link #url()}; it may be taken before the server starts and used once it runs.
   */
  public Http http() {
    return http;
  }
}
