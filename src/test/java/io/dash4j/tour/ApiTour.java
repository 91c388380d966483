package io.dash4j.tour;

import static io.dash4j.components.Dcc.dropdown;
import static io.dash4j.components.Dcc.graph;
import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Dcc.store;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h1;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.DashApplication;
import io.dash4j.callback.Argument;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.NoUpdate;
import io.dash4j.callback.Output;
import io.dash4j.callback.Outputs;
import io.dash4j.callback.PreventUpdate;
import io.dash4j.callback.Results;
import io.dash4j.callback.State;
import io.dash4j.callback.Update;
import io.dash4j.components.DashTable;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.figure.Axis;
import io.dash4j.figure.AxisType;
import io.dash4j.figure.Bar;
import io.dash4j.figure.Figure;
import io.dash4j.figure.Scatter;
import io.dash4j.layout.Component;
import io.dash4j.layout.Prop;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A tour of the public API as an app author writes it. Its first job is to compile: a change that
 * makes the API read worse shows up here as a diff; {@code ApiTourTest} also builds the app.
 */
public final class ApiTour implements DashApplication {
  @Override
  public DashApp create() {
    var app =
        Dash.create(
            config ->
                config
                    .title("Tour")
                    .debug(false)
                    .prefix("/")
                    .callbackTimeout(Duration.ofSeconds(10))
                    .externalStylesheets("https://example.invalid/theme.css"));

    // Layout: typed factories and fluent setters; enums for oneOf props; any component by hand.
    app.layout(
        () ->
            div(
                h1("Sales").className("title").style(Map.of("color", "#333")),
                input("region").type(Dcc.DccInput.Type.TEXT).value("EU").debounce(true),
                dropdown("year").options(List.of(2024, 2025)).value(2025).clearable(false),
                button("Refresh").id("refresh").nClicks(0),
                graph("chart"),
                store("cache").data(Map.of("seen", 0)),
                DashTable.dataTable("rows")
                    .columns(List.of(Map.of("id", "x", "name", "X")))
                    .data(List.of(Map.of("x", 1))),
                new Component("dash_bio", "Ideogram").prop("id", "custom"),
                div().id("status")));

    // One output, typed arguments: javac checks the lambda against the props.
    app.callback(
        Output.of("chart", Dcc.Graph.FIGURE),
        Input.of("region", Dcc.DccInput.VALUE.asString()),
        Input.of("year", Dcc.Dropdown.VALUE),
        (region, year) ->
            Figure.of(
                    Bar.of(List.of("Q1", "Q2"), List.of(3, 5)).name(region),
                    Scatter.lines(new double[] {0, 1}, new double[] {3, 5}).name("trend"))
                .title(region + " " + year)
                .yaxis(Axis.titled("units").type(AxisType.LINEAR)));

    // Several outputs typed each, a State, PreventUpdate, an Update (no_update), the callback
    // context, setProps.
    app.callback(
        Outputs.of(
            Output.of("status", Html.Div.CHILDREN),
            Output.of("cache", Dcc.Store.DATA).orNoUpdate()),
        Input.of("refresh", Html.Button.N_CLICKS),
        State.of("cache", Dcc.Store.DATA),
        (clicks, cache) -> {
          if (clicks == null) {
            throw new PreventUpdate();
          }
          var context = CallbackContext.current();
          context.setProps("region", Map.of("value", "US"));
          return Results.of(
              "refreshed by " + context.triggeredId(),
              clicks % 2 == 0 ? Update.noUpdate() : Update.of(Map.of("seen", clicks)));
        },
        options ->
            options.preventInitialCall(true).onError(error -> "failed: " + error.getMessage()));

    // Any number of arguments, as a list in declaration order.
    List<Argument<?>> arguments = List.of(Input.of("region", "value"), State.of("year", "value"));
    app.callback(
        Output.of("custom", "title"), arguments, values -> values.get(0) + "/" + values.get(1));

    // A prop of a component without a class, by name.
    Prop<Object> anyProp = Prop.any("chromosomes");
    app.callback(
        Output.of("custom", anyProp),
        Input.of("year", Dcc.Dropdown.VALUE),
        year -> List.of("1", "2"));

    app.onError(error -> NoUpdate.NO_UPDATE);
    return app;
  }
}
