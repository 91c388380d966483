package io.dash4j.runtime.launch;

import io.dash4j.DashApp;
import io.dash4j.RunningApp;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A running dash4j server in this JVM, for {@code DashApp.run()}, tests and embedding. Owns its
 * Vert.x instance. {@code app.run()} returns one as a {@link RunningApp}; embedders and tests may
 * start one directly to reach its {@link #vertx()}.
 *
 * <pre>{@code
 * try (var server = DashServer.start(app)) {
 *   System.out.println(server.url());
 * }
 * }</pre>
 */
public final class DashServer implements RunningApp {
  private final Vertx vertx;
  private final DashVerticle verticle;

  private DashServer(Vertx vertx, DashVerticle verticle) {
    this.vertx = vertx;
    this.verticle = verticle;
  }

  /**
   * Starts a server for {@code app} and waits until it listens. Call it from a plain thread (main,
   * a test), not from a Vert.x thread.
   *
   * @throws IllegalStateException when the server cannot start (the port is taken, the layout
   *     fails, ...)
   */
  public static DashServer start(DashApp app) {
    var vertx = Vertx.vertx();
    var verticle = new DashVerticle(app);
    try {
      vertx
          .deployVerticle(verticle)
          .toCompletionStage()
          .toCompletableFuture()
          .get(60, TimeUnit.SECONDS);
      return new DashServer(vertx, verticle);
    } catch (ExecutionException e) {
      vertx.close();
      throw new IllegalStateException(
          "dash4j could not start: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      vertx.close();
      throw new IllegalStateException("dash4j could not start", e);
    }
  }

  /**
   * The Vert.x instance that serves the app: its event bus carries the app's callbacks and pushes,
   * so other verticles and code outside callbacks can join in (see the event-bus contract in the
   * README).
   */
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public int port() {
    return verticle.actualPort();
  }

  @Override
  public String url() {
    return "http://localhost:" + port() + verticle.appConfig().prefix();
  }

  /** Stops the server and its Vert.x instance. */
  @Override
  public void close() {
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("dash4j did not stop cleanly", e);
    }
  }
}
