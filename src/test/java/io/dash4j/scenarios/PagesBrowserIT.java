package io.dash4j.scenarios;

import static io.dash4j.components.Dcc.link;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.h1;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A multi-page app as Dash pages builds one (tests/integration/multi_page/): a registry, links
 * built from it, per-page layouts and titles, path variables, query parameters, a page's own
 * callbacks, the 404 page, and an app under a prefix.
 */
class PagesBrowserIT {
  @RegisterExtension static final ServedApp server = ServedApp.of(() -> app("/"));

  @RegisterExtension static final ServedApp prefixed = ServedApp.of(() -> app("/app/"));

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app(String prefix) {
    var app = Dash.create(config -> config.port(0).prefix(prefix).title("Pages"));
    app.registerPage(Page.at("/").name("Home").layout(() -> div(h1("Home page"))));
    app.registerPage(
        Page.at("/analytics")
            .title("Analytics title")
            .layout(
                () ->
                    div(h1("Analytics"), Dcc.input("city").value("Paris"), div().id("city-out"))));
    app.registerPage(
        Page.at("/report/<report_id>")
            .name("Report")
            .layout(
                params ->
                    div(
                        h1("Report " + params.get("report_id")),
                        div("year " + params.get("year")).id("year"))));
    app.layout(
        () ->
            div(
                div(app.pageRegistry().stream()
                        .filter(p -> !p.isTemplate())
                        .map(
                            p ->
                                link(p.name())
                                    .href(app.relativePath(p.path()))
                                    .id("link-" + p.name().toLowerCase()))
                        .toArray())
                    .id("nav"),
                Pages.container()));
    // a page's own callback, on components that exist only while the page shows
    app.config().suppressCallbackExceptions(true);
    app.callback(
        Output.of("city-out", Html.Div.CHILDREN),
        Input.of("city", Dcc.DccInput.VALUE.asString()),
        city -> "City: " + city);
    return app;
  }

  @Test
  void linksNavigateBetweenPagesWithTheirTitlesAndCallbacks() {
    browser.openApp(server);
    browser.waitForText("#_pages_content h1", "Home page");
    browser.waitUntil(
        "the title is the home page's", () -> browser.driver().getTitle().equals("Home"));

    browser.click("#link-analytics");
    browser.waitForText("#_pages_content h1", "Analytics");
    browser.waitForText("#city-out", "City: Paris");
    browser.waitUntil(
        "the title follows the page", () -> browser.driver().getTitle().equals("Analytics title"));
    assertThat(browser.driver().getCurrentUrl()).endsWith("/analytics");
    browser.type("#city", "Lyon");
    browser.waitForText("#city-out", "City: Lyon");

    browser.click("#link-home");
    browser.waitForText("#_pages_content h1", "Home page");
  }

  @Test
  void aPathTemplateGetsItsVariablesAndTheQueryParameters() {
    browser.openApp(server.url() + "report/42?year=2025");
    browser.waitForText("#_pages_content h1", "Report 42");
    browser.waitForText("#year", "year 2025");
  }

  @Test
  void anUnknownPathShowsThe404Page() {
    browser.openApp(server.url() + "no/such/page");
    browser.waitForText("#_pages_content h1", "404 - Page not found");
  }

  @Test
  void pagesWorkUnderAPrefix() {
    browser.openApp(prefixed);
    browser.waitForText("#_pages_content h1", "Home page");
    browser.click("#link-analytics");
    browser.waitForText("#_pages_content h1", "Analytics");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/app/analytics");
  }
}
