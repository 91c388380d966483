package io.dash4j.bench;

import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.server.DashServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A server under benchmark, in its own process so the harness can pin it to one core. Prints {@code READY <port>}
 * once it listens.
 *
 * <ul>
 *   <li>{@code bare}: the baseline, a Vert.x route that parses the JSON body, makes an event-bus request to a
 *       consumer that answers a JSON object, and writes that reply: the least any event-bus server does.
 *   <li>{@code dash4j}: a dash4j app with one trivial callback, reached through {@code _dash-update-component}.
 * </ul>
 */
public final class BenchServer {
  private BenchServer() {}

  /** {@code BenchServer bare|dash4j}. */
  public static void main(String[] args) {
    int port = switch (args[0]) {
      case "bare" -> bare();
      case "dash4j" -> dash4j();
      default -> throw new IllegalArgumentException("mode: bare | dash4j");
    };
    System.out.println("READY " + port);
  }

  private static int bare() {
    var vertx = Vertx.vertx();
    vertx.eventBus().<JsonObject>consumer("bench.echo", message -> {
      String value = message.body().getJsonArray("inputs").getJsonObject(0).getString("value");
      message.reply(new JsonObject().put("multi", true)
          .put("response", new JsonObject().put("out", new JsonObject().put("children", "echo " + value))));
    });
    var router = Router.router(vertx);
    router.post("/_dash-update-component").handler(BodyHandler.create(false)).handler(ctx ->
        vertx.eventBus().<JsonObject>request("bench.echo", ctx.body().asJsonObject())
            .onSuccess(reply -> ctx.response().putHeader("Content-Type", "application/json")
                .end(reply.body().toBuffer())));
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .await().actualPort();
  }

  private static int dash4j() {
    var app = Dash.create(config -> config.port(0).host("127.0.0.1"));
    app.layout(div(div().id("in"), div().id("out")));
    app.callback(Output.of("out", Html.CHILDREN), Input.of("in", Html.CHILDREN), value -> "echo " + value);
    return DashServer.start(app).port();
  }
}
