package io.dash4j.gallery;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h2;
import static io.dash4j.components.Html.p;
import static io.dash4j.components.Html.progress;
import static io.dash4j.components.Html.section;

import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.components.Html;
import io.dash4j.pages.Page;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gallery's {@code /websocket} page, after Dash's websocket callbacks: a button starts a
 * callback without outputs that pushes its progress over the socket until it finishes or its page
 * closes, and reads a prop from the page halfway through.
 */
final class WebsocketLoopExample {
  static final String PATH = "/websocket";

  static final int STEPS = 20;

  private static final long STEP_MILLIS = 300;

  /** How the last loop of this process ended, for the test that closes the page. */
  static final AtomicReference<String> LAST_END = new AtomicReference<>("none");

  private WebsocketLoopExample() {}

  static void register(DashApp app) {
    app.registerPage(
        Page.at(PATH).name("Websocket loop").order(5).layout(WebsocketLoopExample::layout));
    app.callbackWithoutOutput(
        List.of(Input.of("ws-loop-start", Html.Button.N_CLICKS)),
        args -> loop(),
        options -> options.websocket(true).persistent(true).preventInitialCall(true));
  }

  private static void loop() throws InterruptedException {
    var context = CallbackContext.current();
    LAST_END.set("running");
    int step = 0;
    try {
      context.setProps("ws-loop-start", Map.of("disabled", true));
      while (step < STEPS && !context.isShutdown()) {
        step++;
        context.setProp(Html.Progress.VALUE.of("ws-loop-bar"), Integer.toString(step));
        context.setProp(Html.Div.CHILDREN.of("ws-loop-status"), "Step " + step + " of " + STEPS);
        if (step == STEPS / 2) {
          // A round trip to the page mid-run: whatever the visitor typed by now.
          Object label = context.getProp("ws-loop-label", "value");
          context.setProp(
              Html.Div.CHILDREN.of("ws-loop-read"), "Halfway, the page's label read: " + label);
        }
        Thread.sleep(STEP_MILLIS);
      }
      if (!context.isShutdown()) {
        context.setProp(Html.Div.CHILDREN.of("ws-loop-status"), "Done: " + STEPS + " steps");
        context.setProps("ws-loop-start", Map.of("disabled", false));
      }
    } finally {
      LAST_END.set((context.isShutdown() ? "page closed at step " : "finished at step ") + step);
    }
  }

  private static Object layout() {
    return div(
        section(
                h2("A loop over the socket"),
                p(
                    "Run starts a callback without outputs: it pushes its progress until it is"
                        + " done or the page closes, and halfway it reads the label below from"
                        + " the page."),
                input("ws-loop-label").value("first run").placeholder("A label"),
                div(button("Run").id("ws-loop-start")).className("controls"),
                progress().id("ws-loop-bar").max(STEPS).value("0"),
                div("Not run yet").id("ws-loop-status"),
                div().id("ws-loop-read"))
            .className("example"));
  }
}
