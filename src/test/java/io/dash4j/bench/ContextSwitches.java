package io.dash4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A process's context switches so far, summed over its threads from {@code /proc}: how many times
 * its threads gave up the core (waiting for work, or preempted). Per request, it counts the thread
 * hops a request pays.
 */
final class ContextSwitches {
  private ContextSwitches() {}

  /**
   * Voluntary and involuntary switches of every live thread of {@code pid}; 0 where /proc is
   * absent.
   */
  static long of(long pid) throws IOException {
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    if (!Files.isDirectory(tasks)) {
      return 0;
    }
    long total = 0;
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        total += switchesOf(thread.resolve("status"));
      }
    }
    return total;
  }

  private static long switchesOf(Path status) {
    try {
      long sum = 0;
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("voluntary_ctxt_switches:")
            || line.startsWith("nonvoluntary_ctxt_switches:")) {
          sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
        }
      }
      return sum;
    } catch (IOException threadEnded) {
      return 0;
    }
  }
}
