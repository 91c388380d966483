package io.dash4j.bench;

import io.dash4j.bench.PushBench.Result;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** {@link PushBench}'s figures as markdown: medians over the rounds, with their range. */
final class PushTable {
  private PushTable() {}

  static String of(String java, Map<String, List<Result>> rounds, List<String> modes) {
    var md = new StringBuilder("# Pushes to ").append(PushBench.PAGES).append(" pages\n\n");
    md.append("Server JVM: ")
        .append(java)
        .append(", pinned to core 0 (Serial GC, -Xmx1g); the pages are raw SockJS WebSocket")
        .append(" connections from one JVM on the other core(s). ")
        .append(rounds.get(modes.get(0)).size())
        .append(" alternating rounds; each cell is the median of the rounds (the mean of two),")
        .append(" with their range. Delays run from the update's making (wall clock, µs, both")
        .append(" processes on this machine) to its arrival in the client; ms. Busy: the share of")
        .append(" one core each process used during the fan-out (from /proc); a server core")
        .append(" well short of 100 % with delays of seconds means other processes had the core.")
        .append(" Rates count arrivals in the window: above 10,000/s, a backlog of the warm-up")
        .append(" drained in it.\n\n")
        .append(
            "| server | fan-out updates/s | p50 ms | p99 ms | server core busy | client busy | ")
        .append("broadcast deliveries/s | per page p50 ms | p99 ms | last page p50 ms | p99 ms ")
        .append("| broadcasts complete |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (String mode : modes) {
      var runs = rounds.get(mode);
      var complete = new StringBuilder();
      runs.forEach(
          r ->
              complete
                  .append(r.broadcastsComplete())
                  .append('/')
                  .append(r.broadcastsSeen())
                  .append(' '));
      var cells =
          List.of(
              mode,
              cell(runs, Result::fanOutPerSecond, 1, "%.0f"),
              cell(runs, r -> r.fanOutP50(), 1000, "%.2f"),
              cell(runs, r -> r.fanOutP99(), 1000, "%.1f"),
              cell(runs, r -> 100 * r.cpuShare(), 1, "%.0f") + " %",
              cell(runs, r -> 100 * r.clientCpuShare(), 1, "%.0f") + " %",
              cell(runs, Result::broadcastPerSecond, 1, "%.0f"),
              cell(runs, r -> r.pageP50(), 1000, "%.2f"),
              cell(runs, r -> r.pageP99(), 1000, "%.1f"),
              cell(runs, r -> r.lastPageP50(), 1000, "%.1f"),
              cell(runs, r -> r.lastPageP99(), 1000, "%.1f"),
              complete.toString().trim());
      md.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }
    md.append("\nMemory: the heap one idle connected page costs (")
        .append(PushBench.PAGES)
        .append(" pages, after full GCs), and what grows for one page that stops reading")
        .append(
            " (its socket paused) while 5,000 updates of 1 KB a second, under 4,096 components,")
        .append(" are pushed at it: heap and direct memory (Netty's pooled chunks, so in steps)")
        .append(" over what the server held before, after full GCs, at the seconds given.\n\n")
        .append(
            "| server | idle heap per page | stalled page: heap growth | direct memory growth |\n")
        .append("|---|---:|---|---|\n");
    for (String mode : modes) {
      var runs = rounds.get(mode);
      md.append("| ")
          .append(mode)
          .append(" | ")
          .append(cell(runs, r -> r.idleBytesPerPage(), 1024, "%.1f"))
          .append(" KB | ")
          .append(growth(runs, true))
          .append(" | ")
          .append(growth(runs, false))
          .append(" |\n");
    }
    return md.toString();
  }

  /** One round's figures, as the run goes. */
  static String line(int round, Result r) {
    return String.format(
        Locale.ROOT,
        "round %d %s: fan-out %.0f/s p50 %.1f ms p99 %.1f ms (core %.0f %%, client %.0f %%);"
            + " broadcast %.0f/s p99 %.1f ms, last page p99 %.1f ms; idle page %d B;"
            + " stalled page heap %s B",
        round + 1,
        r.mode(),
        r.fanOutPerSecond(),
        r.fanOutP50() / 1000.0,
        r.fanOutP99() / 1000.0,
        100 * r.cpuShare(),
        100 * r.clientCpuShare(),
        r.broadcastPerSecond(),
        r.pageP99() / 1000.0,
        r.lastPageP99() / 1000.0,
        r.idleBytesPerPage(),
        Arrays.toString(r.floodHeap()));
  }

  /** {@code median (min–max)} of one figure over the rounds, divided by {@code unit}. */
  private static String cell(
      List<Result> runs, ToDoubleFunction<Result> figure, double unit, String format) {
    double[] values = runs.stream().mapToDouble(figure).map(v -> v / unit).sorted().toArray();
    String median = String.format(Locale.ROOT, format, median(values));
    if (values.length < 2) {
      return median;
    }
    return String.format(
        Locale.ROOT,
        "%s (" + format + "–" + format + ")",
        median,
        values[0],
        values[values.length - 1]);
  }

  private static double median(double[] sorted) {
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** The growth at each sample, median over the rounds, in MB: {@code 2 s: 1.2, 4 s: 1.3, …}. */
  private static String growth(List<Result> runs, boolean heap) {
    var text = new StringBuilder();
    int samples = runs.get(0).floodSeconds().length;
    for (int i = 0; i < samples; i++) {
      int sample = i;
      double[] values =
          runs.stream()
              .mapToDouble(r -> (heap ? r.floodHeap() : r.floodDirect())[sample] / 1e6)
              .sorted()
              .toArray();
      text.append(i == 0 ? "" : ", ")
          .append(runs.get(0).floodSeconds()[i])
          .append(" s: ")
          .append(String.format(Locale.ROOT, "%.1f", median(values)));
    }
    return text.append(" MB").toString();
  }
}
