package io.dash4j.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AxisTest {

  @Test
  void aTitledAxisWritesTitleText() {
    assertThat(Axis.titled("t").toMap()).isEqualTo(Map.of("title", Map.of("text", "t")));
  }

  @Test
  void rangeAndTypeAreWrittenAsPlotlyReadsThem() {
    var axis = Axis.create().range(0, 1).type(AxisType.LOG);

    assertThat(axis.toMap()).isEqualTo(Map.of("range", List.of(0.0, 1.0), "type", "log"));
  }

  @Test
  void aDateRangeTakesJavaTimeValuesAndOpenEnds() {
    var axis = Axis.create().type(AxisType.DATE).range(LocalDate.of(2024, 1, 1), null);

    assertThat(axis.toMap())
        .containsEntry("range", Arrays.asList("2024-01-01", null))
        .containsEntry("type", "date");
  }

  @Test
  void everyAxisTypeHasItsPlotlyName() {
    assertThat(AxisType.values())
        .extracting(AxisType::wire)
        .containsExactly("linear", "log", "date", "category");
  }

  @Test
  void anyAxisAttributeIsReachableWithADottedPath() {
    var axis = Axis.titled("t").set("title.font.size", 14).set("showgrid", false);

    assertThat(axis.toMap())
        .isEqualTo(
            Map.of("title", Map.of("text", "t", "font", Map.of("size", 14)), "showgrid", false));
  }

  @Test
  void anUntouchedAxisIsEmpty() {
    assertThat(Axis.create().toMap()).isEmpty();
  }
}
