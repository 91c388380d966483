package io.dash4j.websocket;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.testing.Browser;
import io.dash4j.testing.Doors;
import io.dash4j.testing.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WindowType;

/**
 * Two tabs of one app in one browser share one socket (our SharedWorker, as Dash's), and each still
 * gets only its own answers and pushes: the worker routes by renderer id, and the door sends each
 * page's pushes to its own address.
 */
class TwoTabsIT {
  static final Doors doors = new Doors();

  @RegisterExtension static final ServedApp server = ServedApp.of(TwoTabsIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = doors.watch(Dash.create(config -> config.port(0).websocketCallbacks(true)));
    app.layout(
        div(button("Go").id("go"), div("nothing yet").id("answer"), div("no push").id("pushed")));
    app.callback(
        Output.of("answer", Html.Div.CHILDREN),
        Input.of("go", Html.Button.N_CLICKS),
        n -> {
          doors.door();
          var socket = CallbackContext.current().websocket();
          if (n == null) {
            return "ready";
          }
          socket.setProp("pushed", "children", "pushed to " + socket.rendererId());
          return "clicked " + n + " by " + socket.rendererId();
        });
    return app;
  }

  /** The renderer id of the page in the current tab. */
  static String rendererId() {
    String answer = browser.text("#answer");
    return answer.substring(answer.lastIndexOf(' ') + 1);
  }

  @Test
  void tabsShareOneSocketAndEachGetsItsOwnAnswersAndPushes() {
    var driver = browser.driver();
    browser.openApp(server);
    String firstTab = driver.getWindowHandle();
    browser.waitForText("#answer", "ready");
    browser.recordTexts("pushed");
    driver.switchTo().newWindow(WindowType.TAB);
    browser.openApp(server);
    browser.waitForText("#answer", "ready");

    browser.click("#go");
    browser.click("#go");
    browser.waitForTextContains("#answer", "clicked 2 by ");
    String secondPage = rendererId();
    browser.waitForText("#pushed", "pushed to " + secondPage);

    driver.switchTo().window(firstTab);
    browser.waitForText("#answer", "ready");
    browser.click("#go");
    browser.waitForTextContains("#answer", "clicked 1 by ");
    String firstPage = rendererId();
    browser.waitForText("#pushed", "pushed to " + firstPage);
    assertThat(firstPage).isNotEqualTo(secondPage);
    // the first tab's own push is the control: it came after the second tab's, over the same
    // socket, so had the
    // second tab's push reached this page it would show first
    assertThat(browser.recordedTexts("pushed")).containsExactly("pushed to " + firstPage);

    driver
        .switchTo()
        .window(
            driver.getWindowHandles().stream()
                .filter(h -> !h.equals(firstTab))
                .findFirst()
                .orElseThrow());
    browser.waitForText("#answer", "clicked 2 by " + secondPage);
    browser.waitForText("#pushed", "pushed to " + secondPage);

    assertThat(doors.sockets).as("one socket for both tabs").hasSize(1);
    assertThat(doors.overHttp).hasValue(0);
    assertThat(doors.overSocket).hasValue(5);
    browser.assertNoErrorsLogged();
  }
}
