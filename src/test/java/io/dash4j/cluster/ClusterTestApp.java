package io.dash4j.cluster;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.DashApplication;
import io.dash4j.broadcast.Topic;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An app for the multi-node tests, started by the launcher in other processes: everything it
 * answers names the process that ran it ("on <pid>"), so a test sees which node did what. A click
 * on {@code run} answers over HTTP; a click on {@code push} runs over the socket and pushes to
 * {@code pushed} while it runs and reads {@code result} from the page; each page that joins is
 * announced on the {@code presence} topic, to every page of every node, by the node that holds its
 * socket.
 */
public final class ClusterTestApp implements DashApplication {
  static final long PID = ProcessHandle.current().pid();

  @Override
  public DashApp create() {
    var app = Dash.create();
    app.layout(
        div(
            button("Run").id("run"),
            div().id("result"),
            button("Slow").id("slow-go"),
            div().id("slow"),
            button("Slow over the socket").id("slow-socket-go"),
            div().id("slow-socket"),
            button("Push").id("push"),
            div().id("pushed"),
            div().id("push-done"),
            div().id("joined"),
            div().id("persistent"),
            button("Make").id("make"),
            div().id("made"),
            button("Use").id("use"),
            div("unused").id("used"),
            button("Start").id("start"),
            button("Stop").id("stop").nClicks(0),
            div("idle").id("progress")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("run", Html.Button.N_CLICKS),
        clicks -> "run " + clicks + " on " + PID,
        options -> options.preventInitialCall(true));
    // a call that is still running when its node is killed
    app.callback(
        Output.of("slow", Html.Div.CHILDREN),
        Input.of("slow-go", Html.Button.N_CLICKS),
        clicks -> {
          System.err.println("slow call " + clicks + " started on " + PID);
          Thread.sleep(60_000);
          return "slow " + clicks + " on " + PID;
        },
        options -> options.preventInitialCall(true));
    // the same over the socket, saying first where it runs
    app.callback(
        Output.of("slow-socket", Html.Div.CHILDREN),
        Input.of("slow-socket-go", Html.Button.N_CLICKS),
        clicks -> {
          CallbackContext.current()
              .setProps(
                  "slow-socket", Map.of("children", "slow socket " + clicks + " runs on " + PID));
          Thread.sleep(60_000);
          return "slow socket " + clicks + " on " + PID;
        },
        options -> options.websocket(true).preventInitialCall(true));
    app.callback(
        Output.of("push-done", Html.Div.CHILDREN),
        Input.of("push", Html.Button.N_CLICKS),
        clicks -> {
          CallbackContext.current()
              .setProps("pushed", Map.of("children", "pushed " + clicks + " from " + PID));
          // read back from the page, wherever its socket is
          Object result = CallbackContext.current().getProp("result", "children");
          return "push " + clicks + " done beside \"" + result + "\"";
        },
        options -> options.websocket(true).preventInitialCall(true));
    app.callback(
        Output.of("made", Html.Div.CHILDREN),
        Input.of("make", Html.Button.N_CLICKS),
        clicks -> {
          app.callback(
              Output.of("used", Html.Div.CHILDREN),
              Input.of("use", Html.Button.N_CLICKS),
              uses -> "used " + uses + " on " + PID,
              options -> options.preventInitialCall(true));
          return "made on " + PID;
        },
        options -> options.allowDynamicCallbacks().preventInitialCall(true));
    app.streamCallback(
        Input.of("start", Html.Button.N_CLICKS),
        (clicks, stream) -> {
          for (int tick = 1; ; tick++) {
            stream.setProp(
                "progress", "children", "run " + clicks + " tick " + tick + " on " + PID);
            Thread.sleep(100);
          }
        },
        options ->
            options
                .cancelUnless(Input.of("stop", Html.Button.N_CLICKS), 0)
                .resetProps("progress", Map.of("children", "idle")));
    var persistentRuns = new AtomicInteger();
    app.persistentCallback(
        () ->
            CallbackContext.current()
                .setProps(
                    "persistent",
                    Map.of(
                        "children",
                        "persistent run " + persistentRuns.incrementAndGet() + " on " + PID)));
    Topic presence = app.topic("presence");
    app.subscribe(presence);
    app.onPageJoin(
        page -> presence.publish("joined", "children", page.rendererId() + " joined on " + PID));
    return app;
  }
}
