package io.dash4j.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarTest {

  @Test
  void barsAreVerticalWithCategoriesOnX() {
    var trace = Bar.of(List.of("a", "b"), List.of(3, 5)).name("counts");

    assertThat(trace.toMap())
        .isEqualTo(
            Map.of("type", "bar", "x", List.of("a", "b"), "y", List.of(3, 5), "name", "counts"));
  }

  @Test
  void horizontalBarsPutCategoriesOnYAndValuesOnX() {
    var trace = Bar.horizontal(List.of("a", "b"), new int[] {3, 5});

    assertThat(trace.toMap())
        .isEqualTo(
            Map.of("type", "bar", "y", List.of("a", "b"), "x", List.of(3, 5), "orientation", "h"));
  }

  @Test
  void orientationWritesPlotlysLetter() {
    assertThat(Bar.of(List.of("a"), new double[] {1}).orientation(Orientation.VERTICAL).toMap())
        .containsEntry("orientation", "v");
  }
}
