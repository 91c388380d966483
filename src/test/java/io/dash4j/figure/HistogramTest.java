package io.dash4j.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistogramTest {

  @Test
  void aHistogramBinsTheValuesAlongX() {
    var trace = Histogram.of(new int[] {1, 2, 2, 3}).nbinsx(20);

    assertThat(trace.toMap())
        .isEqualTo(Map.of("type", "histogram", "x", List.of(1, 2, 2, 3), "nbinsx", 20));
  }

  @Test
  void histnormChoosesWhatABarMeasures() {
    assertThat(Histogram.of(List.of(1.0, 2.0)).histnorm("percent").toMap())
        .containsEntry("histnorm", "percent");
  }
}
