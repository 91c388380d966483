package io.dash4j;

import java.util.function.Consumer;

/** The front door: {@code var app = Dash.create(config -> config.title("Sales"));}. */
public final class Dash {
  /**
   * The Dash version whose front-end protocol dash4j speaks (reported to the renderer's dev tools).
   */
  public static final String PROTOCOL_VERSION = "4.3.0";

  private Dash() {}

  /** A new app with default settings. */
  public static DashApp create() {
    return new DashApp(new DashConfig());
  }

  /** A new app, configured by {@code configure}. */
  public static DashApp create(Consumer<DashConfig> configure) {
    var config = new DashConfig();
    configure.accept(config);
    return new DashApp(config);
  }
}
