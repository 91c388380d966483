package io.dash4j.runtime.wire;

import io.dash4j.protocol.MalformedRequest;
import io.dash4j.protocol.UpdateRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Map;

/** {@link UpdateRequest}s from HTTP bodies, and to and from bytes for the clustered event bus. */
public final class UpdateRequests {
  private UpdateRequests() {}

  /**
   * Parses (once, with Vert.x's Jackson) and checks the shape of a request body.
   *
   * @throws MalformedRequest when the body is not JSON or lacks what every callback request has
   */
  public static UpdateRequest parse(Buffer json) {
    Map<String, Object> body;
    try {
      body = new JsonObject(json).getMap();
    } catch (DecodeException | ClassCastException e) {
      throw new MalformedRequest(UpdateRequest.MALFORMED);
    }
    return UpdateRequest.of(body);
  }

  /** The request and its caller as JSON bytes, for the clustered event bus. */
  public static byte[] toBytes(UpdateRequest request) {
    return new JsonObject()
        .put("body", request.body())
        .put("caller", HeaderCaller.toJson(request.caller()))
        .toBuffer()
        .getBytes();
  }

  /** Reads {@link #toBytes}. */
  public static UpdateRequest fromBytes(Buffer bytes) {
    var wire = new JsonObject(bytes);
    return UpdateRequest.of(wire.getJsonObject("body").getMap())
        .from(HeaderCaller.fromJson(wire.getJsonObject("caller")));
  }
}
