package io.dash4j.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load generator when {@code wrk} is installed ({@code ./run bench} installs it): one C
 * thread per core the harness may use drives as many requests as the pinned server can answer,
 * where the JVM's own client ran out of breath at a few thousand a second and hid most of the gap
 * between the servers. The Vert.x client remains the fallback.
 */
final class WrkLoad {
  private static final Pattern PER_SECOND = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
  private static final Pattern SOCKET_ERRORS =
      Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private WrkLoad() {}

  /** Whether {@code wrk} runs here. */
  static boolean available() {
    try {
      var wrk = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
      wrk.getInputStream().readAllBytes();
      return wrk.waitFor(10, TimeUnit.SECONDS);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** What one run of wrk measured. */
  record Run(double perSecond, long p50Micros, long p99Micros, long errors, long requests) {}

  /**
   * {@code connections} keep-alive connections posting {@code body} to the update route for {@code
   * seconds}, each sending its next request as soon as the last answers.
   */
  static Run post(int port, String body, int connections, int seconds) throws Exception {
    Path script = Files.createTempFile("dash4j-bench", ".lua");
    try {
      Files.writeString(
          script,
          "wrk.method = \"POST\"\n"
              + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
              + "wrk.body = [=["
              + body
              + "]=]\n",
          StandardCharsets.UTF_8);
      int threads = Math.max(1, Math.min(connections, Runtime.getRuntime().availableProcessors()));
      var wrk =
          new ProcessBuilder(
                  "wrk",
                  "-t" + threads,
                  "-c" + connections,
                  "-d" + seconds + "s",
                  "--latency",
                  "-s",
                  script.toString(),
                  "http://127.0.0.1:" + port + "/_dash-update-component")
              .redirectErrorStream(true)
              .start();
      String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
        throw new IllegalStateException("wrk failed: " + out);
      }
      double perSecond = Double.parseDouble(group(PER_SECOND, out, "0"));
      long errors = Long.parseLong(group(NON_2XX, out, "0"));
      Matcher socket = SOCKET_ERRORS.matcher(out);
      if (socket.find()) {
        for (int i = 1; i <= 4; i++) {
          errors += Long.parseLong(socket.group(i));
        }
      }
      return new Run(
          perSecond,
          percentileMicros(out, "50%"),
          percentileMicros(out, "99%"),
          errors,
          Math.round(perSecond * seconds));
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static String group(Pattern pattern, String text, String otherwise) {
    Matcher m = pattern.matcher(text);
    return m.find() ? m.group(1) : otherwise;
  }

  /** A line of wrk's latency distribution ({@code 50% 123.00us}), in microseconds. */
  private static long percentileMicros(String out, String percentile) {
    Matcher m =
        Pattern.compile(
                "^\\s*" + Pattern.quote(percentile) + "\\s+([0-9.]+)(us|ms|s)\\s*$",
                Pattern.MULTILINE)
            .matcher(out);
    if (!m.find()) {
      return 0;
    }
    double value = Double.parseDouble(m.group(1));
    return Math.round(
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
          case "us" -> value;
          case "ms" -> value * 1_000;
          default -> value * 1_000_000;
        });
  }
}
