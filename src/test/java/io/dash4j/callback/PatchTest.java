package io.dash4j.callback;

import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.protocol.JsonWriter;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatchTest {

  private static Map<String, Object> op(
      String name, List<Object> location, Map<String, Object> params) {
    return Map.of("operation", name, "location", location, "params", params);
  }

  private static Map<String, Object> wire(Map<?, ?>... operations) {
    return Map.of("__dash_patch_update", "__dash_patch_update", "operations", List.of(operations));
  }

  private static Map<String, Object> onlyOperation(Patch patch) {
    assertThat(patch.operations()).hasSize(1);
    return patch.operations().get(0);
  }

  @Test
  void anEmptyPatchIsTheMarkerWithNoOperations() {
    assertThat(Patch.create()).isEqualTo(wire());
  }

  @Test
  void eachOperationCarriesTheRenderersParams() {
    List<Object> at = List.of("a", 0);
    Map<String, Object> none = Map.of();

    assertThat(onlyOperation(Patch.create().at("a", 0).assign("v")))
        .isEqualTo(op("Assign", at, Map.of("value", "v")));
    assertThat(onlyOperation(Patch.create().at("a", 0).merge(Map.of("k", 1))))
        .isEqualTo(op("Merge", at, Map.of("value", Map.of("k", 1))));
    assertThat(onlyOperation(Patch.create().at("a", 0).extend(List.of(1, 2))))
        .isEqualTo(op("Extend", at, Map.of("value", List.of(1, 2))));
    assertThat(onlyOperation(Patch.create().at("a", 0).delete())).isEqualTo(op("Delete", at, none));
    assertThat(onlyOperation(Patch.create().at("a", 0).insert(-1, "v")))
        .isEqualTo(op("Insert", at, Map.of("index", -1, "value", "v")));
    assertThat(onlyOperation(Patch.create().at("a", 0).append("v")))
        .isEqualTo(op("Append", at, Map.of("value", "v")));
    assertThat(onlyOperation(Patch.create().at("a", 0).prepend("v")))
        .isEqualTo(op("Prepend", at, Map.of("value", "v")));
    assertThat(onlyOperation(Patch.create().at("a", 0).add(1)))
        .isEqualTo(op("Add", at, Map.of("value", 1)));
    assertThat(onlyOperation(Patch.create().at("a", 0).add("!")))
        .isEqualTo(op("Add", at, Map.of("value", "!")));
    assertThat(onlyOperation(Patch.create().at("a", 0).sub(2)))
        .isEqualTo(op("Sub", at, Map.of("value", 2)));
    assertThat(onlyOperation(Patch.create().at("a", 0).mul(3)))
        .isEqualTo(op("Mul", at, Map.of("value", 3)));
    assertThat(onlyOperation(Patch.create().at("a", 0).div(4.5)))
        .isEqualTo(op("Div", at, Map.of("value", 4.5)));
    assertThat(onlyOperation(Patch.create().at("a", 0).clear())).isEqualTo(op("Clear", at, none));
    assertThat(onlyOperation(Patch.create().at("a", 0).reverse()))
        .isEqualTo(op("Reverse", at, none));
    assertThat(onlyOperation(Patch.create().at("a", 0).remove("gone")))
        .isEqualTo(op("Remove", at, Map.of("value", "gone")));
  }

  @Test
  void operationsStayInTheOrderTheyWereRecorded() {
    var patch =
        Patch.create()
            .at("layout", "title", "text")
            .assign("New title")
            .at("data", 0, "y")
            .append(42)
            .at("data", -1)
            .delete()
            .at("counts")
            .add(1);

    assertThat(patch)
        .isEqualTo(
            wire(
                op("Assign", List.of("layout", "title", "text"), Map.of("value", "New title")),
                op("Append", List.of("data", 0, "y"), Map.of("value", 42)),
                op("Delete", List.of("data", -1), Map.of()),
                op("Add", List.of("counts"), Map.of("value", 1))));
  }

  @Test
  void rootOperationsHaveAnEmptyLocation() {
    var patch =
        Patch.create()
            .append("x")
            .prepend("a")
            .insert(1, "b")
            .extend(List.of("y"))
            .reverse()
            .merge(Map.of("k", "v"))
            .add(1)
            .sub(1)
            .mul(2)
            .div(2)
            .at()
            .clear()
            .at()
            .remove("x");

    assertThat(patch.operations())
        .allSatisfy(op -> assertThat(op.get("location")).isEqualTo(List.of()));
    assertThat(patch.operations())
        .extracting(op -> op.get("operation"))
        .containsExactly(
            "Append", "Prepend", "Insert", "Extend", "Reverse", "Merge", "Add", "Sub", "Mul", "Div",
            "Clear", "Remove");
  }

  @Test
  void aLocationGoesDeeperFromWhereItIs() {
    var layout = Patch.create().at("layout");

    assertThat(layout.at("title", "text").path()).containsExactly("layout", "title", "text");
    assertThat(layout.path()).containsExactly("layout");
  }

  @Test
  void nullIsAValueThatCanBeAssigned() {
    var params = new HashMap<String, Object>();
    params.put("value", null);

    assertThat(onlyOperation(Patch.create().at("value").assign(null)))
        .isEqualTo(op("Assign", List.of("value"), params));
  }

  @Test
  void pathElementsOtherThanStringsAndIntegersAreRejected() {
    var patch = Patch.create();

    assertThatThrownBy(() -> patch.at("data", 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Long");
    assertThatThrownBy(() -> patch.at("data", 1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> patch.at("data", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
    assertThatThrownBy(() -> patch.at((Object[]) null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> patch.at("data").at(List.of(0)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(patch.operations()).isEmpty();
  }

  @Test
  void deletingTheRootValueIsRejected() {
    assertThatThrownBy(() -> Patch.create().at().delete())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void thePatchIsReadOnlyAsAMap() {
    var patch = Patch.create().at("a").append(1);

    assertThatThrownBy(() -> patch.put("operations", List.of()))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> patch.remove("operations"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(patch::clear)
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("at().clear()");
    assertThatThrownBy(() -> patch.putAll(Map.of("x", 1)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> patch.entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> patch.operations().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> patch.operations().get(0).put("operation", "Assign"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(patch.operations()).hasSize(1);
  }

  @Test
  void theMapShowsOperationsRecordedAfterItWasRead() {
    var patch = Patch.create();
    var operations = (List<?>) patch.get("operations");

    patch.append(1);

    assertThat(operations).hasSize(1);
  }

  @Test
  void theJsonWriterEmitsTheWireForm() {
    var patch =
        Patch.create()
            .at("layout", "title", "text")
            .assign("New title")
            .at("children")
            .insert(0, div("first"))
            .at("data", -1)
            .delete();

    var json = new JsonObject(JsonWriter.toJson(patch));

    assertThat(json.getMap())
        .isEqualTo(
            Map.of(
                "__dash_patch_update",
                "__dash_patch_update",
                "operations",
                List.of(
                    op("Assign", List.of("layout", "title", "text"), Map.of("value", "New title")),
                    op(
                        "Insert",
                        List.of("children"),
                        Map.of(
                            "index",
                            0,
                            "value",
                            Map.of(
                                "props",
                                Map.of("children", "first"),
                                "type",
                                "Div",
                                "namespace",
                                "dash_html_components"))),
                    op("Delete", List.of("data", -1), Map.of()))));
  }

  @Test
  void isPatchDetectsTheMarkerKeyInAnyMap() {
    var plain = new LinkedHashMap<String, Object>();
    plain.put("__dash_patch_update", "__dash_patch_update");
    plain.put("operations", new ArrayList<>());

    assertThat(Patch.isPatch(Patch.create())).isTrue();
    assertThat(Patch.isPatch(plain)).isTrue();
    assertThat(Patch.isPatch(Map.of("operations", List.of()))).isFalse();
    assertThat(Patch.isPatch(Arrays.asList("__dash_patch_update"))).isFalse();
    assertThat(Patch.isPatch(null)).isFalse();
  }

  @Test
  void aPatchFitsWhereAMapIsExpected() {
    Map<String, Object> figure = Patch.create().at("data", 0, "y").extend(List.of(1, 2, 3));

    assertThat(figure).containsEntry("__dash_patch_update", "__dash_patch_update");
  }
}
