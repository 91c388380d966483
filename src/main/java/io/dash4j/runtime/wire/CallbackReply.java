package io.dash4j.runtime.wire;

import io.dash4j.protocol.JsonWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a callback verticle answers a door with: an HTTP-shaped status, content type and body, so
 * the HTTP door writes it as is and other doors map the status onto their own messages.
 *
 * @param status 200 with a Dash response, 204 for "change nothing", 4xx/5xx for errors
 * @param contentType the body's media type, or null for an empty body
 * @param body the body bytes
 * @param headers extra response headers the callback set (cookies among them), in order
 * @param summary an error's one-line text for doors that cannot show the body (the socket), or null
 */
public record CallbackReply(
    int status,
    String contentType,
    Buffer body,
    List<Map.Entry<String, String>> headers,
    String summary) {
  public static final String JSON = "application/json";
  static final String TEXT = "text/plain; charset=utf-8";
  public static final String HTML = "text/html; charset=utf-8";

  CallbackReply(int status, String contentType, Buffer body) {
    this(status, contentType, body, List.of(), null);
  }

  /** This reply with the callback's extra headers. */
  public CallbackReply withHeaders(List<Map.Entry<String, String>> extra) {
    return extra.isEmpty() ? this : new CallbackReply(status, contentType, body, extra, summary);
  }

  /** A 200 Dash response. */
  public static CallbackReply ok(byte[] json) {
    return new CallbackReply(200, JSON, Buffer.buffer(json));
  }

  /** Dash's 204: nothing to update. */
  public static CallbackReply noContent() {
    return new CallbackReply(204, null, Buffer.buffer());
  }

  /** An error with a short text body safe for any client. */
  public static CallbackReply error(int status, String message) {
    return new CallbackReply(status, TEXT, Buffer.buffer(message), List.of(), message);
  }

  /**
   * The reply as bytes for the clustered event bus: status, content type, summary, headers, body.
   */
  public byte[] toBytes() {
    var out = Buffer.buffer(64 + body.length()).appendInt(status);
    writeString(out, contentType == null ? "" : contentType);
    writeString(out, summary == null ? "" : summary);
    out.appendInt(headers.size());
    for (var header : headers) {
      writeString(out, header.getKey());
      writeString(out, header.getValue());
    }
    return out.appendBuffer(body).getBytes();
  }

  /** Reads {@link #toBytes()}. */
  public static CallbackReply fromBytes(Buffer bytes) {
    int[] at = {4};
    String type = readString(bytes, at);
    String summary = readString(bytes, at);
    int count = bytes.getInt(at[0]);
    at[0] += 4;
    var headers = new ArrayList<Map.Entry<String, String>>(count);
    for (int i = 0; i < count; i++) {
      headers.add(Map.entry(readString(bytes, at), readString(bytes, at)));
    }
    return new CallbackReply(
        bytes.getInt(0),
        type.isEmpty() ? null : type,
        bytes.getBuffer(at[0], bytes.length()),
        headers,
        summary.isEmpty() ? null : summary);
  }

  private static void writeString(Buffer out, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.appendInt(utf8.length).appendBytes(utf8);
  }

  private static String readString(Buffer in, int[] at) {
    int length = in.getInt(at[0]);
    String text = in.getString(at[0] + 4, at[0] + 4 + length, "UTF-8");
    at[0] += 4 + length;
    return text;
  }

  /**
   * The reply as the socket door's JSON text, which our worker turns into Dash's {@code
   * callback_response}: {@code {"status":200,"body":<Dash response>}}, {@code {"status":204}}, or
   * {@code {"status":N,"message":...}}. Text: the bridge writes a String body as is, and the Dash
   * response is already JSON, so nothing is parsed again. Response headers and cookies cannot
   * travel over a socket and are dropped, as in Dash.
   */
  public String toSocketJson() {
    if (status == 200) {
      return "{\"status\":200,\"body\":" + body.toString(StandardCharsets.UTF_8) + "}";
    }
    if (status == 204) {
      return "{\"status\":204}";
    }
    String message = summary != null ? summary : body.toString(StandardCharsets.UTF_8);
    var json = new LinkedHashMap<String, Object>(4);
    json.put("status", status);
    json.put("message", message);
    return JsonWriter.toJson(json);
  }

  /** Writes this reply as the HTTP response. */
  public void writeTo(HttpServerResponse response) {
    response.setStatusCode(status);
    if (contentType != null) {
      response.putHeader("Content-Type", contentType);
    }
    for (var header : headers) {
      if (header.getKey().equalsIgnoreCase("Set-Cookie")
          || response.headers().contains(header.getKey())) {
        response.headers().add(header.getKey(), header.getValue());
      } else {
        response.putHeader(header.getKey(), header.getValue());
      }
    }
    response.end(body);
  }
}
