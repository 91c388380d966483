package io.dash4j.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.protocol.MalformedRequest;
import io.dash4j.protocol.UpdateRequest;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpdateRequestsTest {

  @Test
  void aRendererBodyIsParsed() {
    var request =
        parse(
            """
        {"output": "..out1.children...out2.children..",
         "outputs": [{"id": "out1", "property": "children"}, {"id": "out2", "property": "children"}],
         "inputs": [{"id": "btn", "property": "n_clicks", "value": 3}],
         "changedPropIds": ["btn.n_clicks"],
         "parsedChangedPropsIds": ["btn.n_clicks"],
         "state": [{"id": {"type": "in", "index": 1}, "property": "value", "value": "hello"}]}""");

    assertThat(request.output()).isEqualTo("..out1.children...out2.children..");
    assertThat(request.outputs())
        .isEqualTo(
            List.of(
                Map.of("id", "out1", "property", "children"),
                Map.of("id", "out2", "property", "children")));
    assertThat(request.inputs())
        .containsExactly(Map.of("id", "btn", "property", "n_clicks", "value", 3));
    assertThat(request.state())
        .containsExactly(
            Map.of("id", Map.of("type", "in", "index", 1), "property", "value", "value", "hello"));
    assertThat(request.changedPropIds()).containsExactly("btn.n_clicks");
    assertThat(request.body()).containsKey("parsedChangedPropsIds");
  }

  @Test
  void stateAndChangedPropIdsMayBeMissing() {
    var request =
        parse(
            "{\"output\": \"a.b\", \"outputs\": {\"id\": \"a\", \"property\": \"b\"}, \"inputs\": []}");

    assertThat(request.state()).isEmpty();
    assertThat(request.changedPropIds()).isEmpty();
    assertThat(request.outputs()).isEqualTo(Map.of("id", "a", "property", "b"));
  }

  @Test
  void textThatIsNotJsonIsMalformed() {
    assertMalformed("output=a.b&inputs=");
  }

  @Test
  void anEmptyBodyIsMalformed() {
    assertMalformed("");
  }

  @Test
  void jsonThatIsNotAnObjectIsMalformed() {
    assertMalformed("[{\"output\": \"a.b\", \"inputs\": []}]");
    assertMalformed("null");
    assertMalformed("\"a.b\"");
  }

  @Test
  void aBodyWithoutOutputIsMalformed() {
    assertMalformed("{\"inputs\": []}");
    assertMalformed("{\"output\": \"\", \"inputs\": []}");
    assertMalformed("{\"output\": 42, \"inputs\": []}");
  }

  @Test
  void inputsThatAreNotAListAreMalformed() {
    assertMalformed("{\"output\": \"a.b\"}");
    assertMalformed("{\"output\": \"a.b\", \"inputs\": {\"id\": \"x\", \"property\": \"value\"}}");
    assertMalformed("{\"output\": \"a.b\", \"inputs\": \"x.value\"}");
  }

  @Test
  void stateThatIsNotAListIsMalformed() {
    assertMalformed("{\"output\": \"a.b\", \"inputs\": [], \"state\": {}}");
  }

  @Test
  void changedPropIdsThatAreNotStringsAreMalformed() {
    assertMalformed("{\"output\": \"a.b\", \"inputs\": [], \"changedPropIds\": [1]}");
    assertMalformed("{\"output\": \"a.b\", \"inputs\": [], \"changedPropIds\": [{\"id\": \"x\"}]}");
    assertMalformed("{\"output\": \"a.b\", \"inputs\": [], \"changedPropIds\": \"x.value\"}");
  }

  @Test
  void theRefusalNamesNothingFromTheBody() {
    assertThatThrownBy(() -> parse("{\"output\": \"secret-id.children\", \"inputs\": 7}"))
        .isInstanceOf(MalformedRequest.class)
        .hasMessageNotContaining("secret-id")
        .hasNoCause();
  }

  private static UpdateRequest parse(String json) {
    return UpdateRequests.parse(Buffer.buffer(json));
  }

  private static void assertMalformed(String json) {
    assertThatThrownBy(() -> parse(json)).as(json).isInstanceOf(MalformedRequest.class);
  }
}
