package io.dash4j.runtime.wire;

import io.dash4j.protocol.MalformedRequest;
import io.dash4j.protocol.UpdateRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.Set;

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

  /**
   * The request and its caller as JSON text to keep in a job store, without the credentials a store
   * should not hold ({@code Authorization}, {@code Proxy-Authorization}); cookies stay, as a
   * background callback may read them.
   */
  public static String toStoredJson(UpdateRequest request) {
    var caller = HeaderCaller.toJson(request.caller());
    var kept = new JsonArray();
    for (Object pair : caller.getJsonArray("headers")) {
      String name = ((JsonArray) pair).getString(0);
      if (!STORE_WITHOUT.contains(name)) {
        kept.add(pair);
      }
    }
    return new JsonObject()
        .put("body", request.body())
        .put("caller", caller.put("headers", kept))
        .encode();
  }

  /** Reads {@link #toStoredJson}. */
  public static UpdateRequest fromStoredJson(String json) {
    var stored = new JsonObject(json);
    return UpdateRequest.of(stored.getJsonObject("body").getMap())
        .from(HeaderCaller.fromJson(stored.getJsonObject("caller")));
  }

  private static final Set<String> STORE_WITHOUT = Set.of("authorization", "proxy-authorization");

  /** Reads {@link #toBytes}. */
  public static UpdateRequest fromBytes(Buffer bytes) {
    var wire = new JsonObject(bytes);
    return UpdateRequest.of(wire.getJsonObject("body").getMap())
        .from(HeaderCaller.fromJson(wire.getJsonObject("caller")));
  }
}
