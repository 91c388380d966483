package io.dash4j;

/**
 * What serves an app: {@link DashApp#run()} finds one with {@link java.util.ServiceLoader}, so the
 * app API never imports the runtime. dash4j's own is on Vert.x ({@code io.dash4j.runtime}); apps do
 * not implement this.
 */
public interface DashRuntime {
  /**
   * Starts serving {@code app} and returns once it listens.
   *
   * @throws IllegalStateException when the server cannot start (the port is taken, the layout
   *     fails, ...)
   */
  RunningApp start(DashApp app);
}
