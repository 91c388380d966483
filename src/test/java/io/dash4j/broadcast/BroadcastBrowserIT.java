package io.dash4j.broadcast;

import static io.dash4j.components.Dcc.link;
import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WindowType;

/**
 * Topics with the stock front end: pages connect for the topics alone (the app's callbacks stay on
 * HTTP); two tabs show the same broadcast; a tab that opens after a publish shows its latest value
 * (the replay waits for the page's components); a navigation inside the app subscribes the page to
 * its new path's topic.
 */
class BroadcastBrowserIT {
  static Topic clock;
  static Topic walk;

  @RegisterExtension static final ServedApp server = ServedApp.of(BroadcastBrowserIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).prefix("/app/"));
    clock = app.topic("clock");
    walk = app.topic("walk");
    app.subscribe(clock);
    app.registerPage(Page.at("/").name("Home").layout(() -> div("home").id("home")));
    app.registerPage(
        Page.at("/walk").subscribe(walk).layout(() -> div("waiting").id("walk-value")));
    app.layout(
        () ->
            div(
                link("Home").href(app.relativePath("/")).id("to-home"),
                link("Walk").href(app.relativePath("/walk")).id("to-walk"),
                div("no time").id("clock"),
                Pages.container()));
    return app;
  }

  @Test
  void twoTabsShowTheSameBroadcastValue() {
    walk.publish("walk-value", "children", "step 7"); // before either tab: replayed to both
    var driver = browser.driver();
    browser.open(server.url() + "walk");
    browser.waitForText("#walk-value", "step 7");
    String firstTab = driver.getWindowHandle();
    driver.switchTo().newWindow(WindowType.TAB);
    browser.open(server.url() + "walk");
    browser.waitForText("#walk-value", "step 7");

    walk.publish("walk-value", "children", "step 8");
    clock.publish("clock", "children", "12:00");

    browser.waitForText("#walk-value", "step 8");
    browser.waitForText("#clock", "12:00");
    driver.switchTo().window(firstTab);
    browser.waitForText("#walk-value", "step 8");
    browser.waitForText("#clock", "12:00");
  }

  @Test
  void aNavigationSubscribesThePageToItsNewPathsTopic() {
    browser.open(server.url());
    browser.waitForText("#home", "home");
    walk.publish("walk-value", "children", "step 9"); // the home page is not subscribed to it

    browser.click("#to-walk");
    browser.waitForText("#walk-value", "step 9"); // the replay, once the page's content is there
    walk.publish("walk-value", "children", "step 10");
    browser.waitForText("#walk-value", "step 10");

    browser.click("#to-home");
    browser.waitForText("#home", "home");
    clock.publish("clock", "children", "13:00");
    browser.waitForText("#clock", "13:00");
  }
}
