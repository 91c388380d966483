package io.dash4j.bench;

import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.DashApplication;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;

/**
 * The app every HTTP benchmark serves: one trivial callback ({@code out.children} echoes {@code
 * in.children}), so what is measured is the path a request takes, not the callback's work.
 */
public final class BenchApp implements DashApplication {
  @Override
  public DashApp create() {
    return create(false);
  }

  /** The app, its callback declared {@code nonBlocking} (run on the event loop) or not. */
  static DashApp create(boolean nonBlocking) {
    var app = Dash.create();
    app.layout(div(div().id("in"), div().id("out")));
    app.callback(
        Output.of("out", Html.CHILDREN),
        Input.of("in", Html.CHILDREN),
        value -> "echo " + value,
        options -> {
          if (nonBlocking) {
            options.nonBlocking();
          }
        });
    return app;
  }
}
