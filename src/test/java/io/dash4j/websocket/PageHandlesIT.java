package io.dash4j.websocket;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.testing.BridgeClient;
import io.dash4j.testing.Eventually;
import io.dash4j.testing.ServedApp;
import io.dash4j.testing.UpdateRequests;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@link Websocket} handle follows its page, not its call: one kept after its callback returned
 * still pushes while the page is there, turns {@code isShutdown()} when the page goes, and then
 * refuses pushes with {@link PageGone}. And apps hear pages join and leave, with a handle, without
 * parking a thread per page. A raw bridge client stands in for the page.
 */
class PageHandlesIT {
  static final AtomicReference<Websocket> kept = new AtomicReference<>();
  static final List<String> joined = new CopyOnWriteArrayList<>();
  static final List<Websocket> joinHandles = new CopyOnWriteArrayList<>();
  static final List<String> left = new CopyOnWriteArrayList<>();
  static final List<Boolean> shutWhenLeft = new CopyOnWriteArrayList<>();

  @RegisterExtension static final ServedApp server = ServedApp.of(PageHandlesIT::app);

  /** Only page hooks: nothing else would make its pages open the socket. */
  @RegisterExtension static final ServedApp hooksOnly = ServedApp.of(PageHandlesIT::hooksOnlyApp);

  static DashApp app() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(button("keep").id("keep"), div().id("kept"), div().id("later")));
    app.callback(
        Output.of("kept", Html.Div.CHILDREN),
        Input.of("keep", Html.Button.N_CLICKS),
        n -> {
          kept.set(CallbackContext.current().websocket());
          return "kept";
        },
        options -> options.websocket(true));
    return app;
  }

  static DashApp hooksOnlyApp() {
    var app = Dash.create(config -> config.port(0));
    app.layout(div(div().id("welcome")));
    app.onPageJoin(
        page -> {
          joined.add(page.rendererId());
          joinHandles.add(page);
          page.setProps("welcome", Map.of("children", "hello " + page.rendererId()));
        });
    app.onPageLeave(
        page -> {
          shutWhenLeft.add(page.isShutdown());
          left.add(page.rendererId());
        });
    return app;
  }

  @Test
  void aHandleKeptAfterItsCallReturnedFollowsItsPage() throws Exception {
    var page = BridgeClient.connect(server.url()).claim("keeper-1");
    page.callback("kept.children", UpdateRequests.click("keep", 1, "kept"), "keeper-1", "r.k.1");
    assertThat(BridgeClient.body(page.next()).getJsonObject("body").getJsonObject("response"))
        .isEqualTo(new JsonObject().put("kept", new JsonObject().put("children", "kept")));
    Websocket handle = kept.get();
    assertThat(handle.isShutdown()).isFalse();

    handle.setProp("later", "children", "pushed after the call returned");
    var push = BridgeClient.body(page.next());
    assertThat(push.getString("type")).isEqualTo("set_props");
    assertThat(push.getJsonObject("payload").getJsonObject("props").getString("children"))
        .isEqualTo("pushed after the call returned");

    page.close();
    assertThat(Eventually.holds(handle::isShutdown, Duration.ofSeconds(5)))
        .as("the handle saw its page go")
        .isTrue();
    assertThatThrownBy(() -> handle.setProp("later", "children", "too late"))
        .isInstanceOf(PageGone.class);
  }

  @Test
  void appsHearPagesJoinAndLeaveWithAHandleThatFollowsThePage() throws Exception {
    var page = BridgeClient.connect(hooksOnly.url()).claim("joiner-1");
    var welcome = BridgeClient.body(page.next());
    assertThat(welcome.getJsonObject("payload").getJsonObject("props").getString("children"))
        .isEqualTo("hello joiner-1");
    assertThat(joined).containsExactly("joiner-1");
    Websocket handle = joinHandles.get(0);

    page.close();
    assertThat(Eventually.holds(() -> left.contains("joiner-1"), Duration.ofSeconds(5)))
        .as("the leave hook ran")
        .isTrue();
    assertThat(shutWhenLeft).containsExactly(true);
    assertThat(Eventually.holds(handle::isShutdown, Duration.ofSeconds(5))).isTrue();
    assertThat(joined).as("joined once").containsExactly("joiner-1");
  }
}
