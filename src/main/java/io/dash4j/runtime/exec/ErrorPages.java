package io.dash4j.runtime.exec;

import io.dash4j.runtime.wire.CallbackReply;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of callback errors. In debug mode the dev tools render the body as HTML, so it shows
 * the exception and the user's own stack frames (dash4j's frames pruned, as Dash's {@code
 * dev_tools_prune_errors} does); in production the body is generic and names nothing internal.
 */
public final class ErrorPages {
  public static final String INTERNAL_ERROR = "Internal Server Error";

  /**
   * Where the runtime that calls user code lives; user code may live anywhere else, even in
   * io.dash4j.*.
   */
  private static final List<String> RUNTIME =
      List.of(
          "io.dash4j.DashApp",
          "io.dash4j.callback.",
          "io.dash4j.model.",
          "io.dash4j.runtime.",
          "io.dash4j.protocol.");

  private ErrorPages() {}

  /** The 500 reply for an exception thrown by user code. */
  public static CallbackReply callbackError(Throwable error, boolean debug) {
    if (!debug) {
      return CallbackReply.error(500, INTERNAL_ERROR);
    }
    return new CallbackReply(
        500, CallbackReply.HTML, Buffer.buffer(traceback(error)), List.of(), headline(error));
  }

  /** An HTML page with the exception chain and the stack frames of user code. */
  static String traceback(Throwable error) {
    var html =
        new StringBuilder("<!DOCTYPE html><html><head><title>")
            .append(escape(headline(error)))
            .append("</title></head><body><h3>")
            .append(escape(headline(error)))
            .append("</h3><pre>");
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t != error) {
        html.append("\nCaused by: ").append(escape(headline(t))).append('\n');
      }
      for (String frame : userFrames(t)) {
        html.append("    at ").append(escape(frame)).append('\n');
      }
    }
    return html.append("</pre></body></html>").toString();
  }

  private static String headline(Throwable t) {
    return t.getMessage() == null
        ? t.getClass().getName()
        : t.getClass().getName() + ": " + t.getMessage();
  }

  /** The frames above the first frame of dash4j's runtime: the user's code, not what called it. */
  private static List<String> userFrames(Throwable t) {
    var frames = new ArrayList<String>();
    for (StackTraceElement frame : t.getStackTrace()) {
      if (RUNTIME.stream().anyMatch(frame.getClassName()::startsWith)) {
        break;
      }
      frames.add(frame.toString());
    }
    return frames;
  }

  public static String escape(String text) {
    var out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
