package io.dash4j.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.callback.NoUpdate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobOutcomesTest {
  /**
   * A background callback without outputs returns null (lcbc017, lcbc019): a value, not a crash.
   */
  @Test
  void nullValueOfACallbackWithoutOutputsIsStoredAndReadBack() {
    var outcome = JobOutcomes.value(null);
    assertThat(JobOutcomes.read(outcome.json()))
        .isInstanceOfSatisfying(
            JobOutcomes.Value.class, value -> assertThat(value.value()).isNull());
  }

  @Test
  void valuesAndNoUpdatesRoundTrip() {
    var outcome = JobOutcomes.value(List.of("a", NoUpdate.NO_UPDATE));
    assertThat(JobOutcomes.read(outcome.json()))
        .isEqualTo(new JobOutcomes.Value(List.of("a", NoUpdate.NO_UPDATE)));
  }
}
