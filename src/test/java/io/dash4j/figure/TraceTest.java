package io.dash4j.figure;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceTest {

  @Test
  void commonAttributesLandAtTheirPlotlyPaths() {
    var trace =
        Scatter.lines(List.of(1), List.of(2))
            .name("sin")
            .markerColor("#636efa")
            .lineColor("red")
            .lineWidth(2)
            .lineDash("dot")
            .opacity(0.5)
            .showlegend(false)
            .hovertemplate("%{y}<extra></extra>")
            .text("hello");

    assertThat(trace.toMap())
        .isEqualTo(
            Map.ofEntries(
                entry("type", "scatter"),
                entry("x", List.of(1)),
                entry("y", List.of(2)),
                entry("mode", "lines"),
                entry("name", "sin"),
                entry("marker", Map.of("color", "#636efa")),
                entry("line", Map.of("color", "red", "width", 2.0, "dash", "dot")),
                entry("opacity", 0.5),
                entry("showlegend", false),
                entry("hovertemplate", "%{y}<extra></extra>"),
                entry("text", "hello")));
  }

  @Test
  void perPointTextsAndColorsAreLists() {
    var trace =
        Bar.of(List.of("a", "b"), List.of(1, 2))
            .text(List.of("one", "two"))
            .markerColor(List.of(1, 2));

    assertThat(trace.toMap())
        .containsEntry("text", List.of("one", "two"))
        .containsEntry("marker", Map.of("color", List.of(1, 2)));
  }

  @Test
  void unsetAttributesAreAbsent() {
    assertThat(Scatter.of(List.of(1), List.of(2)).toMap()).containsOnlyKeys("type", "x", "y");
  }

  @Test
  void dottedPathsCreateNestedMaps() {
    var trace = Trace.of("bar").set("marker.line.color", "black").set("marker.line.width", 1);

    assertThat(trace.toMap())
        .isEqualTo(
            Map.of("type", "bar", "marker", Map.of("line", Map.of("color", "black", "width", 1))));
  }

  @Test
  void dottedPathsMergeWithSiblingsSetByMethods() {
    var trace =
        Scatter.markers(List.of(1), List.of(2)).markerColor("red").set("marker.symbol", "square");

    assertThat(trace.toMap()).containsEntry("marker", Map.of("color", "red", "symbol", "square"));
  }

  @Test
  void aLaterValueOverridesAnEarlierOne() {
    var trace =
        Scatter.lines(List.of(1), List.of(2)).set("mode", "markers").lineWidth(1).lineWidth(3);

    assertThat(trace.toMap())
        .containsEntry("mode", "markers")
        .containsEntry("line", Map.of("width", 3.0));
  }

  @Test
  void aMapAtAParentReplacesItsWholeSubtree() {
    var trace = Trace.of("scatter").set("marker.color", "red").set("marker", Map.of("size", 4));

    assertThat(trace.toMap()).containsEntry("marker", Map.of("size", 4));
  }

  @Test
  void aPathThroughAPlainValueReplacesItWithAMap() {
    var trace = Trace.of("scatter").set("line", "oops").set("line.width", 2);

    assertThat(trace.toMap()).containsEntry("line", Map.of("width", 2));
  }

  @Test
  void nullRemovesTheAttributeAndTheMapsItEmptied() {
    var trace =
        Trace.of("scatter")
            .set("marker.line.color", "red")
            .set("marker.size", 3)
            .set("marker.line.color", null)
            .set("opacity", null)
            .set("never.set", null);

    assertThat(trace.toMap()).isEqualTo(Map.of("type", "scatter", "marker", Map.of("size", 3)));
  }

  @Test
  void arraysOfPrimitivesBecomeLists() {
    var trace =
        Trace.of("scatter3d")
            .set("x", new double[] {1.5})
            .set("y", new int[] {2})
            .set("z", new long[] {3L})
            .set("visible", new boolean[] {true})
            .set("customdata", new String[] {"a"});

    assertThat(trace.toMap())
        .isEqualTo(
            Map.of(
                "type",
                "scatter3d",
                "x",
                List.of(1.5),
                "y",
                List.of(2),
                "z",
                List.of(3L),
                "visible",
                List.of(true),
                "customdata",
                List.of("a")));
  }

  @Test
  void datesBecomeIsoStringsPlotlyParses() {
    var trace =
        Scatter.lines(
            List.of(
                LocalDate.of(2024, 1, 31),
                LocalDateTime.of(2024, 2, 1, 10, 15),
                ZonedDateTime.of(2024, 2, 2, 0, 0, 0, 0, ZoneOffset.ofHours(1))),
            List.of(1, 2, 3));

    assertThat(trace.toMap())
        .containsEntry("x", List.of("2024-01-31", "2024-02-01T10:15", "2024-02-02T00:00+01:00"));
  }

  @Test
  void nestedCollectionsAndEnumsBecomePlainValues() {
    var trace =
        Trace.of("scatter")
            .set("customdata", Set.of(List.of('c')))
            .set("meta", Map.of(1, AxisType.LOG));

    assertThat(trace.toMap())
        .containsEntry("customdata", List.of(List.of("c")))
        .containsEntry("meta", Map.of("1", "log"));
  }

  @Test
  void valuesAreCopiedWhenSet() {
    var xs = new ArrayList<>(List.of(1, 2));
    var trace = Scatter.lines(xs, List.of(3, 4));
    xs.add(99);

    assertThat(trace.toMap()).containsEntry("x", List.of(1, 2));
  }

  @Test
  void theMapIsAFreshCopy() {
    var trace = Trace.of("pie").set("marker.colors", List.of("red"));
    trace.toMap().clear();

    assertThat(trace.toMap()).containsEntry("marker", Map.of("colors", List.of("red")));
  }

  @Test
  void anyTraceTypeIsReachableWithRawAttributes() {
    var trace = Trace.of("scatter3d").set("x", List.of(1)).set("z", List.of(3)).name("cloud");

    assertThat(trace.toMap())
        .isEqualTo(Map.of("type", "scatter3d", "x", List.of(1), "z", List.of(3), "name", "cloud"));
  }

  @Test
  void aValueJsonCannotCarryIsRefusedWhenSet() {
    assertThatThrownBy(() -> Trace.of("scatter").set("x", new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Object");
  }

  @Test
  void anEmptyPathSegmentIsRefused() {
    assertThatThrownBy(() -> Trace.of("scatter").set("marker..color", "red"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("marker..color");
  }
}
