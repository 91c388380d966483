package io.dash4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running dash4j as a user starts it ({@code java -jar}, or the launcher on a class
 * path).
 */
public final class Launched {
  private Launched() {}

  /**
   * Starts this JDK's {@code java} with {@code args}; stdout is discarded, stderr goes to {@code
   * stderr}.
   */
  public static Process java(Path stderr, String... args) throws IOException {
    var command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(args));
    return start(command, stderr);
  }

  /** Starts {@code command}; stdout is discarded, stderr goes to {@code stderr}. */
  public static Process start(List<String> command, Path stderr) throws IOException {
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(stderr.toFile())
        .start();
  }

  /**
   * How long a launched server may take to answer: a node that joins a Hazelcast cluster took over
   * 30 s on a loaded 2-core machine (three JVMs starting at once beside the test run's browsers).
   */
  private static final int START_SECONDS = 90;

  /**
   * Polls {@code GET /} until it answers 200 ({@value #START_SECONDS} s at most), failing early if
   * the process exits.
   */
  public static void awaitIndex(Http http, Process server, Path stderr) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(START_SECONDS));
    while (Instant.now().isBefore(deadline)) {
      if (!server.isAlive()) {
        throw new AssertionError(
            "the server exited with " + server.exitValue() + ": " + Files.readString(stderr));
      }
      try {
        if (http.get("").statusCode() == 200) {
          return;
        }
      } catch (UncheckedIOException notListeningYet) {
        // keep polling
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "GET / did not answer 200 within "
            + START_SECONDS
            + " s; stderr: "
            + Files.readString(stderr));
  }

  /** Ends the process, forcibly if it has not ended 10 s after being asked to. */
  public static void stop(Process server) throws InterruptedException {
    server.destroy();
    if (!server.waitFor(10, TimeUnit.SECONDS)) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
