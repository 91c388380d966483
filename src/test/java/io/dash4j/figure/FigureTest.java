package io.dash4j.figure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.components.Dcc;
import io.dash4j.protocol.JsonWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FigureTest {

  @Test
  void aFigureIsDataAndLayoutAsPlotlyJsReadsThem() {
    var figure =
        Figure.of(
                Scatter.lines(new double[] {0, 0.5}, new double[] {0, 1}).name("sin"),
                Bar.of(List.of("a", "b"), List.of(3, 5)).name("counts"))
            .title("Waves")
            .xaxis(Axis.titled("t").range(0, 1))
            .yaxis(Axis.titled("value").type(AxisType.LOG))
            .height(400);

    assertThat(figure.toMap())
        .isEqualTo(
            Map.of(
                "data",
                    List.of(
                        Map.of(
                            "type",
                            "scatter",
                            "x",
                            List.of(0.0, 0.5),
                            "y",
                            List.of(0.0, 1.0),
                            "mode",
                            "lines",
                            "name",
                            "sin"),
                        Map.of(
                            "type",
                            "bar",
                            "x",
                            List.of("a", "b"),
                            "y",
                            List.of(3, 5),
                            "name",
                            "counts")),
                "layout",
                    Map.of(
                        "title", Map.of("text", "Waves"),
                        "xaxis", Map.of("title", Map.of("text", "t"), "range", List.of(0.0, 1.0)),
                        "yaxis", Map.of("title", Map.of("text", "value"), "type", "log"),
                        "height", 400)));
  }

  @Test
  void theFigureMapHasExactlyDataAndLayoutEvenWhenEmpty() {
    assertThat(Figure.of().toMap())
        .containsExactly(Map.entry("data", List.of()), Map.entry("layout", Map.of()));
    assertThat(Figure.of(Pie.of(List.of("a"), List.of(1))).title("t").toMap())
        .containsOnlyKeys("data", "layout");
  }

  @Test
  void aFigureIsTheMapItDescribes() {
    var figure = Figure.of(Histogram.of(new int[] {1, 2})).showlegend(false);
    Map<String, Object> map = figure;

    assertThat(map).isEqualTo(figure.toMap()).containsOnlyKeys("data", "layout");
    assertThat(map.get("layout")).isEqualTo(Map.of("showlegend", false));
  }

  @Test
  void theMapViewIsReadOnly() {
    var figure = Figure.of();

    assertThatThrownBy(() -> figure.put("frames", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> figure.remove("data"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theMapShowsTracesChangedAfterBuilding() {
    var trace = Scatter.lines(List.of(1), List.of(2));
    var figure = Figure.of(trace);
    trace.name("later");
    figure.addTrace(Bar.of(List.of("a"), List.of(1)));

    var data = (List<?>) figure.toMap().get("data");

    assertThat(data).hasSize(2);
    assertThat(map(data.get(0))).containsEntry("name", "later");
  }

  @Test
  void layoutMethodsLandAtTheirPlotlyPaths() {
    var figure =
        Figure.of()
            .legendOrientation(Orientation.HORIZONTAL)
            .showlegend(true)
            .margin(10, 20, 30, 40)
            .width(600)
            .barmode(BarMode.STACK);

    assertThat(figure.toMap().get("layout"))
        .isEqualTo(
            Map.of(
                "legend",
                Map.of("orientation", "h"),
                "showlegend",
                true,
                "margin",
                Map.of("l", 10, "r", 20, "t", 30, "b", 40),
                "width",
                600,
                "barmode",
                "stack"));
  }

  @Test
  void setPathsStartAtTheFigureRootAndMergeWithTheLayout() {
    var figure =
        Figure.of().title("t").set("layout.title.x", 0.5).set("layout.xaxis.showgrid", false);

    assertThat(figure.toMap().get("layout"))
        .isEqualTo(
            Map.of("title", Map.of("text", "t", "x", 0.5), "xaxis", Map.of("showgrid", false)));
  }

  @Test
  void anAxisSetWithAPathGoesInAsItsMap() {
    var figure = Figure.of().set("layout.xaxis2", Axis.titled("right").set("overlaying", "x"));

    assertThat(figure.toMap().get("layout"))
        .isEqualTo(Map.of("xaxis2", Map.of("title", Map.of("text", "right"), "overlaying", "x")));
  }

  @Test
  void tracesCannotBeSetThroughFigurePaths() {
    assertThatThrownBy(() -> Figure.of().set("data", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Figure.of().set("data.x", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTemplateObjectGoesInAsGiven() {
    var template = Map.of("layout", Map.of("paper_bgcolor", "lightgray"));

    assertThat(Figure.of().template(template).toMap().get("layout"))
        .isEqualTo(Map.of("template", template));
  }

  @Test
  void theJsonWriterEncodesAFigureInOrder() {
    var figure = Figure.of(Scatter.markers(new double[] {1}, new double[] {2})).height(300);

    assertThat(JsonWriter.toJson(figure))
        .isEqualTo(
            "{\"data\":[{\"type\":\"scatter\",\"x\":[1.0],\"y\":[2.0],\"mode\":\"markers\"}],\"layout\":{\"height\":300}}");
  }

  @Test
  void aFigureFitsTheGraphFigureProp() {
    var graph = Dcc.graph("chart").figure(Figure.of(Bar.of(List.of("a"), List.of(1))));

    assertThat(JsonWriter.toJson(graph)).contains("\"figure\":{\"data\":[{\"type\":\"bar\"");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
