package io.dash4j.server;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;

/**
 * What a callback verticle answers a door with: an HTTP-shaped status, content type and body, so the HTTP door
 * writes it as is and other doors map the status onto their own messages.
 *
 * @param status 200 with a Dash response, 204 for "change nothing", 4xx/5xx for errors
 * @param contentType the body's media type, or null for an empty body
 * @param body the body bytes
 */
public record CallbackReply(int status, String contentType, Buffer body) {
  static final String JSON = "application/json";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String HTML = "text/html; charset=utf-8";

  /** A 200 Dash response. */
  static CallbackReply ok(byte[] json) {
    return new CallbackReply(200, JSON, Buffer.buffer(json));
  }

  /** Dash's 204: nothing to update. */
  static CallbackReply noContent() {
    return new CallbackReply(204, null, Buffer.buffer());
  }

  /** An error with a short text body safe for any client. */
  static CallbackReply error(int status, String message) {
    return new CallbackReply(status, TEXT, Buffer.buffer(message));
  }

  /** The reply as bytes for the clustered event bus: status, content type, body. */
  byte[] toBytes() {
    byte[] type = contentType == null ? new byte[0] : contentType.getBytes(StandardCharsets.UTF_8);
    return Buffer.buffer(8 + type.length + body.length())
        .appendInt(status).appendInt(type.length).appendBytes(type).appendBuffer(body).getBytes();
  }

  /** Reads {@link #toBytes()}. */
  static CallbackReply fromBytes(Buffer bytes) {
    int typeLength = bytes.getInt(4);
    String type = typeLength == 0 ? null : bytes.getString(8, 8 + typeLength, "UTF-8");
    return new CallbackReply(bytes.getInt(0), type, bytes.getBuffer(8 + typeLength, bytes.length()));
  }

  /** Writes this reply as the HTTP response. */
  void writeTo(HttpServerResponse response) {
    response.setStatusCode(status);
    if (contentType != null) {
      response.putHeader("Content-Type", contentType);
    }
    response.end(body);
  }
}
