package io.dash4j.gallery;

import static io.dash4j.components.Dcc.dropdown;
import static io.dash4j.components.Dcc.graph;
import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Dcc.link;
import static io.dash4j.components.Dcc.markdown;
import static io.dash4j.components.Dcc.slider;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h1;
import static io.dash4j.components.Html.h2;
import static io.dash4j.components.Html.nav;
import static io.dash4j.components.Html.p;
import static io.dash4j.components.Html.progress;
import static io.dash4j.components.Html.section;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.DashApplication;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.callback.Results;
import io.dash4j.callback.State;
import io.dash4j.callback.Update;
import io.dash4j.components.Cyto;
import io.dash4j.components.DashTable;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.figure.Axis;
import io.dash4j.figure.Figure;
import io.dash4j.figure.Scatter;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * The example gallery: a tour of dash4j's callbacks, on the typed components generated from the npm
 * packages, of its background jobs ({@code /background}), and of pushes from the server: a
 * broadcast walk ({@code /brownian}), streams ({@code /streaming/...}) and a socket loop ({@code
 * /websocket}). Started by {@code conf/config.json}.
 */
public final class Gallery implements DashApplication {
  private static final Map<String, List<String>> CITIES =
      Map.of(
          "France", List.of("Paris", "Lyon", "Marseille"),
          "Japan", List.of("Tokyo", "Osaka", "Kyoto"),
          "Brazil", List.of("São Paulo", "Rio de Janeiro", "Brasília"));

  @Override
  public DashApp create() {
    var app = Dash.create(config -> config.title("dash4j gallery"));
    app.layout(
        div(
            h1("dash4j gallery"),
            markdown(
                "Dash apps written in **Java**, served by Vert.x to the stock Dash front end."),
            nav(
                    link("Callbacks").href(app.relativePath("/")),
                    link("Background jobs").href(app.relativePath("/background")),
                    link("Brownian motion").href(app.relativePath(BrownianExample.PATH)),
                    link("Streaming table").href(app.relativePath(StreamingTableExample.PATH)),
                    link("Live dashboard").href(app.relativePath(LiveDashboardExample.PATH)),
                    link("Websocket loop").href(app.relativePath(WebsocketLoopExample.PATH)))
                .className("menu"),
            div("Connecting...").id("clock"),
            Pages.container()));
    app.registerPage(Page.at("/").name("Callbacks").order(0).layout(Gallery::callbacksPage));
    app.registerPage(
        Page.at("/background").name("Background jobs").order(1).layout(BackgroundExamples::layout));
    BackgroundExamples.register(app);
    BrownianExample.register(app);
    StreamingTableExample.register(app);
    LiveDashboardExample.register(app);
    WebsocketLoopExample.register(app);

    // dcc.Input's value may be text or a number: asString() reads it as text.
    app.callback(
        Output.of("greeting", Html.Div.CHILDREN),
        Input.of("name", Dcc.DccInput.VALUE.asString()),
        name -> name == null || name.isBlank() ? "Hello, stranger!" : "Hello, " + name + "!");

    // Two outputs typed each: javac checks the text and the figure against their props.
    app.callback(
        Outputs.of(
            Output.of("waves-text", Html.Div.CHILDREN), Output.of("waves-chart", Dcc.Graph.FIGURE)),
        Input.of("waves", Dcc.Slider.VALUE),
        waves -> Results.of(waves + " waves", sineFigure(waves.intValue())));

    app.callback(
        Outputs.of(Output.of("city", Dcc.Dropdown.OPTIONS), Output.of("city", Dcc.Dropdown.VALUE)),
        Input.of("country", Dcc.Dropdown.VALUE.asString()),
        country -> {
          List<String> cities = CITIES.get(country);
          if (cities == null) {
            throw new PreventUpdate();
          }
          return Results.of(cities, cities.get(0));
        });
    app.callback(
        Output.of("choice", Html.Div.CHILDREN),
        Input.of("city", Dcc.Dropdown.VALUE.asString()),
        State.of("country", Dcc.Dropdown.VALUE.asString()),
        (city, country) -> "You chose " + city + ", " + country + ".");

    // orNoUpdate(): the callback returns an Update, so "leave it as it is" (Dash's no_update) is
    // typed too.
    app.callback(
        Output.of("dice", Html.Div.CHILDREN).orNoUpdate(),
        Input.of("roll", Html.Button.N_CLICKS),
        State.of("rolls", Html.Div.CHILDREN.asNumber()),
        (clicks, rolls) -> {
          if (clicks == null) {
            return Update.noUpdate();
          }
          CallbackContext.current().setProp(Html.Div.CHILDREN.of("rolls"), rolls.intValue() + 1);
          return Update.of("You rolled " + ThreadLocalRandom.current().nextInt(1, 7));
        });
    app.callback(
        Output.of("sales-total", Html.Div.CHILDREN),
        Input.of("sales", DashTable.DataTable.DATA),
        rows ->
            "Total units: "
                + BigDecimal.valueOf(
                        rows.stream().mapToDouble(row -> number(row.get("units"))).sum())
                    .stripTrailingZeros()
                    .toPlainString());

    app.callback(
        Output.of("tapped", Html.Div.CHILDREN),
        Input.of("network", Cyto.Cytoscape.TAP_NODE_DATA),
        node -> node == null ? "Tap a node" : "You tapped " + node.get("label"));

    // Over the socket door: started by every page when its socket connects, stopped when the page
    // goes away.
    app.persistentCallback(
        () -> {
          var context = CallbackContext.current();
          while (!context.isShutdown()) {
            context.setProp(
                Html.Div.CHILDREN.of("clock"), "Server time " + LocalTime.now().withNano(0));
            Thread.sleep(1000);
          }
        });
    app.callback(
        Output.of("job-result", Html.Div.CHILDREN),
        Input.of("job", Html.Button.N_CLICKS),
        clicks -> {
          if (clicks == null) {
            throw new PreventUpdate();
          }
          var context = CallbackContext.current();
          for (int percent = 10; percent <= 100; percent += 10) {
            context.setProp(
                Html.Progress.VALUE.of("job-bar"),
                Integer.toString(percent)); // html.Progress takes text
            Thread.sleep(150);
          }
          return "Job "
              + clicks
              + " done; the page's bar reads "
              + context.getProp("job-bar", "value")
              + "%";
        },
        options -> options.websocket(true));
    return app;
  }

