package io.dash4j.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeysTest {
  private static final String OUT = "result.children";
  private static final String SITE = "app.Main.lambda$main$0:42";

  @Test
  void theKeyIsTheSha256HexOfTheCanonicalJson() throws Exception {
    String expected =
        "{\"args\":[1,\"a\",null],\"cacheBy\":[true],\"fn\":\"result.children\\napp.Main.lambda$main$0:42\","
            + "\"triggered\":[\"b.n_clicks\"]}";
    var sha = MessageDigest.getInstance("SHA-256");
    String hex = HexFormat.of().formatHex(sha.digest(expected.getBytes(StandardCharsets.UTF_8)));
    assertThat(
            CacheKeys.of(
                OUT, SITE, Arrays.asList(1, "a", null), List.of("b.n_clicks"), List.of(true)))
        .isEqualTo(hex)
        .matches("^[0-9a-f]{64}$");
  }

  @Test
  void mapKeysAreSortedAtEveryDepth() {
    var inner = new LinkedHashMap<String, Object>();
    inner.put("z", 1);
    inner.put("a", List.of(Map.of("y", 2)));
    var outer = new LinkedHashMap<String, Object>();
    outer.put("b", inner);
    outer.put("a", "x");
    assertThat(CacheKeys.canonicalJson(outer))
        .isEqualTo("{\"a\":\"x\",\"b\":{\"a\":[{\"y\":2}],\"z\":1}}");
  }

  @Test
  void theOrderOfMapKeysDoesNotMatter() {
    var ab = new LinkedHashMap<String, Object>();
    ab.put("a", 1);
    ab.put("b", Map.of("x", 1, "y", 2));
    var ba = new LinkedHashMap<String, Object>();
    ba.put("b", Map.of("y", 2, "x", 1));
    ba.put("a", 1);
    assertThat(key(List.of(ab))).isEqualTo(key(List.of(ba)));
    assertThat(key(List.of(ab))).isNotEqualTo(key(List.of(Map.of("a", 2, "b", Map.of()))));
  }

  @Test
  void theOrderOfArgsMatters() {
    assertThat(key(List.of("a", "b"))).isNotEqualTo(key(List.of("b", "a")));
  }

  @Test
  void ignoringTheTriggerDiffersFromAnEmptyTrigger() {
    String ignored = CacheKeys.of(OUT, SITE, List.of(1), null, List.of());
    String none = CacheKeys.of(OUT, SITE, List.of(1), List.of(), List.of());
    String clicked = CacheKeys.of(OUT, SITE, List.of(1), List.of("b.n_clicks"), List.of());
    assertThat(ignored).isNotEqualTo(none).isNotEqualTo(clicked);
    assertThat(none).isNotEqualTo(clicked);
  }

  @Test
  void cacheByValuesMoveTheKey() {
    String v1 = CacheKeys.of(OUT, SITE, List.of(1), null, List.of("v1"));
    String v2 = CacheKeys.of(OUT, SITE, List.of(1), null, List.of("v2"));
    assertThat(v1).isNotEqualTo(v2);
    assertThat(CacheKeys.of(OUT, SITE, List.of(1), null, List.of("v1"))).isEqualTo(v1);
  }

  @Test
  void twoCallSitesOfOneOutputDiffer() {
    assertThat(CacheKeys.of(OUT, "A.java:1", List.of(1), null, List.of()))
        .isNotEqualTo(CacheKeys.of(OUT, "A.java:2", List.of(1), null, List.of()));
    assertThat(CacheKeys.of("other.children", SITE, List.of(1), null, List.of()))
        .isNotEqualTo(CacheKeys.of(OUT, SITE, List.of(1), null, List.of()));
  }

  @Test
  void integersAndLongsHashAlikeButDoublesApart() {
    assertThat(key(List.of(1))).isEqualTo(key(List.of(1L)));
    assertThat(key(List.of(1))).isNotEqualTo(key(List.of(1.0)));
  }

  @Test
  void twoKeysThatWriteAlikeAreRefused() {
    var clash = new LinkedHashMap<Object, Object>();
    clash.put(1, "a");
    clash.put("1", "b");
    assertThatThrownBy(() -> CacheKeys.outputsHash(clash))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void outputsHashIgnoresKeyOrder() {
    var idAb = new LinkedHashMap<String, Object>();
    idAb.put("type", "card");
    idAb.put("index", 1);
    var idBa = new LinkedHashMap<String, Object>();
    idBa.put("index", 1);
    idBa.put("type", "card");
    var outputAb = new LinkedHashMap<String, Object>();
    outputAb.put("id", idAb);
    outputAb.put("property", "children");
    var outputBa = new LinkedHashMap<String, Object>();
    outputBa.put("property", "children");
    outputBa.put("id", idBa);
    assertThat(CacheKeys.outputsHash(outputAb)).isEqualTo(CacheKeys.outputsHash(outputBa));
    assertThat(CacheKeys.outputsHash(List.of(outputAb)))
        .isEqualTo(CacheKeys.outputsHash(List.of(outputBa)));
  }

  @Test
  void outputsHashTellsMatchIdsApart() {
    Object one = Map.of("id", Map.of("type", "card", "index", 1), "property", "children");
    Object two = Map.of("id", Map.of("type", "card", "index", 2), "property", "children");
    assertThat(CacheKeys.outputsHash(one)).isNotEqualTo(CacheKeys.outputsHash(two));
    assertThat(CacheKeys.outputsHash(List.of(one))).isNotEqualTo(CacheKeys.outputsHash(one));
  }

  private static String key(List<Object> args) {
    return CacheKeys.of(OUT, SITE, args, null, List.of());
  }
}
