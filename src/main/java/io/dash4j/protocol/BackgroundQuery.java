package io.dash4j.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The background-callback arguments of an update request's query: {@code cacheKey} and {@code job}
 * on a poll, {@code oldJob} on a superseding start, {@code cancelJob} whenever the request may
 * cancel a job. Read as the stock renderer sends them ({@code handleServerside} in dash-renderer's
 * {@code src/actions/callbacks.ts} appends them unencoded); their values are unverified handles.
 *
 * @param cacheKey the {@code c1} handle of a poll, or null
 * @param job the {@code j1} handle of a poll, or null
 * @param oldJobs the handles of superseded jobs, in query order
 * @param cancelJobs the handles of jobs to cancel, in query order
 */
public record BackgroundQuery(
    String cacheKey, String job, List<String> oldJobs, List<String> cancelJobs) {

  /** The one message every malformed query gets: it names nothing internal. */
  public static final String MALFORMED = "Malformed background request";

  /** A query with none of the four names. */
  public static final BackgroundQuery NONE = new BackgroundQuery(null, null, List.of(), List.of());

  /** The longest value accepted: handles are about 60 characters. */
  static final int MAX_VALUE_LENGTH = 256;

  /**
   * The most {@code oldJob} and {@code cancelJob} values together: each costs a MAC and a store
   * call.
   */
  static final int MAX_JOB_LISTS = 64;

  /** Copies the lists, so a record never changes after it was checked. */
  public BackgroundQuery {
    oldJobs = List.copyOf(oldJobs);
    cancelJobs = List.copyOf(cancelJobs);
  }

  /**
   * Reads a raw (still %-encoded) query string strictly, per the design's §1.6; null or empty gives
   * {@link #NONE}.
   *
   * <p>Names match case-sensitively, as Dash's {@code flask.request.args.get}; other names are
   * ignored but their %-escapes must still be well-formed. A {@code +} is kept as it is (it is
   * outside the value alphabet either way). Empty segments ({@code a=1&&b=2}) are skipped.
   *
   * @throws MalformedRequest with {@link #MALFORMED} for a bad %-escape, a repeated {@code
   *     cacheKey} or {@code job}, one of the two without the other, an empty value, a value over
   *     256 characters or outside {@code [A-Za-z0-9._-]}, or more than 64 {@code oldJob} and {@code
   *     cancelJob} values
   */
  public static BackgroundQuery parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return NONE;
    }
    String cacheKey = null;
    String job = null;
    var oldJobs = new ArrayList<String>();
    var cancelJobs = new ArrayList<String>();
    for (String segment : rawQuery.split("&", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      int eq = segment.indexOf('=');
      String name = decode(eq < 0 ? segment : segment.substring(0, eq));
      String raw = eq < 0 ? "" : segment.substring(eq + 1);
      switch (name) {
        case "cacheKey" -> {
          if (cacheKey != null) {
            throw malformed();
          }
          cacheKey = value(raw);
        }
        case "job" -> {
          if (job != null) {
            throw malformed();
          }
          job = value(raw);
        }
        case "oldJob" -> oldJobs.add(value(raw));
        case "cancelJob" -> cancelJobs.add(value(raw));
        default -> decode(raw); // ignored, but only when well-formed
      }
      if (oldJobs.size() + cancelJobs.size() > MAX_JOB_LISTS) {
        throw malformed();
      }
    }
    if ((cacheKey == null) != (job == null)) {
      throw malformed();
    }
    if (cacheKey == null && oldJobs.isEmpty() && cancelJobs.isEmpty()) {
      return NONE;
    }
    return new BackgroundQuery(cacheKey, job, oldJobs, cancelJobs);
  }

  /** True for a poll: the renderer sends {@code cacheKey} on polls only. */
  public boolean isPoll() {
    return cacheKey != null;
  }

  /** True when the query carried none of the four names. */
  public boolean isEmpty() {
    return cacheKey == null && job == null && oldJobs.isEmpty() && cancelJobs.isEmpty();
  }

  private static String value(String raw) {
    // a decoded value is never longer than its raw form: a cheap bound before decoding
    if (raw.isEmpty() || raw.length() > 3 * MAX_VALUE_LENGTH) {
      throw malformed();
    }
    String value = decode(raw);
    if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
      throw malformed();
    }
    for (int i = 0; i < value.length(); i++) {
      if (!allowed(value.charAt(i))) {
        throw malformed();
      }
    }
    return value;
  }

  /** The handle alphabet: base64url and the dots between a handle's parts. */
  static boolean allowed(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }

  /** %-decodes as UTF-8; invalid UTF-8 turns into U+FFFD, which no value accepts. */
  private static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    var bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        // a raw query is ASCII; anything else becomes a byte no UTF-8 text holds, so it matches
        // no name and no value accepts it
        bytes.write(c < 0x80 ? c : 0xFF);
        continue;
      }
      int hi = i + 1 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
      int lo = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
      if (hi < 0 || lo < 0) {
        throw malformed();
      }
      bytes.write((hi << 4) | lo);
      i += 2;
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** ASCII hex only: {@code Character.digit} would also read other scripts' digits. */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static MalformedRequest malformed() {
    return new MalformedRequest(MALFORMED);
  }
}
