package io.dash4j.runtime.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.runtime.exec.ErrorPages;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What crosses the clustered event bus comes back as it left: a request with its caller, a reply
 * with headers.
 */
class WireCodecTest {
  @Test
  void aRequestKeepsItsBodyAndCallerAcrossTheWire() {
    var headers =
        MultiMap.caseInsensitiveMultiMap()
            .add("Cookie", "a=1; b=\"x y\"")
            .add("X-Multi", "1")
            .add("X-Multi", "2");
    var request =
        UpdateRequests.parse(
                Buffer.buffer(
                    """
        {"output": "out.children", "outputs": {"id": "out", "property": "children"},
         "inputs": [{"id": {"index": 1, "type": "in"}, "property": "value", "value": [1, "two", null]}],
         "changedPropIds": ["{\\"index\\":1,\\"type\\":\\"in\\"}.value"]}"""))
            .from(new HeaderCaller(headers, "/_dash-update-component?x=1", "10.0.0.7"));

    var back = UpdateRequests.fromBytes(Buffer.buffer(UpdateRequests.toBytes(request)));

    assertThat(back.body()).isEqualTo(request.body());
    assertThat(back.inputs()).isEqualTo(request.inputs());
    assertThat(back.changedPropIds()).isEqualTo(request.changedPropIds());
    assertThat(back.caller().path()).isEqualTo("/_dash-update-component?x=1");
    assertThat(back.caller().remote()).isEqualTo("10.0.0.7");
    assertThat(back.caller().headerMap()).containsEntry("x-multi", List.of("1", "2"));
    assertThat(back.caller().cookies()).containsExactly(Map.entry("a", "1"), Map.entry("b", "x y"));
  }

  @Test
  void aReplyKeepsItsStatusTypeHeadersAndBodyAcrossTheWire() {
    var reply =
        new CallbackReply(
            200,
            "application/json",
            Buffer.buffer("{\"multi\":true}"),
            List.of(Map.entry("Set-Cookie", "k=v; Path=/"), Map.entry("X-Trace", "é")),
            null);

    var back = CallbackReply.fromBytes(Buffer.buffer(reply.toBytes()));

    assertThat(back.status()).isEqualTo(200);
    assertThat(back.contentType()).isEqualTo("application/json");
    assertThat(back.headers()).isEqualTo(reply.headers());
    assertThat(back.body().toString()).isEqualTo("{\"multi\":true}");
    assertThat(back.summary()).isNull();
  }

  @Test
  void anErrorKeepsItsSummaryAcrossTheWire() {
    var back =
        CallbackReply.fromBytes(
            Buffer.buffer(CallbackReply.error(400, "Malformed callback request").toBytes()));
    assertThat(back.summary()).isEqualTo("Malformed callback request");
    assertThat(back.toSocketJson())
        .isEqualTo("{\"status\":400,\"message\":\"Malformed callback request\"}");
  }

  @Test
  void aDebugErrorPageTellsTheSocketItsHeadlineAndProductionTellsNothing() {
    var error = new IllegalStateException("kaput");
    assertThat(new JsonObject(ErrorPages.callbackError(error, true).toSocketJson()))
        .isEqualTo(
            new JsonObject()
                .put("status", 500)
                .put("message", "java.lang.IllegalStateException: kaput"));
    assertThat(new JsonObject(ErrorPages.callbackError(error, false).toSocketJson()))
        .isEqualTo(new JsonObject().put("status", 500).put("message", "Internal Server Error"));
  }

  @Test
  void anEmptyReplyHasNoContentType() {
    var back = CallbackReply.fromBytes(Buffer.buffer(CallbackReply.noContent().toBytes()));
    assertThat(back.status()).isEqualTo(204);
    assertThat(back.contentType()).isNull();
    assertThat(back.body().length()).isZero();
  }
}
