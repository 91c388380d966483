package io.dash4j.runtime.http;

import io.dash4j.runtime.wire.CallbackReply;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.handler.SecurityPolicyHandler;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Requests the HTTP door refuses because of what the client sent (a body that is not JSON, too
 * large, malformed): each gets a short plain-text answer, and the log gets at most one FINE line
 * per kind a minute, counting the ones it left out. Anyone can send such requests, so they must not
 * be able to flood the log.
 */
final class Refusals {
  private static final Logger LOG = Logger.getLogger(Refusals.class.getName());
  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(60);
  static final String BAD_REQUEST = "Bad Request";
  static final String TOO_LARGE = "Request Entity Too Large";
  static final String NOT_JSON = "Unsupported Media Type";

  private final Map<Integer, Kind> kinds = new ConcurrentHashMap<>();

  /**
   * Answers the failures Vert.x raises for refused input itself (BodyHandler's 413, a request it
   * cannot route: 400) quietly; without these handlers Vert.x logs each one as a SEVERE "Unhandled
   * exception in router".
   */
  void install(Router router) {
    router.errorHandler(400, ctx -> refuse(ctx, 400, BAD_REQUEST));
    router.errorHandler(413, ctx -> refuse(ctx, 413, TOO_LARGE));
    router.errorHandler(415, ctx -> refuse(ctx, 415, NOT_JSON));
  }

  /**
   * Lets only JSON bodies through, before the body is read: 415 otherwise, as Flask's {@code
   * get_json} answers Dash. A cross-site form can post {@code text/plain} or a form encoding
   * without asking, but not {@code application/json} (that needs a CORS preflight), so no other
   * page can run a callback. A security policy handler in Vert.x's terms, like its CORS handler:
   * the router lets those run before the body handler.
   */
  SecurityPolicyHandler jsonOnly() {
    return ctx -> {
      if (isJson(ctx.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
        ctx.next();
      } else {
        refuse(ctx, 415, NOT_JSON);
      }
    };
  }

  /**
   * {@code application/json} or a {@code +json} type, parameters such as a charset allowed; false
   * when absent.
   */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semicolon = contentType.indexOf(';');
    String type =
        (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
            .trim()
            .toLowerCase(Locale.ROOT);
    return type.equals("application/json")
        || (type.startsWith("application/") && type.endsWith("+json"));
  }

  /** Answers {@code status} with {@code message} and logs it quietly. */
  void refuse(RoutingContext ctx, int status, String message) {
    log(ctx, status, message);
    if (!ctx.response().ended() && !ctx.response().closed()) {
      CallbackReply.error(status, message).writeTo(ctx.response());
    }
  }

  private void log(RoutingContext ctx, int status, String message) {
    if (!LOG.isLoggable(Level.FINE)) {
      return;
    }
    int left = kinds.computeIfAbsent(status, s -> new Kind()).pass(System.nanoTime());
    if (left >= 0) {
      var request = ctx.request();
      // What Vert.x threw when a handler failed on the input (a bad query string) helps at FINE;
      // its own codes don't.
      Throwable thrown = ctx.failure() instanceof HttpException ? null : ctx.failure();
      LOG.log(
          Level.FINE,
          "refused "
              + request.method()
              + " "
              + request.path()
              + " from "
              + (request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress())
              + ": "
              + status
              + " "
              + message
              + (left == 0
                  ? ""
                  : " (" + left + " more " + status + " since the last line, not logged)"),
          thrown);
    }
  }

  /** The log window of one status code. */
  private static final class Kind {
    private boolean started;
    private long quietUntil;
    private int left;

    /**
     * The number of refusals left out since the last line when this one is logged, or -1 when it is
     * left out.
     */
    synchronized int pass(long now) {
      if (started && now - quietUntil < 0) {
        left++;
        return -1;
      }
      started = true;
      quietUntil = now + QUIET_NANOS;
      int count = left;
      left = 0;
      return count;
    }
  }
}
