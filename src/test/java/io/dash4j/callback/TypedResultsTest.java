package io.dash4j.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.layout.Prop;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What typed callbacks hand the runtime: {@link Update}s and {@link Results} unwrapped into the
 * values, no-update marker and patches the runtime already knows, and no cast failing inside a
 * lambda typed by its output.
 */
class TypedResultsTest {
  private static final Prop<String> TITLE = Prop.string("title");
  private static final Prop<Map<String, Object>> FIGURE = Prop.map("figure");
  private static final Input<Integer> CLICKS = Input.of("b", Prop.integer("n_clicks"));

  private final List<CallbackDeclaration> declared = new ArrayList<>();
  private final Callbacks app =
      new Callbacks() {
        @Override
        public void register(CallbackDeclaration callback) {
          declared.add(callback);
        }

        @Override
        public void clientsideCallback(ClientsideCallback callback, Dependency<?>... dependencies) {
          throw new UnsupportedOperationException();
        }
      };

  @Test
  void noUpdateForATextOutputReachesTheRuntimeAsDashsNoUpdate() throws Exception {
    app.callback(
        Output.of("t", TITLE).orNoUpdate(),
        CLICKS,
        n -> n == null ? Update.noUpdate() : Update.of("clicked " + n));
    assertThat(run(null)).isSameAs(NoUpdate.NO_UPDATE);
    assertThat(run(2)).isEqualTo("clicked 2");
  }

  @Test
  void aPatchForATextOutputReachesTheRuntimeAsThePatch() throws Exception {
    var patch = Patch.create().add(" (edited)"); // Dash's Patch adds to a string too
    app.callback(Output.of("t", TITLE).orNoUpdate(), CLICKS, n -> Update.patch(patch));
    assertThat(run(1)).isSameAs(patch);
  }

  @Test
  void typedResultsBecomeOneValuePerOutput() throws Exception {
    app.callback(
        Outputs.of(Output.of("t", TITLE).orNoUpdate(), Output.of("c", FIGURE)),
        CLICKS,
        n -> Results.of(Update.noUpdate(), Map.of("data", List.of(n))));
    assertThat(declared.get(0).multiOutput()).isTrue();
    assertThat(run(3)).isEqualTo(List.of(NoUpdate.NO_UPDATE, Map.of("data", List.of(3))));
  }

  @Test
  void theUntypedListFormUnwrapsUpdatesAndKeepsItsNoUpdateMarker() throws Exception {
    app.callback(
        Outputs.of(List.of(Output.of("t", TITLE), Output.of("c", FIGURE))),
        CLICKS,
        n -> n == null ? Outputs.noUpdate() : Outputs.values(Update.noUpdate(), null));
    assertThat(Outputs.isNoUpdate(run(null))).isTrue();
    assertThat(run(1)).isEqualTo(Arrays.asList(NoUpdate.NO_UPDATE, null));
  }

  @Test
  void aHandBuiltDeclarationIsUnwrappedToo() throws Exception {
    app.register(
        new CallbackDeclaration(
            List.of(Output.of("t", TITLE), Output.of("c", FIGURE)),
            true,
            List.of(CLICKS),
            args -> Results.of(Update.noUpdate(), Map.of()),
            new CallbackOptions()));
    assertThat(run(1)).isEqualTo(List.of(NoUpdate.NO_UPDATE, Map.of()));
  }

  /** Runs the only declared callback's function as the runtime does, with decoded arguments. */
  private Object run(Integer clicks) throws Exception {
    assertThat(declared).hasSize(1);
    return declared.get(0).function().apply(Collections.singletonList(clicks));
  }
}
