package io.dash4j.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.callback.Output;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackKeysTest {

  @Test
  void aStringIdIsItsOwnStringifiedId() {
    assertThat(CallbackKeys.stringifyId("my-button")).isEqualTo("my-button");
  }

  @Test
  void aDictIdIsCompactJsonWithSortedKeysAsTheRendererWritesIt() {
    var id = new LinkedHashMap<String, Object>();
    id.put("type", "btn");
    id.put("index", 0);
    id.put("active", true);

    // renderer: JSON.stringify of the object with its keys sorted (dependencies.js stringifyId)
    assertThat(CallbackKeys.stringifyId(id))
        .isEqualTo("{\"active\":true,\"index\":0,\"type\":\"btn\"}");
  }

  @Test
  void dictIdValuesAreEscapedAsJsonStringsWithoutEscapingWhatJavaScriptKeeps() {
    var id = Map.of("name", "say \"hi\" / café");

    assertThat(CallbackKeys.stringifyId(id)).isEqualTo("{\"name\":\"say \\\"hi\\\" / café\"}");
  }

  @Test
  void wildcardsInADictIdAreOneElementArrays() {
    var id = Map.of("type", "output", "index", List.of("MATCH"));

    assertThat(CallbackKeys.stringifyId(id))
        .isEqualTo("{\"index\":[\"MATCH\"],\"type\":\"output\"}");
  }

  @Test
  void somethingThatIsNoIdIsRejected() {
    assertThatThrownBy(() -> CallbackKeys.stringifyId(42))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPropIdJoinsTheStringifiedIdAndThePropWithADot() {
    assertThat(CallbackKeys.propId("btn", "n_clicks")).isEqualTo("btn.n_clicks");
    assertThat(CallbackKeys.propId(Map.of("type", "b", "index", 2), "n_clicks"))
        .isEqualTo("{\"index\":2,\"type\":\"b\"}.n_clicks");
  }

  @Test
  void aSingleOutputKeyIsIdDotProp() {
    var callback = callback(false, Output.of("greeting", Html.CHILDREN));

    assertThat(outputKey(callback)).isEqualTo("greeting.children");
  }

  @Test
  void aMultiOutputKeyWrapsTheOutputsInDoubleDotsAndSeparatesThemWithTripleDots() {
    var callback =
        callback(true, Output.of("text", Html.CHILDREN), Output.of("chart", Dcc.Graph.FIGURE));

    assertThat(outputKey(callback)).isEqualTo("..text.children...chart.figure..");
  }

  @Test
  void aOneElementMultiOutputStillGetsTheMultiForm() {
    var callback = callback(true, Output.of("text", Html.CHILDREN));

    assertThat(outputKey(callback)).isEqualTo("..text.children..");
  }

  @Test
  void dotsInsideADictIdAreEscapedInTheOutputKey() {
    var callback =
        callback(
            true, Output.of(Map.of("file", "data.csv"), Html.CHILDREN), Output.of("b", Html.STYLE));

    // dash/_utils.py::create_callback_id escapes every '.' of the stringified id as '\.'
    assertThat(outputKey(callback)).isEqualTo("..{\"file\":\"data\\.csv\"}.children...b.style..");
  }

  @Test
  void aDictIdOutputKeyUsesTheStringifiedId() {
    var callback = callback(false, Output.of(Map.of("type", "out", "index", 3), Html.CHILDREN));

    assertThat(outputKey(callback)).isEqualTo("{\"index\":3,\"type\":\"out\"}.children");
  }

  @Test
  void theEventBusAddressIsThePrefixedOutputKey() {
    assertThat(CallbackKeys.address("..a.children...b.children.."))
        .isEqualTo("dash4j.callback...a.children...b.children..");
  }

  private static Key callback(boolean multi, Output<?>... outputs) {
    return new Key(
        List.of(outputs).stream()
            .map(
                o -> new CallbackKeys.OutputRef(o.componentId(), o.property(), o.allowsDuplicate()))
            .toList(),
        multi);
  }

  /** A callback's outputs, whose key the protocol works out with one input, {@code in.value}. */
  private record Key(List<CallbackKeys.OutputRef> outputs, boolean multi) {}

  private static String outputKey(Key key) {
    return CallbackKeys.outputKey(
        key.outputs(), key.multi(), List.of("in.value"), "CallbackKeysTest:1");
  }
}
