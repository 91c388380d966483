package io.dash4j.runtime.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HandlesTest {
  private static final byte[] SECRET = bytes(1);
  private static final byte[] OLD_SECRET = bytes(2);
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Instant EXPIRES = NOW.plus(Duration.ofHours(1));
  private static final String OUTPUT = "..chart.figure...status.children..";
  private static final String ALPHABET = "^[A-Za-z0-9._-]+$";

  private final MovableClock clock = new MovableClock(NOW);
  private final Handles handles = new Handles(SECRET, List.of(), clock);
  private final String page = handles.pageId(handles.pageToken());
  private final String jobId = Handles.newJobId();

  @Test
  void aJobHandleVerifiesForItsPageAndCallback() {
    String handle = handles.jobHandle(jobId, page, OUTPUT, EXPIRES);
    assertThat(handle).startsWith("j1." + jobId + ".").matches(ALPHABET);
    assertThat(handles.verifyJob(handle, page, OUTPUT)).isEqualTo(jobId);
  }

  @Test
  void aCacheHandleVerifiesForItsPageAndCallback() {
    String handle = handles.cacheHandle(jobId, page, OUTPUT, EXPIRES);
    assertThat(handle).startsWith("c1." + jobId + ".").matches(ALPHABET);
    assertThat(handles.verifyCache(handle, page, OUTPUT)).isEqualTo(jobId);
  }

  @Test
  void theExpiryIsEpochSecondsInBase36() {
    String handle = handles.jobHandle(jobId, page, OUTPUT, EXPIRES.plusMillis(999));
    assertThat(handle.split("\\.")[2]).isEqualTo(Long.toString(EXPIRES.getEpochSecond(), 36));
  }

  @Test
  void aJobHandleIsNoCacheHandleAndTheReverse() {
    String job = handles.jobHandle(jobId, page, OUTPUT, EXPIRES);
    String cache = handles.cacheHandle(jobId, page, OUTPUT, EXPIRES);
    assertInvalid(() -> handles.verifyCache(job, page, OUTPUT));
    assertInvalid(() -> handles.verifyJob(cache, page, OUTPUT));
    // renamed, the kind no longer matches the MAC
    assertInvalid(() -> handles.verifyCache("c1" + job.substring(2), page, OUTPUT));
    assertInvalid(() -> handles.verifyJob("j1" + cache.substring(2), page, OUTPUT));
  }

  @Test
  void everyTamperedPartIsRefused() {
    String handle = handles.jobHandle(jobId, page, OUTPUT, EXPIRES);
    String[] parts = handle.split("\\.");
    for (int part = 0; part < 4; part++) {
      String[] changed = parts.clone();
      changed[part] = flipLast(parts[part]);
      String tampered = String.join(".", changed);
      assertThat(tampered).isNotEqualTo(handle);
      assertInvalid(() -> handles.verifyJob(tampered, page, OUTPUT));
    }
  }

  @Test
  void theLastMacCharacterIsComparedWhole() {
    // 'A' and 'B' differ only in bits a decoder of 22 base64 characters would drop
    String handle = handles.jobHandle(jobId, page, OUTPUT, EXPIRES);
    char last = handle.charAt(handle.length() - 1);
    for (char c :
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
      if (c != last) {
        String tampered = handle.substring(0, handle.length() - 1) + c;
        assertInvalid(() -> handles.verifyJob(tampered, page, OUTPUT));
      }
    }
  }

  @Test
  void anotherPageIsRefused() {
    String handle = handles.jobHandle(jobId, page, OUTPUT, EXPIRES);
    String otherPage = handles.pageId(handles.pageToken());
    assertThat(otherPage).isNotEqualTo(page);
    assertInvalid(() -> handles.verifyJob(handle, otherPage, OUTPUT));
  }

  @Test
  void anotherCallbackIsRefused() {
    String handle = handles.jobHandle(jobId, page, OUTPUT, EXPIRES);
    assertInvalid(() -> handles.verifyJob(handle, page, "chart.figure"));
    assertInvalid(() -> handles.verifyJob(handle, page, OUTPUT + "|x"));
  }

  @Test
  void anOutputKeyMayHoldAnyCharacter() {
    String output = "{\"index\":\"é|.\",\"type\":\"x\"}.value";
    String handle = handles.jobHandle(jobId, page, output, EXPIRES);
    assertThat(handle).matches(ALPHABET).doesNotContain("|");
    assertThat(handles.verifyJob(handle, page, output)).isEqualTo(jobId);
  }

  @Test
  void anExpiredHandleAnswers410() {
    String handle = handles.jobHandle(jobId, page, OUTPUT, EXPIRES);
    clock.set(EXPIRES.minusSeconds(1));
    assertThat(handles.verifyJob(handle, page, OUTPUT)).isEqualTo(jobId);
    clock.set(EXPIRES);
    var refused = (HandleRefused) catchThrowable(() -> handles.verifyJob(handle, page, OUTPUT));
    assertThat(refused.status()).isEqualTo(410);
    assertThat(refused).hasMessage("Job handle expired");
  }

  @Test
  void aForgedLaterExpiryWithTheOldMacIsInvalidNotExpired() {
    String handle = handles.jobHandle(jobId, page, OUTPUT, EXPIRES);
    clock.set(EXPIRES.plusSeconds(60));
    String[] parts = handle.split("\\.");
    parts[2] = Long.toString(EXPIRES.plus(Duration.ofDays(1)).getEpochSecond(), 36);
    String forged = String.join(".", parts);
    assertInvalid(() -> handles.verifyJob(forged, page, OUTPUT));
    // and the untouched handle is merely expired
    assertRefused(() -> handles.verifyJob(handle, page, OUTPUT), 410, "Job handle expired");
  }

  @Test
  void handlesOfAPreviousSecretStillVerify() {
    var before = new Handles(OLD_SECRET, List.of(), clock);
    var after = new Handles(SECRET, List.of(OLD_SECRET), clock);
    String oldPage = before.pageId(before.pageToken());
    String handle = before.cacheHandle(jobId, oldPage, OUTPUT, EXPIRES);
    assertThat(after.pageId(before.pageToken())).hasSize(22);
    assertThat(after.verifyCache(handle, oldPage, OUTPUT)).isEqualTo(jobId);
  }

  @Test
  void handlesOfANewSecretDoNotVerifyWithOnlyAnotherSecret() {
    var rotated = new Handles(bytes(3), List.of(SECRET), clock);
    String handle = rotated.jobHandle(jobId, page, OUTPUT, EXPIRES);
    assertThat(rotated.verifyJob(handle, page, OUTPUT)).isEqualTo(jobId);
    assertInvalid(() -> handles.verifyJob(handle, page, OUTPUT));
    assertRefused(() -> handles.pageId(rotated.pageToken()), 400, MISSING_PAGE);
  }

  @Test
  void aPageTokenRoundTrips() {
    String token = handles.pageToken();
    assertThat(token).matches("^p1\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{22}$");
    assertThat(handles.pageId(token)).isEqualTo(token.substring(3, 25));
    assertThat(handles.pageToken()).isNotEqualTo(token);
  }

  @Test
  void aTamperedOrMissingPageTokenIsRefused() {
    String token = handles.pageToken();
    var bad = new ArrayList<String>();
    bad.add(null);
    bad.addAll(List.of("", "  ", "p1", "p1..", "p2" + token.substring(2), token + "A"));
    bad.add(token.substring(0, 3) + flipLast(token.substring(3, 25)) + token.substring(25));
    bad.add(flipLast(token));
    bad.add(token.replace('.', '|'));
    for (String tampered : bad) {
      assertRefused(() -> handles.pageId(tampered), 400, MISSING_PAGE);
    }
  }

  @Test
  void aJobIdIsSixteenRandomBytes() {
    String id = Handles.newJobId();
    assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
    assertThat(id).matches("^[A-Za-z0-9_-]{22}$").isNotEqualTo(Handles.newJobId());
  }

  @Test
  void garbageNeverThrowsAnythingButARefusal() {
    var random = new Random(42);
    String handle = handles.jobHandle(jobId, page, OUTPUT, EXPIRES);
    String token = handles.pageToken();
    String chars = "j1c1p.|-_%=Aa09\u00e9\u0000 \ud800";
    for (int i = 0; i < 5_000; i++) {
      String garbage = random.nextInt(3) == 0 ? mutate(handle, random) : randomText(random, chars);
      String garbageToken = mutate(token, random);
      for (Runnable call :
          List.<Runnable>of(
              () -> handles.verifyJob(garbage, page, OUTPUT),
              () -> handles.verifyCache(garbage, page, OUTPUT),
              () -> handles.verifyJob(handle, garbage, OUTPUT),
              () -> handles.verifyJob(handle, page, garbage),
              () -> handles.pageId(garbage),
              () -> handles.pageId(garbageToken))) {
        Throwable thrown = catchThrowable(call::run);
        if (thrown != null) {
          assertThat(thrown).as(garbage).isInstanceOf(HandleRefused.class);
        }
      }
    }
    assertThat(catchThrowable(() -> handles.verifyJob(null, null, null)))
        .isInstanceOf(HandleRefused.class);
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> new Handles(new byte[31], List.of(), clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Handles(SECRET, List.of(new byte[31]), clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSecretIsReadFromStandardOrUrlSafeBase64() {
    byte[] secret = new byte[33];
    Arrays.fill(secret, (byte) 0xFB); // encodes to '+' and '/' in standard base64
    String standard = Base64.getEncoder().encodeToString(secret);
    String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    assertThat(standard).contains("+").contains("/");
    assertThat(Handles.secretFrom(standard)).isEqualTo(secret);
    assertThat(Handles.secretFrom(" " + urlSafe + "\n")).isEqualTo(secret);
  }

  @Test
  void aBadSecretIsRefusedWithoutEchoingIt() {
    String message = "jobs.secret must be base64 of 32 bytes or more";
    String tooShort = Base64.getEncoder().encodeToString(new byte[31]);
    for (String bad : List.of(tooShort, "not base64 at all!", "", "A")) {
      assertThatThrownBy(() -> Handles.secretFrom(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(message)
          .hasNoCause();
    }
    assertThatThrownBy(() -> Handles.secretFrom(null)).hasMessage(message);
  }

  private static final String MISSING_PAGE = "Missing page token: reload the page";

  private static void assertInvalid(Runnable call) {
    assertRefused(call, 400, "Invalid job handle");
  }

  private static void assertRefused(Runnable call, int status, String message) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).isInstanceOf(HandleRefused.class).hasMessage(message);
    assertThat(((HandleRefused) thrown).status()).isEqualTo(status);
  }

  private static String flipLast(String part) {
    char last = part.charAt(part.length() - 1);
    return part.substring(0, part.length() - 1) + (last == 'a' ? 'b' : 'a');
  }

  private static String mutate(String text, Random random) {
    var chars = text.toCharArray();
    chars[random.nextInt(chars.length)] = (char) (' ' + random.nextInt(95));
    String mutated = new String(chars);
    return random.nextBoolean() ? mutated : mutated.substring(0, random.nextInt(mutated.length()));
  }

  private static String randomText(Random random, String alphabet) {
    var text = new StringBuilder();
    for (int i = random.nextInt(80); i > 0; i--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }

  private static byte[] bytes(int seed) {
    byte[] secret =
        ("secret number " + seed + " of this test, 32+ bytes").getBytes(StandardCharsets.UTF_8);
    assertThat(secret.length).isGreaterThanOrEqualTo(32);
    return secret;
  }

  /** A clock a test moves by hand. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void set(Instant instant) {
      now = instant;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
