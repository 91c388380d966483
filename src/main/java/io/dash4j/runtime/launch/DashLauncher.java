package io.dash4j.runtime.launch;

import io.dash4j.DashConfig;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.launcher.application.HookContext;
import io.vertx.launcher.application.VertxApplication;
import io.vertx.launcher.application.VertxApplicationHooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The jar's entry point: {@code java -jar dash4j.jar -conf conf/config.json [-cluster] [-instances
 * N]}, Vert.x's application launcher with dash4j's main verticle. A missing or bad config ends with
 * one line on stderr and exit code 2 before Vert.x starts; a verticle that fails to start ends with
 * one line and Vert.x's exit code.
 */
public final class DashLauncher {
  static final String DEFAULT_CONF = "conf/config.json";

  /** Held so the level set on it is not lost to garbage collection of the logger. */
  private static final Logger VERTX_LAUNCHER_LOG = Logger.getLogger("io.vertx.launcher");

  private DashLauncher() {}

  /** Checks the config, then hands the command line to {@link VertxApplication}. */
  public static void main(String[] args) {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    try {
      JsonObject config = readConfig(arguments);
      var settings = new ServerSettings(config);
      // fails fast on a bad app class or setting, before Vert.x starts, without running the app
      settings.appClass();
      settings.roles();
      settings.applyTo(new DashConfig());
    } catch (ServerSettings.InvalidConfig e) {
      System.err.println("dash4j: " + e.getMessage());
      System.exit(2);
      return;
    }
    // Start-up failures are reported as one line by OneLineFailures; the Vert.x launcher would add
    // a stack trace.
    VERTX_LAUNCHER_LOG.setLevel(Level.OFF);
    // Vert.x reads Main-Verticle from the manifest only when it is itself the Main-Class, so name
    // it here.
    arguments.add(0, DashVerticle.class.getName());
    int exit =
        new VertxApplication(arguments.toArray(String[]::new), new OneLineFailures()).launch();
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /**
   * The config named by {@code -conf} (a file, or inline JSON as Vert.x allows); without {@code
   * -conf}, {@value #DEFAULT_CONF}, which is then added to the arguments.
   */
  static JsonObject readConfig(List<String> arguments) {
    int at = arguments.indexOf("-conf");
    String conf;
    if (at < 0) {
      conf = DEFAULT_CONF;
      arguments.add("-conf");
      arguments.add(conf);
    } else if (at + 1 >= arguments.size()) {
      throw new ServerSettings.InvalidConfig("-conf needs a file name or inline JSON");
    } else {
      conf = arguments.get(at + 1);
    }
    String text = conf;
    if (!conf.trim().startsWith("{")) {
      try {
        text = Files.readString(Path.of(conf));
      } catch (IOException e) {
        throw new ServerSettings.InvalidConfig("cannot read config file " + conf);
      }
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException e) {
      throw new ServerSettings.InvalidConfig("config " + conf + " is not a JSON object");
    }
  }

  /** Reports start-up failures as one line (the cause's message), not a stack trace. */
  private static final class OneLineFailures implements VertxApplicationHooks {
    @Override
    public void afterFailureToDeployVerticle(HookContext context, Throwable t) {
      System.err.println("dash4j: could not start: " + t.getMessage());
    }

    @Override
    public void afterFailureToStartVertx(HookContext context, Throwable t) {
      System.err.println("dash4j: could not start Vert.x: " + t.getMessage());
    }
  }
}
