package io.dash4j.testing;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.DashConfig;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.CallbackOptions;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import java.util.function.Consumer;

/**
 * The app of Dash's socket tests ({@code tests/websocket/}): a button {@code btn} and an {@code
 * output} showing "Clicked n", whose callback tells a {@link SocketProbe} its door, {@code
 * n_clicks} and origin.
 */
public final class ClickApp {
  private ClickApp() {}

  /**
   * @param initialText what {@code output} shows before the first answer; null for nothing
   * @param config the app's settings beyond {@code port(0)}, e.g. {@code websocketCallbacks(true)}
   * @param options the callback's options, e.g. {@code websocket(true)} for a per-callback socket
   */
  public static DashApp create(
      SocketProbe probe,
      String initialText,
      Consumer<DashConfig> config,
      Consumer<CallbackOptions> options) {
    var app = Dash.create(c -> config.accept(c.port(0)));
    app.layout(
        div(
            button("Click").id("btn"),
            initialText == null ? div().id("output") : div(initialText).id("output")));
    app.callback(
        Output.of("output", Html.Div.CHILDREN),
        Input.of("btn", Html.Button.N_CLICKS),
        n -> {
          probe.doors.door();
          probe.clicksSeen.add(n);
          probe.origins.add(CallbackContext.current().origin());
          return "Clicked " + (n == null ? 0 : n);
        },
        options);
    return app;
  }
}
