package io.dash4j.gallery;

import static io.dash4j.components.Dcc.store;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h2;
import static io.dash4j.components.Html.p;
import static io.dash4j.components.Html.section;

import io.dash4j.DashApp;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Patch;
import io.dash4j.callback.State;
import io.dash4j.components.DashTable;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The gallery's {@code /streaming/table} page, after Flash's progressive table ({@code
 * chgiesse/dash-router-examples}, {@code app/pages/streaming}): Download streams rows into a table
 * in chunks, with a notification per chunk; Cancel, or leaving the page, stops it and clears the
 * table. Flash draws an AG Grid, which dash4j does not ship: a DataTable stands in.
 */
final class StreamingTableExample {
  static final String PATH = "/streaming/table";

  static final int CHUNK_ROWS = 500;

  /** The table never holds more than this many chunks, so the page's memory stays small. */
  static final int CHUNKS = 10;

  private static final long CHUNK_MILLIS = 2000;

  private static final List<Map<String, Object>> COLUMNS =
      List.of(
          Map.of("id", "row", "name", "Row", "type", "numeric"),
          Map.of("id", "symbol", "name", "Symbol", "type", "text"),
          Map.of("id", "price", "name", "Price", "type", "numeric"),
          Map.of("id", "volume", "name", "Volume", "type", "numeric"));

  private static final List<String> SYMBOLS = List.of("GOOG", "AAPL", "MSFT", "AMZN");

  // Every end of a run pushes the reset; only a run that did not complete (Cancel, a new page)
  // clears the table, so a finished download stays on screen. The stream's own pushes and its
  // reset reach the page in order, so the outcome store is set before the reset arrives.
  private static final String CLEAR_UNLESS_COMPLETE =
      """
      function (ended, outcome) {
        var noUpdate = window.dash_clientside.no_update;
        if (!ended || outcome === 'complete') {
          return [noUpdate, noUpdate, noUpdate];
        }
        return [[], [], 'Download cancelled: the table was cleared.'];
      }""";

  private StreamingTableExample() {}

  static void register(DashApp app) {
    app.registerPage(
        Page.at(PATH).name("Streaming table").order(3).layout(StreamingTableExample::layout));
    app.streamCallback(
        Input.of("stream-button-test", Html.Button.N_CLICKS),
        (clicks, stream) -> {
          stream.setProps("stream-ended", Map.of("data", false));
          stream.setProps("stream-outcome", Map.of("data", "running"));
          stream.setProps(
              "stream-button-test", Map.of("children", "Downloading...", "disabled", true));
          stream.setProps("cancel-button-test", Map.of("style", Map.of()));
          for (int chunk = 0; chunk < CHUNKS; chunk++) {
            var rows = rows(chunk);
            if (chunk == 0) {
              stream.setProps("stream-table", Map.of("columns", COLUMNS, "data", rows));
            } else {
              // Only the new rows travel: the browser extends the data it holds.
              stream.setProp("stream-table", "data", Patch.create().extend(rows));
            }
            int done = (chunk + 1) * CHUNK_ROWS;
            stream.setProp(
                "stream-notification",
                "children",
                "Processed " + done + " of " + CHUNKS * CHUNK_ROWS + " items");
            if (chunk < CHUNKS - 1) {
              Thread.sleep(CHUNK_MILLIS); // Cancel interrupts it
            }
          }
          stream.setProp(
              "stream-notification",
              "children",
              "Download complete: " + CHUNKS * CHUNK_ROWS + " rows");
          stream.setProps("stream-outcome", Map.of("data", "complete"));
        },
        options ->
            options
                .cancelUnless(Input.of("cancel-button-test", Html.Button.N_CLICKS), 0)
                .cancelUnless(Input.of(Pages.LOCATION, Dcc.Location.PATHNAME), PATH)
                .resetProps("stream-button-test", Map.of("children", "Download", "disabled", false))
                .resetProps("cancel-button-test", Map.of("style", Map.of("display", "none")))
                .resetProps("stream-ended", Map.of("data", true)));
    app.clientsideCallback(
        ClientsideCallback.inline(CLEAR_UNLESS_COMPLETE).preventInitialCall(true),
        Output.of("stream-table", "data"),
        Output.of("stream-table", "columns"),
        Output.of("stream-notification", "children"),
        Input.of("stream-ended", "data"),
        State.of("stream-outcome", "data"));
  }

  private static Object layout() {
    return div(
        section(
                h2("A table streamed in chunks"),
                p(
                    "Download streams "
                        + CHUNKS * CHUNK_ROWS
                        + " rows, "
                        + CHUNK_ROWS
                        + " every two seconds: the first chunk sets the columns, the next ones"
                        + " append. Cancel, or leaving the page, stops the stream and clears the"
                        + " table."),
                div(
                        button("Download").id("stream-button-test"),
                        button("Cancel").id("cancel-button-test").style(Map.of("display", "none")))
                    .className("controls"),
                div("Nothing downloaded yet").id("stream-notification").className("notification"),
                store("stream-ended").data(false),
                store("stream-outcome").data("idle"),
                DashTable.dataTable("stream-table").columns(List.of()).data(List.of()).pageSize(10))
            .className("example"));
  }

  private static List<Map<String, Object>> rows(int chunk) {
    var random = ThreadLocalRandom.current();
    var rows = new ArrayList<Map<String, Object>>(CHUNK_ROWS);
    for (int i = 0; i < CHUNK_ROWS; i++) {
      int row = chunk * CHUNK_ROWS + i + 1;
      rows.add(
          Map.of(
              "row",
              row,
              "symbol",
              SYMBOLS.get(row % SYMBOLS.size()),
              "price",
              Math.round(random.nextDouble(50, 500) * 100) / 100.0,
              "volume",
              random.nextInt(1_000, 100_000)));
    }
    return rows;
  }
}
