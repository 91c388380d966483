package io.dash4j.runtime.launch;

import io.dash4j.DashApp;
import io.dash4j.DashRuntime;
import io.dash4j.RunningApp;

/**
 * dash4j's runtime on Vert.x, as {@code DashApp.run()} finds it ({@code
 * META-INF/services/io.dash4j.DashRuntime}).
 */
public final class VertxRuntime implements DashRuntime {
  /** Made by {@link java.util.ServiceLoader}. */
  public VertxRuntime() {}

  @Override
  public RunningApp start(DashApp app) {
    return DashServer.start(app);
  }
}
