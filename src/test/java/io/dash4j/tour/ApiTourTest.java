package io.dash4j.tour;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.model.CallbackSpec;
import io.dash4j.model.ModelAccess;
import io.dash4j.protocol.JsonWriter;
import org.junit.jupiter.api.Test;

/**
 * The tour also builds: its callbacks register under the keys Dash expects and its layout
 * serializes.
 */
class ApiTourTest {
  @Test
  void theTourBuildsAnAppWithItsCallbacksAndLayout() {
    var model = ModelAccess.of(new ApiTour().create());

    assertThat(model.callbacks())
        .extracting(CallbackSpec::outputKey)
        .containsExactly(
            "chart.figure",
            "..status.children...cache.data..",
            "custom.title",
            "custom.chromosomes");
    assertThat(JsonWriter.toJson(model.layout()))
        .contains("\"type\":\"DataTable\",\"namespace\":\"dash_table\"")
        .contains("\"type\":\"text\"");
  }
}
