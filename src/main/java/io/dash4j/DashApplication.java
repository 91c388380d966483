package io.dash4j;

/**
 * An app the launcher can start: the class named by {@code "app"} in {@code conf/config.json}. It
 * needs a public no-argument constructor. The launcher applies the JSON config's server settings on
 * top of the app's own.
 */
@FunctionalInterface
public interface DashApplication {
  /** Builds the app: its config, layout and callbacks. */
  DashApp create();
}
