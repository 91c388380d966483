package io.dash4j.jobs;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.DashApplication;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import java.time.Duration;

/**
 * A small app with one background callback, for tests that start the launcher in another process: a
 * click runs a job that reports its progress, counts to {@code steps} and answers "done N".
 */
public final class JobsTestApp implements DashApplication {
  @Override
  public DashApp create() {
    var app = Dash.create();
    app.layout(div(button("Run").id("run"), div("idle").id("status"), div().id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("run", Html.Button.N_CLICKS),
        clicks -> {
          long pid = ProcessHandle.current().pid();
          for (int i = 1; i <= 10; i++) {
            CallbackContext.current().setProgress("step " + i + "/10 on " + pid);
            Thread.sleep(300);
          }
          return "done " + clicks + " on " + pid;
        },
        options ->
            options
                .background(true)
                .preventInitialCall(true)
                .progress(Output.of("status", Html.Div.CHILDREN))
                .interval(Duration.ofMillis(200)));
    return app;
  }
}
