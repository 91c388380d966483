package io.dash4j.runtime.jobs;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks page tokens ({@code p1.<pageId>.<mac>}), job handles ({@code
 * j1.<jobId>.<exp>.<mac>}) and cache handles ({@code c1.…}) with HMAC-SHA256 (design §3.9). A
 * handle is bound to the page load and the callback it was minted for, so a forged id (Dash #3902)
 * or another page's id is refused before any store is touched. Every string made here uses only
 * {@code [A-Za-z0-9._-]}: the renderer appends handles to the query unencoded.
 *
 * <p>Thread-safe. Verification accepts the current secret and every previous one (rotation).
 */
public final class Handles {
  static final int MIN_SECRET_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static final int ID_BYTES = 16;
  private static final int MAC_BYTES = 16;

  /** Base64url of 16 bytes without padding. */
  private static final int ID_CHARS = 22;

  /** Long.MAX_VALUE in base 36 has 13 digits. */
  private static final int MAX_EXP_CHARS = 13;

  private static final String MISSING_PAGE = "Missing page token: reload the page";
  static final String INVALID = "Invalid job handle";
  private static final String EXPIRED = "Job handle expired";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  /*
   * One bare Mac per thread, keyed on each call. Mac is not thread-safe; Mac.getInstance per call
   * pays a provider lookup each time, whereas init is cheap (HmacCore XORs the key into its pads,
   * nothing is hashed until update). A static holder keeps one Mac per event-loop thread whatever
   * the number of Handles instances or secrets, and never pins a secret to a thread after its
   * Handles is gone; a ThreadLocal per instance would (Error Prone's ThreadLocalUsage). On virtual
   * threads it degrades to one Mac per call, which is still correct.
   */
  private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(Handles::newMac);

  private final SecretKeySpec current;
  private final List<SecretKeySpec> accepted;
  private final Clock clock;

  /**
   * Signs with {@code secret}; verifies with it and with each of {@code previousSecrets}.
   *
   * @throws IllegalArgumentException if any secret is shorter than 32 bytes
   */
  public Handles(byte[] secret, List<byte[]> previousSecrets, Clock clock) {
    this.current = key(secret);
    var keys = new ArrayList<SecretKeySpec>(1 + previousSecrets.size());
    keys.add(current);
    for (byte[] previous : previousSecrets) {
      keys.add(key(previous));
    }
    this.accepted = List.copyOf(keys);
    this.clock = clock;
  }

  /**
   * Decodes {@code jobs.secret}: standard or url-safe base64, padded or not, of 32 bytes or more.
   *
   * @throws IllegalArgumentException otherwise, with a message that names the config key only
   */
  @SuppressWarnings("UnusedException")
  public static byte[] secretFrom(String base64) {
    String message = "jobs.secret must be base64 of 32 bytes or more";
    if (base64 == null) {
      throw new IllegalArgumentException(message);
    }
    String text = base64.strip();
    boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    byte[] secret;
    try {
      secret = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      // the cause is left out: the decoder's message quotes the offending character of the secret
      throw new IllegalArgumentException(message);
    }
    if (secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException(message);
    }
    return secret;
  }

  /** A fresh job id: 16 random bytes, base64url. */
  public static String newJobId() {
    return randomId();
  }

  /** Mints a page token for one index response: a fresh page id and its MAC. */
  public String pageToken() {
    String pageId = randomId();
    return "p1." + pageId + "." + mac(current, "p1|" + pageId);
  }

  /**
   * The page id of a token this server (or one sharing its secret) minted.
   *
   * @throws HandleRefused 400 {@code Missing page token: reload the page} for a null, malformed or
   *     forged token
   */
  public String pageId(String token) {
    if (token == null || token.length() != 3 + ID_CHARS + 1 + ID_CHARS) {
      throw new HandleRefused(400, MISSING_PAGE);
    }
    String pageId = token.substring(3, 3 + ID_CHARS);
    if (!token.startsWith("p1.")
        || token.charAt(3 + ID_CHARS) != '.'
        || !isBase64Url(pageId)
        || !signedByAny(token.substring(4 + ID_CHARS), "p1|" + pageId)) {
      throw new HandleRefused(400, MISSING_PAGE);
    }
    return pageId;
  }

  /** A job handle ({@code j1}), valid until {@code expires} (floored to the second). */
  public String jobHandle(String jobId, String pageId, String outputKey, Instant expires) {
    return handle("j1", jobId, pageId, outputKey, expires);
  }

  /** A cache handle ({@code c1}), valid until {@code expires} (floored to the second). */
  public String cacheHandle(String jobId, String pageId, String outputKey, Instant expires) {
    return handle("c1", jobId, pageId, outputKey, expires);
  }

  /**
   * The job id of a job handle minted for this page and callback.
   *
   * @throws HandleRefused 400 {@code Invalid job handle} for a wrong format, MAC, page or callback;
   *     410 {@code Job handle expired} once it expired
   */
  public String verifyJob(String handle, String pageId, String outputKey) {
    return verify("j1", handle, pageId, outputKey);
  }

  /** As {@link #verifyJob}, for a cache handle ({@code c1}). */
  public String verifyCache(String handle, String pageId, String outputKey) {
    return verify("c1", handle, pageId, outputKey);
  }

  private String handle(
      String kind, String jobId, String pageId, String outputKey, Instant expires) {
    if (!isBase64Url(jobId) || !isBase64Url(pageId) || outputKey == null) {
      throw new IllegalArgumentException("job and page ids are base64url, the output key is set");
    }
    long seconds = expires.getEpochSecond();
    if (seconds < 0) {
      throw new IllegalArgumentException("a handle cannot expire before 1970");
    }
    String exp = Long.toString(seconds, 36);
    return kind
        + "."
        + jobId
        + "."
        + exp
        + "."
        + mac(current, signed(kind, jobId, exp, pageId, outputKey));
  }

  private String verify(String kind, String handle, String pageId, String outputKey) {
    if (handle == null || handle.length() > 256 || pageId == null || outputKey == null) {
      throw new HandleRefused(400, INVALID);
    }
    String[] parts = handle.split("\\.", -1);
    if (parts.length != 4
        || !parts[0].equals(kind)
        || !isBase64Url(parts[1])
        || !isBase36(parts[2])
        || !signedByAny(parts[3], signed(kind, parts[1], parts[2], pageId, outputKey))) {
      throw new HandleRefused(400, INVALID);
    }
    // the MAC came first: a forged expiry is refused as invalid, never as merely expired
    if (!clock.instant().isBefore(expiry(parts[2]))) {
      throw new HandleRefused(410, EXPIRED);
    }
    return parts[1];
  }

  /** Only a signed expiry gets here, and only {@link #handle} signs: from a valid Instant. */
  @SuppressWarnings("UnusedException")
  private static Instant expiry(String exp) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(exp, 36));
    } catch (RuntimeException e) {
      // unreachable but for a secret shared with another minter: still only a refusal
      throw new HandleRefused(400, INVALID);
    }
  }

  /** The MAC input: no part before the output key holds a '|', so the split is unambiguous. */
  private static String signed(
      String kind, String jobId, String exp, String pageId, String outputKey) {
    return kind + "|" + jobId + "|" + exp + "|" + pageId + "|" + outputKey;
  }

  private boolean signedByAny(String mac, String input) {
    // compared as text: decoding would accept other spellings of the last character's spare bits
    byte[] given = mac.getBytes(StandardCharsets.US_ASCII);
    for (SecretKeySpec key : accepted) {
      if (MessageDigest.isEqual(given, mac(key, input).getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }

  private static String mac(SecretKeySpec key, String input) {
    Mac mac = MAC.get();
    try {
      mac.init(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    byte[] full = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
    return B64URL.encodeToString(Arrays.copyOf(full, MAC_BYTES));
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance(ALGORITHM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + ALGORITHM, e);
    }
  }

  private static SecretKeySpec key(byte[] secret) {
    if (secret == null || secret.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("a jobs secret must be 32 bytes or more");
    }
    return new SecretKeySpec(secret, ALGORITHM); // copies the bytes
  }

  private static String randomId() {
    byte[] bytes = new byte[ID_BYTES];
    RANDOM.nextBytes(bytes);
    return B64URL.encodeToString(bytes);
  }

  private static boolean isBase64Url(String text) {
    if (text == null || text.isEmpty() || text.length() > 64) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean alphanumeric =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alphanumeric && c != '-' && c != '_') {
        return false;
      }
    }
    return true;
  }

  /** Lower-case base-36 digits as {@link Long#toString(long, int)} writes them, no sign. */
  private static boolean isBase36(String text) {
    if (text.isEmpty() || text.length() > MAX_EXP_CHARS) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }
}
