package io.dash4j.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.protocol.Fingerprint.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final String STAMP = "1f2e3d4c5b6a7980";

  @Test
  void buildSplitsTheFileNameAtItsFirstDot() {
    assertThat(Fingerprint.build("deps/react@18.3.1.min.js", "18.3.1", STAMP))
        .isEqualTo("deps/react@18.v18_3_1m" + STAMP + ".3.1.min.js");
  }

  @Test
  void buildKeepsTheDirectoriesAsTheyAre() {
    assertThat(Fingerprint.build("dash-renderer/build/dash_renderer.min.js", "3.4.1", STAMP))
        .isEqualTo("dash-renderer/build/dash_renderer.v3_4_1m" + STAMP + ".min.js");
  }

  @Test
  void buildWorksForAFileAtTheTop() {
    assertThat(Fingerprint.build("bundle.js", "1.0.0", "abc")).isEqualTo("bundle.v1_0_0mabc.js");
  }

  @Test
  void buildReplacesEveryCharacterOutsideWordCharactersAndDashesInTheVersion() {
    assertThat(Fingerprint.build("x/a.js", "4.3.0-rc.1+local", "9"))
        .isEqualTo("x/a.v4_3_0-rc_1_localm9.js");
  }

  @Test
  void parseStripsAValidFingerprint() {
    assertThat(Fingerprint.parse("dash-renderer/build/dash_renderer.v3_4_1m1f2e.min.js"))
        .isEqualTo(new Parsed("dash-renderer/build/dash_renderer.min.js", true));
    assertThat(Fingerprint.parse("deps/react@18.v4_3_0m1719000000.3.1.min.js"))
        .isEqualTo(new Parsed("deps/react@18.3.1.min.js", true));
  }

  @Test
  void parseStripsTheBuildTimeFingerprintOfAsyncChunks() {
    assertThat(Fingerprint.parse("dcc/async-graph.v4_5_0m1731000000.js"))
        .isEqualTo(new Parsed("dcc/async-graph.js", true));
  }

  @Test
  void parseLeavesPathsWithoutAFingerprintAlone() {
    for (String path :
        List.of(
            "dcc/dash_core_components.js", // two parts only
            "deps/react@18.3.1.min.js", // second part "3" is no fingerprint
            "dcc/async-graph.v4_5_0m12g4.js", // 'g' is not a hex digit
            "dcc/async-graph.4_5_0m1234.js", // no leading 'v'
            "dcc/async-graph.v4_5_0.js", // no 'm<stamp>'
            "dir.v1m2.x/file.js", // only the last segment counts
            "plotly/package_data/plotly.min.js",
            "")) {
      assertThat(Fingerprint.parse(path)).as(path).isEqualTo(new Parsed(path, false));
    }
  }

  @Test
  void parseUndoesBuild() {
    for (String path :
        List.of(
            "deps/react@18.3.1.min.js",
            "dash-renderer/build/dash_renderer.dev.js",
            "dcc/dash_core_components-shared.js",
            "dash_table/bundle.js",
            "a/b/c/file.tar.gz",
            "top.css")) {
      String fingerprinted = Fingerprint.build(path, "4.3.0", STAMP);

      assertThat(fingerprinted).as(path).isNotEqualTo(path);
      assertThat(Fingerprint.parse(fingerprinted))
          .as(fingerprinted)
          .isEqualTo(new Parsed(path, true));
    }
  }
}
