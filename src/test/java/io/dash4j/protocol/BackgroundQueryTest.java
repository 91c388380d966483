package io.dash4j.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundQueryTest {
  private static final String C = "c1.AbC-_9.kx2.Zz_-0";
  private static final String J = "j1.AbC-_9.kx2.Yy_-1";

  @Test
  void noQueryIsNone() {
    assertThat(BackgroundQuery.parse(null)).isSameAs(BackgroundQuery.NONE);
    assertThat(BackgroundQuery.parse("")).isSameAs(BackgroundQuery.NONE);
    assertThat(BackgroundQuery.NONE.isEmpty()).isTrue();
    assertThat(BackgroundQuery.NONE.isPoll()).isFalse();
    assertThat(BackgroundQuery.NONE.cacheKey()).isNull();
    assertThat(BackgroundQuery.NONE.job()).isNull();
    assertThat(BackgroundQuery.NONE.oldJobs()).isEmpty();
    assertThat(BackgroundQuery.NONE.cancelJobs()).isEmpty();
  }

  @Test
  void aPollCarriesCacheKeyAndJob() {
    var query = BackgroundQuery.parse("cacheKey=" + C + "&job=" + J);
    assertThat(query).isEqualTo(new BackgroundQuery(C, J, List.of(), List.of()));
    assertThat(query.isPoll()).isTrue();
    assertThat(query.isEmpty()).isFalse();
  }

  @Test
  void theOrderOfCacheKeyAndJobDoesNotMatter() {
    assertThat(BackgroundQuery.parse("job=" + J + "&cacheKey=" + C))
        .isEqualTo(new BackgroundQuery(C, J, List.of(), List.of()));
  }

  @Test
  void aStartWithOldJobIsNoPoll() {
    var query = BackgroundQuery.parse("oldJob=" + J);
    assertThat(query.oldJobs()).containsExactly(J);
    assertThat(query.isPoll()).isFalse();
    assertThat(query.isEmpty()).isFalse();
  }

  @Test
  void cancelJobAndOldJobMayRepeatAndKeepTheirOrder() {
    var query = BackgroundQuery.parse("cancelJob=b&oldJob=x&cancelJob=a&oldJob=y&cancelJob=b");
    assertThat(query.cancelJobs()).containsExactly("b", "a", "b");
    assertThat(query.oldJobs()).containsExactly("x", "y");
  }

  @Test
  void aPollMayCarryCancelJobs() {
    var query = BackgroundQuery.parse("cacheKey=" + C + "&job=" + J + "&cancelJob=k");
    assertThat(query.isPoll()).isTrue();
    assertThat(query.cancelJobs()).containsExactly("k");
  }

  @Test
  void otherNamesAreIgnored() {
    assertThat(BackgroundQuery.parse("foo=bar&x=%2F%20!&flag&&=v")).isSameAs(BackgroundQuery.NONE);
    assertThat(BackgroundQuery.parse("a=<b>&oldJob=o&z=1").oldJobs()).containsExactly("o");
  }

  @Test
  void namesAreCaseSensitive() {
    assertThat(BackgroundQuery.parse("cachekey=c&JOB=j&OldJob=o")).isSameAs(BackgroundQuery.NONE);
  }

  @Test
  void escapedAllowedCharactersAreDecoded() {
    var query = BackgroundQuery.parse("cacheKey=c1%2Ea%5Fb%2dZ&job=j%31");
    assertThat(query.cacheKey()).isEqualTo("c1.a_b-Z");
    assertThat(query.job()).isEqualTo("j1");
  }

  @Test
  void anEscapedNameIsRead() {
    assertThat(BackgroundQuery.parse("old%4Aob=x").oldJobs()).containsExactly("x");
  }

  @Test
  void aValueOf256CharactersIsAcceptedAnd257Refused() {
    String max = "a".repeat(256);
    assertThat(BackgroundQuery.parse("cancelJob=" + max).cancelJobs()).containsExactly(max);
    assertMalformed("cancelJob=" + max + "b");
    assertMalformed("cacheKey=" + max + "b&job=j");
  }

  @Test
  void the256LimitCountsDecodedCharacters() {
    String escaped = "%41".repeat(256);
    assertThat(BackgroundQuery.parse("oldJob=" + escaped).oldJobs())
        .containsExactly("A".repeat(256));
    assertMalformed("oldJob=" + escaped + "%41");
  }

  @Test
  void sixtyFourJobValuesAreAcceptedAndSixtyFiveRefused() {
    String sixtyFour = "oldJob=o&".repeat(32) + "cancelJob=c&".repeat(32);
    assertThat(BackgroundQuery.parse(sixtyFour).oldJobs()).hasSize(32);
    assertMalformed(sixtyFour + "cancelJob=c");
    assertMalformed(sixtyFour + "oldJob=o");
  }

  @Test
  void badEscapesAreRefused() {
    assertMalformed("cacheKey=c%2&job=j");
    assertMalformed("cancelJob=%");
    assertMalformed("cancelJob=a%G1");
    assertMalformed("oldJob=%zz");
  }

  @Test
  void badEscapesAreRefusedEvenInIgnoredNames() {
    assertMalformed("foo=%");
    assertMalformed("fo%x=1");
    assertMalformed("foo=%4");
  }

  @Test
  void nonAsciiHexDigitsAreNoEscape() {
    // U+0663 ARABIC-INDIC DIGIT THREE, which Character.digit reads as 3
    assertMalformed("foo=%\u0663\u0663");
  }

  @Test
  void aRepeatedCacheKeyOrJobIsRefused() {
    assertMalformed("cacheKey=a&cacheKey=a&job=j");
    assertMalformed("cacheKey=c&job=a&job=b");
  }

  @Test
  void cacheKeyAndJobComeTogether() {
    assertMalformed("cacheKey=" + C);
    assertMalformed("job=" + J);
    assertMalformed("job=" + J + "&oldJob=o");
  }

  @Test
  void anEmptyValueIsRefused() {
    assertMalformed("cacheKey=&job=j");
    assertMalformed("cacheKey=c&job=");
    assertMalformed("oldJob=");
    assertMalformed("cancelJob");
    assertMalformed("oldJob=a&cancelJob=");
  }

  @Test
  void charactersOutsideTheHandleAlphabetAreRefusedRawOrDecoded() {
    for (String bad :
        List.of("a+b", "a b", "a/b", "a%2Fb", "a%20b", "a~b", "a%00b", "a=b", "%C3%A9", "\u00e9")) {
      assertMalformed("cancelJob=" + bad);
    }
  }

  @Test
  void invalidUtf8IsRefused() {
    assertMalformed("oldJob=%FF");
  }

  @Test
  void theMessageIsGeneric() {
    assertThatThrownBy(() -> BackgroundQuery.parse("job=secret-internal"))
        .hasMessage("Malformed background request");
  }

  @Test
  void recordListsCannotBeChanged() {
    var query = BackgroundQuery.parse("oldJob=a");
    assertThatThrownBy(() -> query.oldJobs().add("b"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static void assertMalformed(String rawQuery) {
    assertThatThrownBy(() -> BackgroundQuery.parse(rawQuery))
        .as(rawQuery)
        .isInstanceOf(MalformedRequest.class)
        .hasMessage(BackgroundQuery.MALFORMED);
  }
}
