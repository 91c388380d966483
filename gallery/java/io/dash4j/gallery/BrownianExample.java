package io.dash4j.gallery;

import static io.dash4j.components.Dcc.graph;
import static io.dash4j.components.Dcc.interval;
import static io.dash4j.components.Dcc.slider;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h2;
import static io.dash4j.components.Html.p;
import static io.dash4j.components.Html.section;

import io.dash4j.DashApp;
import io.dash4j.broadcast.Topic;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.figure.Axis;
import io.dash4j.figure.Figure;
import io.dash4j.figure.Scatter;
import io.dash4j.pages.Page;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The gallery's {@code /brownian} page, after Adrian Tam's Flask-SocketIO + Dash demo ("Dash,
 * Flask, and WebSocket", 2022): one server thread walks, and every open page draws the same walk
 * from the steps it broadcasts on topic {@code brownian}.
 */
final class BrownianExample {
  static final String PATH = "/brownian";

  /** Points a page keeps, and the walk so far a new page starts from. */
  private static final int MAX_POINTS = 500;

  private static final long TICK_MILLIS = 500;

  private static final String RESET =
      """
      function (clicks) {
        return {
          data: [{x: [], y: [], type: 'scatter', mode: 'lines', name: 'walk'}],
          layout: {xaxis: {title: {text: 'step'}}, yaxis: {title: {text: 'position'}},
                   margin: {l: 50, r: 20, t: 20, b: 40}}
        };
      }""";

  private final Topic topic;
  private final ArrayDeque<double[]> walk = new ArrayDeque<>(); // {step, position}
  private int step;
  private double position;
  private volatile double sigma = 1.0;
  private volatile boolean paused;

  private BrownianExample(Topic topic) {
    this.topic = topic;
  }

  /**
   * Declares the topic and the page, and starts the one ticker of this process. A cluster of
   * gallery nodes would walk once per node: a cluster-wide singleton ticker is issue 12.
   */
  static void register(DashApp app) {
    var example = new BrownianExample(app.topic("brownian"));
    app.registerPage(
        Page.at(PATH)
            .name("Brownian motion")
            .order(2)
            .subscribe(example.topic)
            .layout(example::layout));
    example.registerCallbacks(app);
    var ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              var thread = new Thread(runnable, "gallery-brownian-ticker");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(example::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** Built at each visit, so a new page starts from the walk's current controls and snapshot. */
  private Object layout() {
    return div(
        section(
                h2("Brownian motion"),
                p(
                    "One server thread adds a random step twice a second and broadcasts it to every"
                        + " open page: open this page twice and both draw the same walk. Pause and"
                        + " the variance act on the walk, so on every page; Reset clears this"
                        + " page's chart only."),
                div(varianceText(sigma)).id("showvariance"),
                slider("variance").min(0).max(2).step(0.1).value(sigma),
                div(button(paused ? "Resume" : "Pause").id("pause"), button("Reset").id("reset"))
                    .className("controls"),
                div("No pong yet").id("pong"),
                interval("ping").interval(1000),
                graph("motion")
                    .responsive(true)
                    .style(Map.of("height", "450px"))
                    .figure(figure(snapshot())))
            .className("example"));
  }

  private void registerCallbacks(DashApp app) {
    app.callbackWithoutOutput(
        List.of(Input.of("pause", Html.Button.N_CLICKS)),
        args -> {
          boolean nowPaused = togglePause();
          topic.publish("pause", "children", nowPaused ? "Resume" : "Pause");
        },
        options -> options.preventInitialCall(true));
    // The slider is broadcast too; its value only when it changed, else the push would call this
    // callback again on every page, for ever.
    app.callbackWithoutOutput(
        List.of(Input.of("variance", Dcc.Slider.VALUE)),
        args -> {
          double value = ((Number) args.get(0)).doubleValue();
          if (value != sigma) {
            sigma = value;
            topic.publish("variance", Map.of("value", value));
          }
          topic.publish("showvariance", "children", varianceText(value));
        },
        options -> options.preventInitialCall(true));
    // Reset runs in the browser: a new empty chart for this page, which the next steps extend.
    app.clientsideCallback(
        ClientsideCallback.inline(RESET).preventInitialCall(true),
        Output.of("motion", Dcc.Graph.FIGURE.name()),
        Input.of("reset", Html.Button.N_CLICKS.name()));
    // The original echoed each ping to every page; here each page gets its own pong.
    app.callback(
        Output.of("pong", Html.Div.CHILDREN),
        Input.of("ping", Dcc.Interval.N_INTERVALS),
        pings -> "Pong " + pings + " from the server",
        options -> options.websocket(true).persistent(true).preventInitialCall(true));
  }

  private synchronized boolean togglePause() {
    paused = !paused;
    return paused;
  }

  private void tick() {
    if (paused) {
      return;
    }
    double[] point;
    synchronized (this) {
      step++;
      position += sigma * ThreadLocalRandom.current().nextGaussian();
      point = new double[] {step, position};
      walk.addLast(point);
      if (walk.size() > MAX_POINTS) {
        walk.removeFirst();
      }
    }
    // Only the step travels. A page that comes later starts from the walk so far, drawn by its
    // layout. No snapshot is kept for the topic's replay: a replayed figure reaching dcc.Graph in
    // the same update as a step makes it draw points twice (dash-core-components 4.5.0,
    // Graph.react.js, UNSAFE_componentWillReceiveProps pushes into its shared EMPTY_DATA).
    topic.publish(
        "motion",
        "extendData",
        List.of(
            Map.of("x", List.of(List.of(point[0])), "y", List.of(List.of(point[1]))),
            List.of(0),
            MAX_POINTS));
  }

  private synchronized List<double[]> snapshot() {
    return List.copyOf(walk);
  }

  private static Figure figure(List<double[]> points) {
    double[] x = points.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = points.stream().mapToDouble(p -> p[1]).toArray();
    return Figure.of(Scatter.lines(x, y).name("walk"))
        .xaxis(Axis.titled("step"))
        .yaxis(Axis.titled("position"))
        .margin(50, 20, 20, 40);
  }

  private static String varianceText(double sigma) {
    return String.format(Locale.ROOT, "Variance: %.1f", sigma);
  }
}
