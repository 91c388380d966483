package io.dash4j.browser;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.li;
import static io.dash4j.components.Html.ul;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Patch;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Patch given to setProps updates part of another component's prop, like a Patch returned for an
 * output.
 */
class PatchSetPropsBrowserIT {
  @RegisterExtension static final ServedApp server = ServedApp.of(PatchSetPropsBrowserIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0));
    app.layout(
        div(
            button("add").id("add"),
            ul(List.of(li("first").id("first"))).id("items"),
            div("0").id("count")));
    app.callbackWithoutOutput(
        Input.of("add", Html.Button.N_CLICKS),
        clicks -> {
          if (clicks != null) {
            var context = CallbackContext.current();
            context.setProps(
                "items", Map.of("children", Patch.create().append(li("item " + clicks))));
            context.setProps(
                "count", Map.of("children", Patch.create().at().assign(String.valueOf(clicks))));
          }
        });
    return app;
  }

  @Test
  void aPatchInSetPropsAppendsToAnotherComponentsChildren() {
    browser.openApp(server);
    browser.click("#add");
    browser.waitForText("#count", "1");
    browser.click("#add");
    browser.waitForText("#count", "2");
    browser.waitForText("#items", "first\nitem 1\nitem 2");
    browser.waitForText("#first", "first"); // the existing child was kept, not replaced
  }
}
