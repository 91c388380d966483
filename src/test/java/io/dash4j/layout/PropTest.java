package io.dash4j.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.components.Dcc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropTest {
  static final Prop<String> TEXT = Dcc.DccInput.VALUE.asString();

  @Test
  void asStringReadsTextNumbersAndBooleansAsTheirText() {
    assertThat(TEXT.decode("world")).isEqualTo("world");
    assertThat(TEXT.decode(42)).isEqualTo("42");
    assertThat(TEXT.decode(2.5)).isEqualTo("2.5");
    assertThat(TEXT.decode(true)).isEqualTo("true");
    assertThat(TEXT.decode(null)).isNull();
  }

  @Test
  void asStringRefusesAnObjectOrAListInsteadOfWritingJavasToString() {
    assertThatThrownBy(() -> TEXT.decode(Map.of("a", 1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("prop 'value' expects String but got");
    assertThatThrownBy(() -> TEXT.decode(List.of(1, 2))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("prop 'value' expects String but got");
  }
}
