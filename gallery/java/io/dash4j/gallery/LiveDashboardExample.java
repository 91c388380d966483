package io.dash4j.gallery;

import static io.dash4j.components.Dcc.graph;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h2;
import static io.dash4j.components.Html.p;
import static io.dash4j.components.Html.section;

import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.figure.Figure;
import io.dash4j.figure.Scatter;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gallery's {@code /streaming/live-dashboard} page, after Flash's endless stream ({@code
 * chgiesse/dash-router-examples}, {@code app/pages/streaming}): four charts extended every 500 ms
 * until End is clicked or the page is left; a failure of the stream shows as a notification.
 */
final class LiveDashboardExample {
  static final String PATH = "/streaming/live-dashboard";

  static final List<String> COMPANIES = List.of("google", "apple", "microsoft", "amazon");

  private static final long TICK_MILLIS = 500;

  /** Points each chart keeps. */
  private static final int MAX_POINTS = 100;

  /** Ticks a run started by "Simulate a failure" draws before it throws. */
  private static final int TICKS_BEFORE_FAILURE = 3;

  /** Runs of this process's stream now, for the test that leaves the page. */
  static final AtomicInteger RUNNING = new AtomicInteger();

  private LiveDashboardExample() {}

  static Map<String, Object> graphId(String company) {
    return Map.of("type", "sse-graph-example", "index", company);
  }

  static void register(DashApp app) {
    app.registerPage(
        Page.at(PATH).name("Live dashboard").order(4).layout(LiveDashboardExample::layout));
    app.streamCallback(
        Input.of("start-stream-button", Html.Button.N_CLICKS),
        Input.of("fail-stream-button", Html.Button.N_CLICKS),
        (start, fail, stream) -> {
          boolean failing = "fail-stream-button".equals(CallbackContext.current().triggeredId());
          RUNNING.incrementAndGet();
          try {
            stream.setProps("start-stream-button", Map.of("disabled", true));
            stream.setProps("fail-stream-button", Map.of("disabled", true));
            stream.setProps("end-stream-button", Map.of("disabled", false));
            stream.setProp("live-notification", "children", "Streaming...");
            var random = ThreadLocalRandom.current();
            double[] prices = {140, 190, 410, 180};
            for (int tick = 1; ; tick++) {
              if (failing && tick > TICKS_BEFORE_FAILURE) {
                throw new IllegalStateException("the price feed dropped (simulated)");
              }
              for (int i = 0; i < COMPANIES.size(); i++) {
                prices[i] *= 1 + random.nextGaussian() * 0.01;
                double high = prices[i] * (1 + random.nextDouble() * 0.01);
                stream.setProp(
                    graphId(COMPANIES.get(i)),
                    "extendData",
                    List.of(
                        Map.of(
                            "x", List.of(List.of(tick), List.of(tick)),
                            "y", List.of(List.of(prices[i]), List.of(high))),
                        List.of(0, 1),
                        MAX_POINTS));
              }
              Thread.sleep(TICK_MILLIS); // End, or leaving the page, interrupts it
            }
          } finally {
            RUNNING.decrementAndGet();
          }
        },
        options ->
            options
                .cancelUnless(Input.of("end-stream-button", Html.Button.N_CLICKS), 0)
                .cancelUnless(Input.of(Pages.LOCATION, Dcc.Location.PATHNAME), PATH)
                .resetProps("start-stream-button", Map.of("disabled", false))
                .resetProps("fail-stream-button", Map.of("disabled", false))
                .resetProps("end-stream-button", Map.of("disabled", true))
                .onError(
                    (error, stream) ->
                        stream.setProp(
                            "live-notification",
                            "children",
                            "The stream failed: " + error.getMessage())));
  }

  private static Object layout() {
    return div(
        section(
                h2("An endless stream"),
                p(
                    "Start extends the four charts every half second until End is clicked or the"
                        + " page is left. \"Simulate a failure\" starts a stream that throws after"
                        + " a second and a half: its error shows below."),
                div(
                        button("Start").id("start-stream-button"),
                        button("End").id("end-stream-button").disabled(true),
                        button("Simulate a failure").id("fail-stream-button"))
                    .className("controls"),
                div("Not streaming").id("live-notification").className("notification"),
                div(COMPANIES.stream().map(LiveDashboardExample::chart).toList())
                    .className("chart-grid"))
            .className("example"));
  }

  private static Object chart(String company) {
    var figure =
        Figure.of(
                Scatter.lines(List.of(), List.of()).name("price"),
                Scatter.lines(List.of(), List.of()).name("high"))
            .title(Character.toUpperCase(company.charAt(0)) + company.substring(1))
            .margin(40, 10, 40, 30);
    return graph(graphId(company)).figure(figure).style(Map.of("height", "260px"));
  }
}
