package io.dash4j.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackOptions;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.State;
import io.dash4j.components.Html;
import io.dash4j.layout.Wildcard;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Background options are checked when the registration call returns and show in {@code
 * _dash-dependencies} as Dash lists them: the {@code background} entry, and one cancel callback per
 * distinct cancel input.
 */
class BackgroundOptionsTest {
  private static final Output<Object> RESULT = Output.of("result", Html.Div.CHILDREN);
  private static final Input<Integer> RUN = Input.of("run", Html.Button.N_CLICKS);
  private static final Input<Integer> CANCEL = Input.of("cancel", Html.Button.N_CLICKS);
  private static final Output<Object> STATUS = Output.of("status", Html.Div.CHILDREN);

  private static DashApp appWith(Consumer<CallbackOptions> options) {
    var app = Dash.create();
    app.callback(RESULT, RUN, n -> "done", options);
    return app;
  }

  private static Map<String, Object> entry(DashApp app, int index) {
    var model = ModelAccess.of(app);
    return model.dependencies().get(index);
  }

  @Test
  void aBackgroundCallbackListsItsIntervalAndItsRunningFlips() {
    var app =
        appWith(
            o ->
                o.background(true)
                    .interval(Duration.ofMillis(250))
                    .running(Output.of("run", Html.Button.DISABLED), true, false));

    var entry = entry(app, 0);
    assertThat(entry).containsEntry("background", Map.of("interval", 250L));
    assertThat(entry.get("running"))
        .isEqualTo(
            Map.of(
                "running",
                Map.of("run.disabled", true),
                "runningOff",
                Map.of("run.disabled", false)));
    assertThat(entry(appWith(o -> o.background(true)), 0))
        .containsEntry("background", Map.of("interval", 1000L));
    assertThat(entry(appWith(o -> o.background(true).interval(Duration.ZERO)), 0))
        .containsEntry("background", Map.of("interval", 0L));
    assertThat(entry(appWith(o -> {}), 0)).containsEntry("background", null);
  }

  @Test
  void backgroundOnlyOptionsNeedBackground() {
    List<Consumer<CallbackOptions>> misuses =
        List.of(
            o -> o.progress(STATUS),
            o -> o.cancel(CANCEL),
            o -> o.cacheBy(() -> 1),
            o -> o.cacheArgsToIgnore(0),
            o -> o.cacheIgnoreTriggered(false),
            o -> o.cacheExpire(Duration.ofMinutes(1)),
            o -> o.interval(Duration.ofMillis(100)),
            o -> o.progressDefault("Finished"));
    for (var misuse : misuses) {
      assertThatThrownBy(() -> appWith(misuse))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("need background(true)");
    }
    assertThat(ModelAccess.of(appWith(o -> o.background(true).progress(STATUS))).callbacks())
        .hasSize(1);
  }

  @Test
  void eachRuleOfABackgroundCallbackIsCheckedWithItsOwnMessage() {
    assertThatThrownBy(
            () -> appWith(o -> o.background(true).progress(STATUS).progressDefault("a", "b")))
        .hasMessageContaining("one progressDefault per progress output (1), not 2");
    assertThatThrownBy(
            () ->
                appWith(
                    o ->
                        o.background(true)
                            .cancel(Input.all(Map.of("type", "c", "i", Wildcard.ALL), "n_clicks"))))
        .hasMessageContaining("without wildcards");
    assertThatThrownBy(() -> appWith(o -> o.background(true).websocket(true)))
        .hasMessageContaining("cannot also be websocket");
    assertThatThrownBy(() -> appWith(o -> o.background(true).apiEndpoint("/api/x")))
        .hasMessageContaining("an api endpoint");
    var app = Dash.create();
    assertThatThrownBy(
            () ->
                app.callback(
                    RESULT,
                    RUN,
                    State.of("status", Html.Div.CHILDREN),
                    (n, s) -> "x",
                    o -> o.background(true).progress(STATUS)))
        .hasMessageContaining("a progress output cannot be an input or state of its own callback");
  }

  @Test
  void eachDistinctCancelInputGetsOneCancelCallbackThatNeverRunsOnLoad() {
    var app = Dash.create();
    app.callback(RESULT, RUN, n -> "a", o -> o.background(true).cancel(CANCEL));
    app.callback(
        Output.of("other", Html.Div.CHILDREN),
        Input.of("go", Html.Button.N_CLICKS),
        n -> "b",
        o -> o.background(true).cancel(CANCEL, Input.of("cancel", Html.Button.N_CLICKS_TIMESTAMP)));

    var model = ModelAccess.of(app);
    assertThat(model.cancelCallbacks()).hasSize(2);
    var entries = model.dependencies();
    assertThat(entries).hasSize(4);
    var first = entries.get(2);
    assertThat(first)
        .containsEntry("output", "cancel.id")
        .containsEntry("state", List.of())
        .containsEntry("prevent_initial_call", true)
        .containsEntry("background", null);
    assertThat(first.get("inputs"))
        .isEqualTo(List.of(Map.of("id", "cancel", "property", "n_clicks")));
    // a second prop of the same component needs an output of its own, as Dash's duplicates
    assertThat((String) entries.get(3).get("output")).startsWith("cancel.id@");
    assertThat(model.callbacksCancelledBy(model.cancelCallbacks().get(0)))
        .containsExactly(
            model.callbacks().get(0).outputKey(), model.callbacks().get(1).outputKey());
    assertThat(model.callbacksCancelledBy(model.cancelCallbacks().get(1)))
        .containsExactly(model.callbacks().get(1).outputKey());
  }

  @Test
  void aCancelInputWhoseOutputAnotherCallbackSetsIsRefused() {
    var app = Dash.create();
    app.callback(Output.of("cancel", "id"), Input.of("x", Html.Button.N_CLICKS), n -> "y");
    assertThatThrownBy(
            () -> app.callback(RESULT, RUN, n -> "a", o -> o.background(true).cancel(CANCEL)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the cancel input cancel.n_clicks needs the output cancel.id");
  }
}
