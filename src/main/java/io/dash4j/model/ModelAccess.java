package io.dash4j.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * How the runtime reaches the {@link AppModel} behind an app without a public getter on the app's
 * type (the JDK's "shared secrets" pattern): {@code DashApp} installs the reader when its class
 * initialises.
 */
public final class ModelAccess {
  private static volatile Function<Object, AppModel> reader;

  private ModelAccess() {}

  /**
   * Installs the reader; {@code DashApp} does, once.
   *
   * @throws IllegalStateException when one is installed already
   */
  public static synchronized void install(Function<Object, AppModel> appReader) {
    if (reader != null) {
      throw new IllegalStateException("the app model reader is installed already");
    }
    reader = Objects.requireNonNull(appReader, "appReader");
  }

  /** The model of an app ({@code io.dash4j.DashApp}). */
  public static AppModel of(Object app) {
    Objects.requireNonNull(app, "app");
    var current = reader;
    if (current == null) {
      throw new IllegalStateException(
          "no app model reader: " + app.getClass().getName() + " is not a DashApp");
    }
    return current.apply(app);
  }
}
