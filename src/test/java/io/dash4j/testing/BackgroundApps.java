package io.dash4j.testing;

import io.dash4j.DashApp;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One app served once per job store for the tests of a class: the server for a store starts when a
 * test first asks for it and stops after the class, so a scenario parameterized over the stores
 * starts each server once. The Redis store gets a redis-server of its own on a free port, started
 * with its app and stopped after the class.
 *
 * <pre>{@code
 * @RegisterExtension static final BackgroundApps apps = BackgroundApps.of(SomeIT::app);
 * @ParameterizedTest @MethodSource("io.dash4j.testing.JobStoreKind#stores")
 * void scenario(JobStoreKind store) { browser.openApp(apps.served(store)); ... }
 * }</pre>
 */
public final class BackgroundApps implements AfterAllCallback {
  /** Builds the app; the job store settings are applied to its config after. */
  @FunctionalInterface
  public interface Factory {
    DashApp create() throws Exception;
  }

  private final Factory factory;
  private final Map<JobStoreKind, ServedApp> served = new EnumMap<>(JobStoreKind.class);
  private RedisServer redis;

  private BackgroundApps(Factory factory) {
    this.factory = factory;
  }

  /** Serves the app {@code factory} builds, once per store asked for. */
  public static BackgroundApps of(Factory factory) {
    return new BackgroundApps(factory);
  }

  /** The app served on {@code store}, started on first use. */
  public synchronized ServedApp served(JobStoreKind store) throws Exception {
    var app = served.get(store);
    if (app == null) {
      app =
          ServedApp.of(
              () -> {
                DashApp created = factory.create();
                created.config().jobs().store(store.store());
                if (store == JobStoreKind.REDIS) {
                  created.config().jobs().redisUrl(redis().url());
                }
                return created;
              });
      app.start();
      served.put(store, app);
    }
    return app;
  }

  /** This instance's redis-server, started on first use. */
  private synchronized RedisServer redis() throws IOException {
    if (redis == null) {
      redis = RedisServer.start();
    }
    return redis;
  }

  @Override
  public synchronized void afterAll(ExtensionContext context) {
    try {
      served.values().forEach(ServedApp::stop);
      served.clear();
    } finally {
      if (redis != null) {
        redis.stop();
        redis = null;
      }
    }
  }
}
