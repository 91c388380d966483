package io.dash4j.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScatterTest {

  @Test
  void linesAreAScatterInLinesMode() {
    var trace = Scatter.lines(List.of(1, 2, 3), List.of(4.0, 5.5, 6.0));

    assertThat(trace.toMap())
        .isEqualTo(
            Map.of(
                "type",
                "scatter",
                "x",
                List.of(1, 2, 3),
                "y",
                List.of(4.0, 5.5, 6.0),
                "mode",
                "lines"));
  }

  @Test
  void markersAndLinesAndMarkersSetTheirMode() {
    assertThat(Scatter.markers(List.of(1), List.of(2)).toMap()).containsEntry("mode", "markers");
    assertThat(Scatter.linesAndMarkers(List.of(1), List.of(2)).toMap())
        .containsEntry("mode", "lines+markers");
  }

  @Test
  void ofLeavesTheModeToPlotly() {
    assertThat(Scatter.of(new double[] {0, 1}, new double[] {2, 3}).toMap())
        .isEqualTo(Map.of("type", "scatter", "x", List.of(0.0, 1.0), "y", List.of(2.0, 3.0)));
  }

  @Test
  void datesOnXWithADoubleArrayOnY() {
    var trace = Scatter.lines(List.of("2024-01-01", "2024-01-02"), new double[] {1.5, 2.5});

    assertThat(trace.toMap())
        .containsEntry("x", List.of("2024-01-01", "2024-01-02"))
        .containsEntry("y", List.of(1.5, 2.5));
  }

  @Test
  void markerSizeAndFillNestWhereScatterReadsThem() {
    var trace = Scatter.markers(List.of(1), List.of(2)).markerSize(12).fill("tozeroy");

    assertThat(trace.toMap())
        .containsEntry("marker", Map.of("size", 12.0))
        .containsEntry("fill", "tozeroy");
  }
}
