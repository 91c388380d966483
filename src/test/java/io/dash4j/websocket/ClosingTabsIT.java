package io.dash4j.websocket;

import static io.dash4j.components.Dcc.interval;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WindowType;

/**
 * Tabs that close while their interval keeps calling the server over the shared socket: the call a
 * page posts as it goes away is the worker's to drop, not the door's to refuse, so the tabs left
 * open see no error.
 */
class ClosingTabsIT {
  private static final int TABS = 4;

  @RegisterExtension static final ServedApp server = ServedApp.of(ClosingTabsIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).websocketCallbacks(true));
    app.layout(div(div("no tick").id("ticks"), interval("tick").interval(20)));
    app.callback(
        Output.of("ticks", Html.Div.CHILDREN),
        Input.of("tick", Dcc.Interval.N_INTERVALS),
        n -> "tick " + n);
    return app;
  }

  @Test
  void tabsThatCloseMidIntervalLeaveTheOtherTabsWithoutErrors() throws Exception {
    var driver = browser.driver();
    browser.open(server.url()); // not openApp: a page that ticks this fast is never idle
    String stays = driver.getWindowHandle();
    browser.waitForTextContains("#ticks", "tick ");
    for (int i = 0; i < TABS; i++) {
      driver.switchTo().newWindow(WindowType.TAB);
      browser.open(server.url()); // not openApp: a page that ticks this fast is never idle
      browser.waitForTextContains("#ticks", "tick ");
      driver.close();
      driver.switchTo().window(stays);
    }
    Set<String> open = driver.getWindowHandles();
    browser.waitForTextContains("#ticks", "tick ");
    Thread.sleep(500); // an error for a call of the last tab closed reaches this one meanwhile
    browser.assertNoErrorsLogged();
    assertThat(open).containsExactly(stays);
  }
}