  /** The first page: a tour of the callbacks, one example per section. */
  private static Object callbacksPage() {
    return div(
        section(
                h2("Hello"),
                input("name").value("world").placeholder("Your name"),
                div().id("greeting"))
            .className("example"),
        section(
                h2("One input, two outputs"),
                slider("waves").min(1).max(10).step(1).value(3),
                div().id("waves-text"),
                graph("waves-chart").responsive(true).style(Map.of("height", "450px")))
            .className("example"),
        section(
                h2("A chain of callbacks"),
                dropdown("country")
                    .options(List.of("France", "Japan", "Brazil"))
                    .value("France")
                    .clearable(false),
                dropdown("city").clearable(false),
                div().id("choice"))
            .className("example"),
        section(
                h2("Setting props of other components"),
                button("Roll the dice").id("roll"),
                div("Not rolled yet").id("dice"),
                p("Rolls are counted here by setProps:"),
                div("0").id("rolls"))
            .className("example"),
        section(
                h2("An editable table"),
                DashTable.dataTable("sales")
                    .editable(true)
                    .columns(
                        List.of(
                            column("region", "Region", "text"),
                            column("units", "Units", "numeric")))
                    .data(List.of(row("North", 12), row("South", 7), row("East", 9))),
                div().id("sales-total"))
            .className("example"),
        section(
                h2("A third-party component: dash-cytoscape"),
                Cyto.cytoscape("network")
                    .layout(Map.of("name", "circle"))
                    .style(Map.of("width", "100%", "height", "260px"))
                    .elements(
                        List.of(
                            node("java", "Java"),
                            node("vertx", "Vert.x"),
                            node("dash", "Dash"),
                            edge("java", "vertx"),
                            edge("vertx", "dash"))),
                div("Tap a node").id("tapped"))
            .className("example"),
        section(
                h2("Live over the socket"),
                p(
                    "A persistent callback pushes the server's clock above while the page is open; a long "
                        + "callback reports its progress as it runs, then reads a value back from the page."),
                button("Run a long job").id("job"),
                progress().id("job-bar").max(100).value("0"),
                div("Not run yet").id("job-result"))
            .className("example"));
  }

  private static Map<String, Object> column(String id, String name, String type) {
    return Map.of("id", id, "name", name, "type", type);
  }

  private static Map<String, Object> row(String region, int units) {
    return Map.of("region", region, "units", units);
  }

  /** An edited cell arrives as text; anything unreadable counts as zero. */
  private static double number(Object cell) {
    if (cell instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return cell instanceof String text ? Double.parseDouble(text) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static Map<String, Object> node(String id, String label) {
    return Map.of("data", Map.of("id", id, "label", label));
  }

  private static Map<String, Object> edge(String source, String target) {
    return Map.of("data", Map.of("source", source, "target", target));
  }

  private static Figure sineFigure(int waves) {
    double[] t = IntStream.rangeClosed(0, 200).mapToDouble(i -> i / 200.0).toArray();
    double[] y =
        IntStream.rangeClosed(0, 200)
            .mapToDouble(i -> Math.sin(2 * Math.PI * waves * t[i]))
            .toArray();
    return Figure.of(Scatter.lines(t, y).name("sin"))
        .title(waves + " waves")
        .xaxis(Axis.titled("t"))
        .yaxis(Axis.titled("amplitude").range(-1.1, 1.1))
        .margin(50, 20, 40, 40);
  }
}
