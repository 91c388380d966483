package io.dash4j.gallery;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Dcc.upload;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h2;
import static io.dash4j.components.Html.p;
import static io.dash4j.components.Html.progress;
import static io.dash4j.components.Html.section;

import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Base64;
import java.util.List;

/**
 * The gallery's {@code /background} page: long jobs that run off the request on the pool of job
 * workers, as Dash's background callbacks, polled by the stock front end.
 */
final class BackgroundExamples {
  /** Rows a CSV job reads between two progress reports. */
  private static final int CHUNK = 200;

  private BackgroundExamples() {}

  static Object layout() {
    return div(
        section(
                h2("A long task"),
                p("The button stays disabled and the status says so while the job runs."),
                button("Run a 2 s task").id("bg-run"),
                div("Idle").id("bg-status"),
                div("Not run yet").id("bg-result"))
            .className("example"),
        section(
                h2("Progress, and Cancel"),
                button("Start").id("bg-start"),
                button("Cancel").id("bg-cancel"),
                progress().id("bg-bar").max(100).value("0"),
                div("Not started").id("bg-progress-text"),
                div().id("bg-progress-result"))
            .className("example"),
        section(
                h2("A cached computation"),
                p("Keyed by both inputs: the same pair answers at once from the cache."),
                input("bg-a").type(Dcc.DccInput.Type.NUMBER).value(6),
                input("bg-b").type(Dcc.DccInput.Type.NUMBER).value(7),
                button("Multiply slowly").id("bg-compute"),
                div().id("bg-product"))
            .className("example"),
        section(
                h2("A CSV, in chunks"),
                upload(div("Drop a CSV here, or click to choose one")).id("bg-upload"),
                progress().id("bg-csv-bar").max(100).value("0"),
                div("No file yet").id("bg-csv-status"),
                div().id("bg-csv-result"))
            .className("example"));
  }

  static void register(DashApp app) {
    app.callback(
        Output.of("bg-result", Html.Div.CHILDREN),
        Input.of("bg-run", Html.Button.N_CLICKS),
        clicks -> {
          Thread.sleep(2000);
          return "Task " + clicks + " finished at " + LocalTime.now().withNano(0);
        },
        options ->
            options
                .background(true)
                .preventInitialCall(true)
                .running(Output.of("bg-run", Html.Button.DISABLED), true, false)
                .running(Output.of("bg-status", Html.Div.CHILDREN), "Running...", "Idle"));

    app.callback(
        Output.of("bg-progress-result", Html.Div.CHILDREN),
        Input.of("bg-start", Html.Button.N_CLICKS),
        clicks -> {
          var context = CallbackContext.current();
          for (int percent = 0; percent <= 100; percent += 5) {
            context.setProgress(Integer.toString(percent), percent + "%");
            Thread.sleep(150); // Cancel interrupts this
          }
          return "Run " + clicks + " complete";
        },
        options ->
            options
                .background(true)
                .preventInitialCall(true)
                .progress(
                    Output.of("bg-bar", Html.Progress.VALUE),
                    Output.of("bg-progress-text", Html.Div.CHILDREN))
                .progressDefault("0", "Not running")
                .cancel(Input.of("bg-cancel", Html.Button.N_CLICKS))
                .running(Output.of("bg-start", Html.Button.DISABLED), true, false)
                .interval(Duration.ofMillis(200)));

    app.callback(
        Output.of("bg-product", Html.Div.CHILDREN),
        Input.of("bg-compute", Html.Button.N_CLICKS),
        State.of("bg-a", Dcc.DccInput.VALUE.asNumber()),
        State.of("bg-b", Dcc.DccInput.VALUE.asNumber()),
        (clicks, a, b) -> {
          Thread.sleep(1500);
          return format(a.doubleValue())
              + " × "
              + format(b.doubleValue())
              + " = "
              + format(a.doubleValue() * b.doubleValue())
              + ", computed at "
              + LocalTime.now().withNano(0);
        },
        options ->
            options
                .background(true)
                .preventInitialCall(true)
                .cacheBy(() -> "v1") // bump to drop every cached product
                .cacheArgsToIgnore(0) // the click count is no part of the key
                .running(Output.of("bg-compute", Html.Button.DISABLED), true, false)
                .interval(Duration.ofMillis(250)));

    app.callback(
        Output.of("bg-csv-result", Html.Div.CHILDREN),
        Input.of("bg-upload", Dcc.Upload.CONTENTS),
        State.of("bg-upload", Dcc.Upload.FILENAME),
        (contents, filename) -> {
          if (!(contents instanceof String dataUrl)) {
            throw new PreventUpdate();
          }
          return summarize(String.valueOf(filename), decode(dataUrl));
        },
        options ->
            options
                .background(true)
                .preventInitialCall(true)
                .progress(
                    Output.of("bg-csv-bar", Html.Progress.VALUE),
                    Output.of("bg-csv-status", Html.Div.CHILDREN))
                .interval(Duration.ofMillis(200)));
  }

  /** The text of a {@code data:...;base64,...} URL, as dcc.Upload gives a file. */
  private static String decode(String dataUrl) {
    int comma = dataUrl.indexOf(',');
    return new String(
        Base64.getDecoder().decode(dataUrl.substring(comma + 1)), StandardCharsets.UTF_8);
  }

  /**
   * Reads the CSV in chunks, reporting progress after each, and sums its numeric columns. Throws
   * when the file is no CSV, and the page shows the error.
   */
  private static String summarize(String filename, String csv) throws InterruptedException {
    var context = CallbackContext.current();
    List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
    if (lines.isEmpty()) {
      return filename + " is empty";
    }
    String[] header = lines.get(0).split(",");
    double[] sums = new double[header.length];
    int rows = lines.size() - 1;
    for (int start = 1; start <= rows; start += CHUNK) {
      int end = Math.min(rows, start + CHUNK - 1);
      for (String line : lines.subList(start, end + 1)) {
        String[] cells = line.split(",");
        for (int i = 0; i < cells.length && i < sums.length; i++) {
          sums[i] += parseOrZero(cells[i]);
        }
      }
      int percent = rows == 0 ? 100 : end * 100 / rows;
      context.setProgress(Integer.toString(percent), "Read " + end + " of " + rows + " rows");
      Thread.sleep(100); // a real job would do real work per chunk
    }
    var result = new StringBuilder(filename + ": " + rows + " rows");
    for (int i = 0; i < header.length; i++) {
      result.append("; sum of ").append(header[i].trim()).append(" = ").append(format(sums[i]));
    }
    return result.toString();
  }

  private static double parseOrZero(String cell) {
    try {
      return Double.parseDouble(cell.trim());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
