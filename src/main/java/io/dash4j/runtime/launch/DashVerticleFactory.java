package io.dash4j.runtime.launch;

import io.vertx.core.Deployable;
import io.vertx.core.Promise;
import io.vertx.core.spi.VerticleFactory;
import java.util.concurrent.Callable;

/**
 * Deploys {@code dash4j:<app class>} as a {@link DashVerticle} serving that {@link
 * io.dash4j.DashApplication}, so that Vert.x's own command line runs a dash4j app by name: {@code
 * vertx run dash4j:com.example.App -conf conf/config.json -cluster}. Vert.x finds it through {@code
 * META-INF/services/io.vertx.core.spi.VerticleFactory}. The config's {@code "app"} may then be left
 * out; given, it must name the same class.
 */
public final class DashVerticleFactory implements VerticleFactory {
  /** The verticle-name prefix this factory serves: {@code dash4j:com.example.App}. */
  public static final String PREFIX = "dash4j";

  /** Created by Vert.x's service loader. */
  public DashVerticleFactory() {}

  @Override
  public String prefix() {
    return PREFIX;
  }

  /**
   * Checks the app class as the launcher's config check does (it exists in {@code classLoader}, the
   * deployment's, is a DashApplication and has a public no-argument constructor), without running
   * any of its code; a bad name fails the deployment with that one line.
   */
  @Override
  public void createVerticle2(
      String verticleName,
      ClassLoader classLoader,
      Promise<Callable<? extends Deployable>> promise) {
    VerticleFactory copy = copyIn(classLoader);
    if (copy != null) {
      copy.createVerticle2(verticleName, classLoader, promise);
      return;
    }
    String className = verticleName.substring(PREFIX.length() + 1);
    Class<?> app;
    try {
      if (className.isBlank()) {
        throw new ServerSettings.InvalidConfig(
            "verticle " + verticleName + " names no app: give " + PREFIX + ":<app class>");
      }
      app = ServerSettings.appClass(className, classLoader);
    } catch (ServerSettings.InvalidConfig e) {
      promise.fail(e);
      return;
    }
    promise.complete(() -> DashVerticle.serving(app));
  }

  /**
   * The deployment's own copy of dash4j's factory, when {@code classLoader} holds one apart from
   * this: Vert.x's CLI opens {@code run -cp} in two class loaders, one that Vert.x (and so this
   * factory) starts in and one for the deployment, so with dash4j.jar on {@code -cp} the app
   * implements the second copy's DashApplication, and that copy serves it. {@code null} when the
   * deployment sees this very class (or none).
   */
  private static VerticleFactory copyIn(ClassLoader classLoader) {
    Class<?> type;
    try {
      type = Class.forName(DashVerticleFactory.class.getName(), false, classLoader);
    } catch (ClassNotFoundException e) {
      return null; // then the app class is not found either, and the check says so
    }
    if (type == DashVerticleFactory.class) {
      return null;
    }
    try {
      return (VerticleFactory) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create the deployment's " + type.getName(), e);
    }
  }
}
