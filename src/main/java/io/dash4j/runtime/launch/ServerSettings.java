package io.dash4j.runtime.launch;

import io.dash4j.DashApp;
import io.dash4j.DashApplication;
import io.dash4j.DashConfig;
import io.vertx.core.VertxException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The launcher's JSON config ({@code conf/config.json}): which app to run and the server settings
 * that override the app's own. Every problem is reported as one line naming the key.
 *
 * <pre>{@code
 * {"app": "io.dash4j.gallery.Gallery", "host": "0.0.0.0", "port": 8050, "prefix": "/", "debug": false}
 * }</pre>
 */
final class ServerSettings {
  private static final Set<String> KEYS =
      Set.of(
          "app",
          "host",
          "port",
          "prefix",
          "requestsPathnamePrefix",
          "debug",
          "title",
          "assetsFolder",
          "callbackTimeoutMillis",
          "maxRequestBytes",
          "workerPoolSize",
          "loopVirtualThreads",
          "websocketMaxCallsPerSocket",
          "websocketMaxCallsPerPage",
          "websocketMaxQueuedBytes",
          "jobs",
          "roles");

  private final JsonObject json;

  /**
   * A bad config: the message is the one line the launcher prints. A {@link VertxException} with
   * neither cause nor stack trace, which Vert.x's own CLI ({@code io.vertx.core.Launcher run}) logs
   * as its message alone when a deployment fails with it.
   */
  static final class InvalidConfig extends VertxException {
    private static final long serialVersionUID = 1L;

    InvalidConfig(String message) {
      super(message, true);
    }
  }

  ServerSettings(JsonObject json) {
    this.json = json == null ? new JsonObject() : json;
    for (String key : this.json.fieldNames()) {
      if (!KEYS.contains(key)) {
        throw new InvalidConfig(
            "unknown config key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
      }
    }
  }

  /**
   * Instantiates the app class: {@code named} when a verticle name gave one ({@code
   * dash4j:<class>}, see {@link DashVerticleFactory}), which the config's {@code "app"}, if
   * present, must name too; otherwise the class named by {@code "app"}.
   */
  DashApp createApp(Class<?> named) {
    String configured = string("app");
    if (named != null && configured != null && !configured.equals(named.getName())) {
      throw new InvalidConfig(
          "verticle "
              + DashVerticleFactory.PREFIX
              + ":"
              + named.getName()
              + " and config \"app\" "
              + configured
              + " name two apps: give one of them, or the same in both");
    }
    Class<?> type = named != null ? named : appClass();
    try {
      return ((DashApplication) type.getDeclaredConstructor().newInstance()).create();
    } catch (ReflectiveOperationException e) {
      throw new InvalidConfig(
          "cannot create " + type.getName() + ": it needs a public no-argument constructor");
    }
  }

  /**
   * The app class named by {@code "app"}, checked without running any of its code: it exists, is a
   * {@link DashApplication} and has a public no-argument constructor.
   */
  Class<?> appClass() {
    String className = string("app");
    if (className == null) {
      throw new InvalidConfig("config needs \"app\": the class name of a DashApplication");
    }
    return appClass(className, ServerSettings.class.getClassLoader());
  }

  /**
   * The app class {@code className}, loaded by {@code loader} and checked as {@link #appClass()}
   * checks the config's.
   */
  static Class<?> appClass(String className, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader); // no static initializers
    } catch (ClassNotFoundException e) {
      throw new InvalidConfig("app class not found: " + className);
    }
    if (!DashApplication.class.isAssignableFrom(type)) {
      throw new InvalidConfig(
          "app class " + className + " does not implement " + DashApplication.class.getName());
    }
    boolean publicNoArgConstructor =
        Arrays.stream(type.getConstructors())
            .anyMatch(constructor -> constructor.getParameterCount() == 0);
    if (!publicNoArgConstructor) {
      throw new InvalidConfig(
          "cannot create " + className + ": it needs a public no-argument constructor");
    }
    return type;
  }

  /** Applies the server settings present in the JSON onto the app's config. */
  void applyTo(DashConfig config) {
    try {
      if (json.containsKey("host")) config.host(string("host"));
      if (json.containsKey("port")) config.port(integer("port"));
      if (json.containsKey("prefix")) config.prefix(string("prefix"));
      if (json.containsKey("requestsPathnamePrefix"))
        config.requestsPathnamePrefix(string("requestsPathnamePrefix"));
      if (json.containsKey("debug")) config.debug(bool("debug"));
      if (json.containsKey("title")) config.title(string("title"));
      if (json.containsKey("assetsFolder")) config.assetsFolder(string("assetsFolder"));
      if (json.containsKey("callbackTimeoutMillis")) {
        config.callbackTimeout(Duration.ofMillis(integer("callbackTimeoutMillis")));
      }
      if (json.containsKey("maxRequestBytes")) config.maxRequestBytes(integer("maxRequestBytes"));
      if (json.containsKey("workerPoolSize")) config.workerPoolSize(integer("workerPoolSize"));
      if (json.containsKey("loopVirtualThreads")) {
        config.loopVirtualThreads(bool("loopVirtualThreads"));
      }
      if (json.containsKey("websocketMaxCallsPerSocket")) {
        config.websocketMaxCallsPerSocket(integer("websocketMaxCallsPerSocket"));
      }
      if (json.containsKey("websocketMaxCallsPerPage")) {
        config.websocketMaxCallsPerPage(integer("websocketMaxCallsPerPage"));
      }
      if (json.containsKey("websocketMaxQueuedBytes")) {
        config.websocketMaxQueuedBytes(integer("websocketMaxQueuedBytes"));
      }
      if (json.containsKey("jobs")) JobsSettings.apply(json.getValue("jobs"), config.jobs());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidConfig("invalid config: " + e.getMessage());
    }
  }

  /** What a node may serve; {@link #roles()}. */
  static final Set<String> ROLES = Set.of("web", "callbacks", "workers");

  /**
   * What this node serves ({@code "roles"}): {@code "web"} the doors (HTTP and the socket bridge),
   * {@code "callbacks"} the app's callbacks (a verticle each on the event bus), {@code "workers"}
   * background jobs; all three by default. In a cluster the doors reach callbacks and workers on
   * any node, so a {@code ["web"]} node serves pages whose callbacks run elsewhere; a node without
   * {@code "web"} listens on no port.
   */
  Set<String> roles() {
    if (!json.containsKey("roles")) {
      return ROLES;
    }
    if (!(json.getValue("roles") instanceof JsonArray array)
        || array.isEmpty()
        || !array.stream().allMatch(ROLES::contains)) {
      throw new InvalidConfig(
          "config \"roles\" must be a non-empty list of \"web\", \"callbacks\" and \"workers\"");
    }
    return array.stream().map(String.class::cast).collect(Collectors.toUnmodifiableSet());
  }

  private String string(String key) {
    Object value = json.getValue(key);
    if (value != null && !(value instanceof String)) {
      throw new InvalidConfig("config \"" + key + "\" must be a string");
    }
    return (String) value;
  }

  private int integer(String key) {
    if (!(json.getValue(key) instanceof Number number)
        || number.doubleValue() != number.intValue()) {
      throw new InvalidConfig("config \"" + key + "\" must be a whole number");
    }
    return number.intValue();
  }

  private boolean bool(String key) {
    if (!(json.getValue(key) instanceof Boolean value)) {
      throw new InvalidConfig("config \"" + key + "\" must be true or false");
    }
    return value;
  }
}
