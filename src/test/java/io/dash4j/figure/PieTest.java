package io.dash4j.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PieTest {

  @Test
  void aDonutHasLabelsValuesAndAHole() {
    var trace = Pie.of(List.of("cats", "dogs"), List.of(3, 7)).hole(0.4);

    assertThat(trace.toMap())
        .isEqualTo(
            Map.of(
                "type",
                "pie",
                "labels",
                List.of("cats", "dogs"),
                "values",
                List.of(3, 7),
                "hole",
                0.4));
  }

  @Test
  void sliceColorsGoInMarkerColors() {
    var trace = Pie.of(List.of("a", "b"), new double[] {1, 2}).colors(List.of("red", "blue"));

    assertThat(trace.toMap())
        .containsEntry("marker", Map.of("colors", List.of("red", "blue")))
        .containsEntry("values", List.of(1.0, 2.0));
  }
}
