package io.dash4j.gallery;

import static io.dash4j.components.Dcc.dropdown;
import static io.dash4j.components.Dcc.graph;
import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Dcc.markdown;
import static io.dash4j.components.Dcc.slider;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h1;
import static io.dash4j.components.Html.h2;
import static io.dash4j.components.Html.p;
import static io.dash4j.components.Html.section;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.DashApplication;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The example gallery: a tour of dash4j's callbacks on one page. Started by {@code conf/config.json}.
 */
public final class Gallery implements DashApplication {
  private static final Map<String, List<String>> CITIES = Map.of(
      "France", List.of("Paris", "Lyon", "Marseille"),
      "Japan", List.of("Tokyo", "Osaka", "Kyoto"),
      "Brazil", List.of("São Paulo", "Rio de Janeiro", "Brasília"));

  @Override
  public DashApp create() {
    var app = Dash.create(config -> config.title("dash4j gallery"));
    app.layout(div(
        h1("dash4j gallery"),
        markdown("Dash apps written in Java, served by Vert.x to the stock Dash front end."),
        section(h2("Hello"),
            input("name").value("world").placeholder("Your name"),
            div().id("greeting")).className("example"),
        section(h2("One input, two outputs"),
            slider("waves", 1, 10).step(1).value(3),
            div().id("waves-text"),
            graph("waves-chart")).className("example"),
        section(h2("A chain of callbacks"),
            dropdown("country").options("France", "Japan", "Brazil").value("France").clearable(false),
            dropdown("city").clearable(false),
            div().id("choice")).className("example"),
        section(h2("Setting props of other components"),
            button("Roll the dice").id("roll"),
            div("Not rolled yet").id("dice"),
            p("Rolls are counted here by setProps:"),
            div("0").id("rolls")).className("example")));

    app.callback(Output.of("greeting", Html.CHILDREN), Input.of("name", Dcc.Input.VALUE),
        name -> name == null || name.isBlank() ? "Hello, stranger!" : "Hello, " + name + "!");

    app.callback(Outputs.of(Output.of("waves-text", Html.CHILDREN), Output.of("waves-chart", Dcc.Graph.FIGURE)),
        Input.of("waves", Dcc.Slider.VALUE),
        waves -> Outputs.values(waves + " waves", sineFigure(waves.intValue())));

    app.callback(Outputs.of(Output.of("city", "options"), Output.of("city", Dcc.Dropdown.VALUE)),
        Input.of("country", Dcc.Dropdown.VALUE),
        country -> {
          List<String> cities = CITIES.get(String.valueOf(country));
          if (cities == null) {
            throw new PreventUpdate();
          }
          return Outputs.values(cities, cities.get(0));
        });
    app.callback(Output.of("choice", Html.CHILDREN), Input.of("city", Dcc.Dropdown.VALUE),
        State.of("country", Dcc.Dropdown.VALUE),
        (city, country) -> "You chose " + city + ", " + country + ".");

    app.callback(Output.of("dice", Html.CHILDREN), Input.of("roll", Html.N_CLICKS), State.of("rolls", Html.CHILDREN),
        (clicks, rolls) -> {
          if (clicks == null) {
            throw new PreventUpdate();
          }
          int count = Integer.parseInt(String.valueOf(rolls)) + 1;
          CallbackContext.current().setProps("rolls", Map.of("children", String.valueOf(count)));
          return "You rolled " + (1 + (int) (Math.random() * 6));
        });
    return app;
  }

  private static Map<String, Object> sineFigure(int waves) {
    var x = new ArrayList<Double>();
    var y = new ArrayList<Double>();
    for (int i = 0; i <= 200; i++) {
      double t = i / 200.0;
      x.add(t);
      y.add(Math.sin(2 * Math.PI * waves * t));
    }
    return Map.of(
        "data", List.of(Map.of("type", "scatter", "mode", "lines", "x", x, "y", y)),
        "layout", Map.of("title", Map.of("text", waves + " waves"), "margin", Map.of("t", 40)));
  }
}
