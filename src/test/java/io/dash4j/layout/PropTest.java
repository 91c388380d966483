package io.dash4j.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.components.DashTable;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
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
    assertThatThrownBy(() -> TEXT.decode(Map.of("a", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("prop 'value' expects String but got");
    assertThatThrownBy(() -> TEXT.decode(List.of(1, 2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("prop 'value' expects String but got");
  }

  static final Prop<Number> NUMBER = Dcc.DccInput.VALUE.asNumber();
  static final Prop<List<String>> SELECTED = Dcc.Dropdown.VALUE.asStringList();
  static final Prop<List<Map<String, Object>>> ROWS = DashTable.DataTable.DATA;

  @Test
  void asNumberKeepsNumbersAndReadsTheirText() {
    assertThat(NUMBER.decode(42)).isEqualTo(42);
    assertThat(NUMBER.decode(2.5)).isEqualTo(2.5);
    assertThat(NUMBER.decode("7")).isEqualTo(7);
    assertThat(NUMBER.decode(" 12345678901 ")).isEqualTo(12345678901L);
    assertThat(NUMBER.decode("-0.5")).isEqualTo(-0.5);
    assertThat(NUMBER.decode("")).isNull();
    assertThat(NUMBER.decode(null)).isNull();
  }

  @Test
  void asNumberRefusesTextThatIsNoNumberAndOtherJsonTypes() {
    for (Object wrong : List.of("abc", "NaN", "Infinity", true, List.of(1), Map.of("a", 1))) {
      assertThatThrownBy(() -> NUMBER.decode(wrong))
          .as("%s", wrong)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("prop 'value' expects");
    }
  }

  @Test
  void asStringListReadsADropdownValueAsTheDropdownDoes() {
    assertThat(SELECTED.decode(null)).isEmpty();
    assertThat(SELECTED.decode("EU")).containsExactly("EU");
    assertThat(SELECTED.decode(3)).containsExactly("3");
    assertThat(SELECTED.decode(List.of("EU", 3, true))).containsExactly("EU", "3", "true");
  }

  @Test
  void asStringListRefusesObjectsAndNestedLists() {
    for (Object wrong : List.of(Map.of("a", 1), List.of(List.of("EU")), List.of(Map.of("a", 1)))) {
      assertThatThrownBy(() -> SELECTED.decode(wrong))
          .as("%s", wrong)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("prop 'value' expects String but got");
    }
  }

  @Test
  void tableRowsDecodeAsMapsAndAnythingElseIsRefused() {
    assertThat(ROWS.decode(List.of(Map.of("units", 3)))).containsExactly(Map.of("units", 3));
    assertThat(ROWS.decode(null)).isNull();
    for (Object wrong : List.of("rows", Map.of("units", 3), List.of("row"), List.of(List.of(1)))) {
      assertThatThrownBy(() -> ROWS.decode(wrong))
          .as("%s", wrong)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("prop 'data' expects");
    }
  }

  @Test
  void ofNamesThePropOfOneComponent() {
    var clock = Html.Div.CHILDREN.of("clock");
    assertThat(clock.componentId()).isEqualTo("clock");
    assertThat(clock.prop().name()).isEqualTo("children");
  }
}
