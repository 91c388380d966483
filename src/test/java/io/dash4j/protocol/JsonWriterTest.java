package io.dash4j.protocol;

import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.components.Dcc;
import io.dash4j.layout.Component;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

  @Test
  void aComponentBecomesPropsTypeAndNamespace() {
    var component = div("hello").id("main");

    assertThat(JsonWriter.toJson(component))
        .isEqualTo(
            "{\"props\":{\"children\":\"hello\",\"id\":\"main\"},\"type\":\"Div\",\"namespace\":\"dash_html_components\"}");
  }

  @Test
  void onlyThePropsThatWereSetAreWritten() {
    assertThat(JsonWriter.toJson(Dcc.input("name")))
        .isEqualTo(
            "{\"props\":{\"id\":\"name\"},\"type\":\"Input\",\"namespace\":\"dash_core_components\"}");
  }

  @Test
  void aPropSetToNullIsWrittenAsNull() {
    var component =
        new Component("dash_bio", "Ideogram").prop("id", "ideo").prop("chromosomes", null);

    assertThat(JsonWriter.toJson(component))
        .isEqualTo(
            "{\"props\":{\"id\":\"ideo\",\"chromosomes\":null},\"type\":\"Ideogram\",\"namespace\":\"dash_bio\"}");
  }

  @Test
  void childrenNestAsComponentJson() {
    var json = new JsonObject(JsonWriter.toJson(div(h1("Title"), "text", 1.5, null)));

    assertThat(json.getJsonObject("props").getJsonArray("children").getList())
        .containsExactly(
            Map.of(
                "props",
                Map.of("children", "Title"),
                "type",
                "H1",
                "namespace",
                "dash_html_components"),
            "text",
            1.5,
            null);
  }

  @Test
  void theOutputIsCompact() {
    var map = new LinkedHashMap<String, Object>();
    map.put("a", List.of(1, 2));
    map.put("b", Map.of("c", true));

    assertThat(JsonWriter.toJson(map)).isEqualTo("{\"a\":[1,2],\"b\":{\"c\":true}}");
  }

  @Test
  void nanAndInfinitiesBecomeNull() {
    var values =
        Arrays.asList(
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            Float.NaN,
            Float.POSITIVE_INFINITY,
            1.5,
            7L);

    assertThat(JsonWriter.toJson(values)).isEqualTo("[null,null,null,null,null,1.5,7]");
  }

  @Test
  void arraysEnumsAndDatesAreWritten() {
    var values =
        List.of(new int[] {1, 2}, new String[] {"x"}, Thread.State.NEW, LocalDate.of(2024, 2, 29));

    assertThat(JsonWriter.toJson(values)).isEqualTo("[[1,2],[\"x\"],\"NEW\",\"2024-02-29\"]");
  }

  @Test
  void toBytesIsTheUtf8OfToJson() {
    var value = Map.of("city", "São Paulo");

    assertThat(new String(JsonWriter.toBytes(value), StandardCharsets.UTF_8))
        .isEqualTo(JsonWriter.toJson(value));
  }

  @Test
  void scriptJsonCannotCloseTheScriptElement() {
    String hostile = "</script><script>alert(1)</script><!--";

    String json = JsonWriter.toScriptJson(Map.of("update_title", hostile));

    assertThat(json).doesNotContain("<", ">", "/").doesNotContainIgnoringCase("</script");
    assertThat(new JsonObject(json).getString("update_title")).isEqualTo(hostile);
  }

  @Test
  void scriptJsonEscapesTheAngleBracketsAndSlashAsDashDoes() {
    assertThat(JsonWriter.toScriptJson("</a>")).isEqualTo("\"\\u003c\\u002fa\\u003e\"");
  }

  @Test
  void anUnserializableObjectIsRejected() {
    assertThatThrownBy(() -> JsonWriter.toJson(new Object()))
        .isInstanceOf(JsonWriter.UnserializableValue.class);
  }

  @Test
  void anUnserializableObjectDeepInsideIsRejectedToo() {
    record Point(int x, int y) {}
    var figure = Map.of("data", List.of(Map.of("points", List.of(new Point(1, 2)))));

    assertThatThrownBy(() -> JsonWriter.toJson(figure))
        .isInstanceOf(JsonWriter.UnserializableValue.class);
    assertThatThrownBy(() -> JsonWriter.toBytes(figure))
        .isInstanceOf(JsonWriter.UnserializableValue.class);
    assertThatThrownBy(() -> JsonWriter.toScriptJson(figure))
        .isInstanceOf(JsonWriter.UnserializableValue.class);
  }
}
