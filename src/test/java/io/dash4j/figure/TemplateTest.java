package io.dash4j.figure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void aNamedTemplateIsSentAsTheObjectPlotlyJsReads() {
    var layout = map(Figure.of().template(Template.PLOTLY_WHITE).toMap().get("layout"));
    var template = map(map(layout.get("template")).get("layout"));

    assertThat(template)
        .containsEntry("plot_bgcolor", "white")
        .containsEntry("paper_bgcolor", "white")
        .containsEntry("font", Map.of("color", "#2a3f5f"));
    assertThat(map(template.get("xaxis"))).containsEntry("gridcolor", "#EBF0F8");
  }

  @Test
  void everyTemplateHasAColorwayAndBackgrounds() {
    for (Template template : Template.values()) {
      assertThat(map(template.toMap().get("layout")))
          .containsKeys("colorway", "paper_bgcolor", "plot_bgcolor", "xaxis", "yaxis");
    }
  }

  @Test
  void simpleWhiteDrawsAxisLinesWithoutGridOrZeroLine() {
    var xaxis = map(map(Template.SIMPLE_WHITE.toMap().get("layout")).get("xaxis"));

    assertThat(xaxis)
        .containsEntry("showgrid", false)
        .containsEntry("showline", true)
        .containsEntry("ticks", "outside")
        .containsEntry("zeroline", false)
        .doesNotContainKey("zerolinewidth");
  }

  @Test
  void aTemplateSetByPathIsItsObject() {
    assertThat(Figure.of().set("layout.template", Template.PLOTLY).toMap().get("layout"))
        .isEqualTo(Map.of("template", Template.PLOTLY.toMap()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }
}
