package io.dash4j.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeatmapTest {

  @Test
  void aMatrixBecomesZAsListsOfRows() {
    var trace = Heatmap.of(new double[][] {{1, 2}, {3, 4}});

    assertThat(trace.toMap())
        .isEqualTo(Map.of("type", "heatmap", "z", List.of(List.of(1.0, 2.0), List.of(3.0, 4.0))));
  }

  @Test
  void labelsAndANamedColorscaleAreOptional() {
    var trace =
        Heatmap.of(new int[][] {{1, 2}})
            .x(List.of("mon", "tue"))
            .y(List.of("am"))
            .colorscale("Viridis");

    assertThat(trace.toMap())
        .isEqualTo(
            Map.of(
                "type",
                "heatmap",
                "z",
                List.of(List.of(1, 2)),
                "x",
                List.of("mon", "tue"),
                "y",
                List.of("am"),
                "colorscale",
                "Viridis"));
  }

  @Test
  void blankCellsAndAColorscaleOfPairsPassThrough() {
    var trace =
        Heatmap.of(List.of(Arrays.asList(1, null)))
            .colorscale(List.of(List.of(0, "white"), List.of(1, "navy")))
            .showscale(false);

    assertThat(trace.toMap())
        .containsEntry("z", List.of(Arrays.asList(1, null)))
        .containsEntry("colorscale", List.of(List.of(0, "white"), List.of(1, "navy")))
        .containsEntry("showscale", false);
  }
}
