package io.dash4j.model;

import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.Dash;
import io.dash4j.callback.CallbackOptions;
import io.dash4j.callback.ClientsideCallback;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Every callback takes one path into the app: checked and frozen when its registration call
 * returns, whether the app is starting or a dynamic creator is running.
 */
class CallbackRegistrationTest {
  private static final Output<Object> OUT = Output.of("out", Html.Div.CHILDREN);
  private static final Input<Integer> BUTTON = Input.of("btn", Html.Button.N_CLICKS);

  @Test
  void optionsCannotChangeOnceTheRegistrationCallReturns() {
    var app = Dash.create();
    var kept = new AtomicReference<CallbackOptions>();
    app.callback(
        OUT, BUTTON, n -> "clicked", options -> kept.set(options.preventInitialCall(true)));

    assertThatThrownBy(() -> kept.get().websocket(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot change later");
    var spec = ModelAccess.of(app).callbacks().get(0);
    assertThat(spec.options().isWebsocket()).isFalse();
    assertThat(spec.dependencyEntry(ModelAccess.of(app).defaults()))
        .containsEntry("prevent_initial_call", true);
  }

  @Test
  void aSecondCallbackForTheSameOutputIsRefusedWhenRegistered() {
    var app = Dash.create();
    app.callback(OUT, BUTTON, n -> "first");

    assertThatThrownBy(
            () -> app.callback(OUT, Input.of("other", Html.Button.N_CLICKS), n -> "second"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two callbacks set the same output out.children");
    assertThat(ModelAccess.of(app).callbacks()).hasSize(1);
  }

  @Test
  void aClientsideCallbackCannotTakeAServerCallbacksOutputEither() {
    var app = Dash.create();
    app.callback(OUT, BUTTON, n -> "server");

    assertThatThrownBy(() -> app.clientsideCallback("function(n) { return n; }", OUT, BUTTON))
        .isInstanceOf(IllegalArgumentException.class);
    app.clientsideCallback(
        ClientsideCallback.inline("function(n) { return n; }").preventInitialCall(true),
        Output.of("other-out", Html.Div.CHILDREN),
        BUTTON);
    assertThat(ModelAccess.of(app).clientsideCallbacks()).hasSize(1);
  }

  @Test
  void aCallbackRegisteredWhileTheAppRunsIsCheckedByTheSameRules() throws Exception {
    var app = Dash.create(config -> config.port(0));
    app.layout(div());
    app.callback(OUT, BUTTON, n -> "first");
    try (var running = app.run()) {
      assertThat(running.port()).isPositive();
      // What a dynamic creator does mid-run: the refusal is the same as at start-up, not a silent
      // skip.
      assertThatThrownBy(
              () -> app.callback(OUT, Input.of("late", Html.Button.N_CLICKS), n -> "late"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("two callbacks set the same output");
    }
  }

  @Test
  void anAllowDuplicateOutputNeedsItsCallbackToSkipThePageLoadCall() {
    var app = Dash.create();

    assertThatThrownBy(() -> app.callback(OUT.allowDuplicate(), BUTTON, n -> "dup"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allowDuplicate() needs preventInitialCall(true)");
    app.callback(
        OUT.allowDuplicate(), BUTTON, n -> "dup", options -> options.preventInitialCall(true));
    assertThat(ModelAccess.of(app).callbacks())
        .singleElement()
        .satisfies(spec -> assertThat(spec.outputKey()).startsWith("out.children@"));
  }

  @Test
  void aBackgroundCallbackRegisteredWhileTheAppRunsIsRefused() throws Exception {
    var app = Dash.create(config -> config.port(0));
    app.layout(div());
    app.callback(OUT, BUTTON, n -> "first");
    try (var running = app.run()) {
      assertThatThrownBy(
              () ->
                  app.callback(
                      Output.of("late-out", Html.Div.CHILDREN),
                      Input.of("late", Html.Button.N_CLICKS),
                      n -> "late",
                      o -> o.background(true)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("a background callback is registered before the app runs");
      // a plain one still may be (a dynamic creator's)
      app.callback(
          Output.of("plain-out", Html.Div.CHILDREN),
          Input.of("plain", Html.Button.N_CLICKS),
          n -> "plain");
      assertThat(ModelAccess.of(app).callbacks()).hasSize(2);
    }
  }
}
