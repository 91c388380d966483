package io.dash4j.browser;

import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.figure.Figure;
import io.dash4j.figure.Scatter;
import io.dash4j.testing.Browser;
import io.dash4j.testing.ServedApp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * Every component of dash-core-components 4.5.0 in one app, built with the generated typed setters
 * and served in debug mode: the renderer's dev bundle checks each prop against the component's
 * propTypes, and the dev tools would show any complaint (for the TypeScript components only once
 * the page loads dcc/proptypes.js: see the disabled test). The interactive and non-visual
 * components are driven through callbacks as a person would.
 */
class DccComponentsBrowserIT {
  /**
   * Every component dash-core-components 4.5.0 exports; the layout below holds each at least once.
   */
  private static final List<String> DCC_COMPONENTS =
      List.of(
          "Button",
          "Checklist",
          "Clipboard",
          "ConfirmDialog",
          "ConfirmDialogProvider",
          "DatePickerRange",
          "DatePickerSingle",
          "Download",
          "Dropdown",
          "Geolocation",
          "Graph",
          "Input",
          "Interval",
          "Link",
          "Loading",
          "Location",
          "Markdown",
          "RadioItems",
          "RangeSlider",
          "Slider",
          "Store",
          "Tab",
          "Tabs",
          "Textarea",
          "Tooltip",
          "Upload");

  @RegisterExtension static final ServedApp server = ServedApp.of(DccComponentsBrowserIT::app);
  @RegisterExtension static final Browser browser = Browser.perClass();

  @BeforeEach
  void openApp() {
    browser.consoleErrors(); // drop what the previous test's page logged
    browser.openApp(server);
  }

  private static List<Map<String, Object>> options(String... labelValuePairs) {
    var out = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < labelValuePairs.length; i += 2) {
      out.add(Map.of("label", labelValuePairs[i], "value", labelValuePairs[i + 1]));
    }
    return out;
  }

  private static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true).title("dcc components"));
    app.layout(
        div(
            Dcc.location("url").refresh(false),
            div().id("url-out"),
            Dcc.dccButton("Count")
                .id("button")
                .className("primary")
                .title("Counts clicks")
                .nClicks(0),
            div().id("button-out"),
            Dcc.checklist("checklist")
                .options(options("Apples", "apples", "Pears", "pears", "Plums", "plums"))
                .value(List.of("apples"))
                .inline(true)
                .labelClassName("fruit"),
            div().id("checklist-out"),
            Dcc.clipboard().id("clipboard").content("copied from dash4j").title("Copy this text"),
            Dcc.confirmDialog("confirm").message("Are you sure?").displayed(false),
            Dcc.confirmDialogProvider(Html.button("Delete everything").id("danger"))
                .id("confirm-provider")
                .message("Really delete everything?"),
            Dcc.datePickerRange("date-range")
                .startDate("2024-01-01")
                .endDate("2024-01-31")
                .minDateAllowed("2023-01-01")
                .maxDateAllowed("2025-12-31")
                .displayFormat("YYYY-MM-DD")
                .startDatePlaceholderText("Start")
                .endDatePlaceholderText("End")
                .firstDayOfWeek(1),
            Dcc.datePickerSingle("date-single")
                .date("2024-03-15")
                .placeholder("Pick a day")
                .clearable(true)
                .displayFormat("YYYY-MM-DD"),
            Dcc.download("download"),
            Dcc.dropdown("dropdown")
                .options(options("New York City", "NYC", "Montréal", "MTL", "San Francisco", "SF"))
                .value("MTL")
                .clearable(false)
                .searchable(true)
                .placeholder("Choose a city"),
            div().id("dropdown-out"),
            Dcc.geolocation("geolocation")
                .highAccuracy(false)
                .showAlert(false)
                .maximumAge(0)
                .timeout(1000),
            Dcc.graph("graph")
                .figure(
                    Figure.of(
                            Scatter.lines(List.of(1, 2, 3, 4), List.of(10, 15, 13, 17))
                                .name("trend"))
                        .title("A line")
                        .height(300))
                .config(Map.of("displayModeBar", false, "responsive", true))
                .style(Map.of("height", "300px")),
            Dcc.input("text-input")
                .type(Dcc.DccInput.Type.TEXT)
                .value("Ada")
                .placeholder("Your name")
                .debounce(true)
                .maxLength(40),
            Dcc.interval("interval").interval(200).maxIntervals(3).nIntervals(0),
            div().id("interval-out"),
            Dcc.link("Go to page two").id("link").href("/page-two").title("A client-side link"),
            Dcc.loading(div("Loaded content").id("loading-child"))
                .id("loading")
                .type(Dcc.Loading.Type.CIRCLE)
                .color("#119DFF"),
            Dcc.markdown("Some **bold** text and a [link](https://dash.plotly.com).")
                .id("markdown")
                .linkTarget("_blank"),
            Dcc.radioItems("radio")
                .options(options("Small", "s", "Medium", "m", "Large", "l"))
                .value("m")
                .inline(true),
            div().id("radio-out"),
            Dcc.rangeSlider("range-slider")
                .min(0)
                .max(100)
                .step(5)
                .value(List.of(20, 80))
                .marks(Map.of("0", "0", "50", "50", "100", "100"))
                .allowCross(false),
            Dcc.slider("slider")
                .min(0)
                .max(10)
                .step(1)
                .value(3)
                .marks(Map.of("0", "zero", "5", "five", "10", "ten"))
                .tooltip(Map.of("always_visible", true, "placement", "bottom")),
            Dcc.store("store")
                .storageType(Dcc.Store.StorageType.MEMORY)
                .data(Map.of("user", "Ada", "visits", 3)),
            Html.button("Visit again").id("visit"),
            div().id("store-out"),
            Dcc.tabs(
                    Dcc.tab(div("Alpha content").id("alpha-content")).label("Alpha").value("alpha"),
                    Dcc.tab(div("Beta content").id("beta-content")).label("Beta").value("beta"))
                .id("tabs")
                .value("alpha")
                .parentStyle(Map.of("maxWidth", "400px")),
            div().id("tabs-out"),
            Dcc.textarea("textarea")
                .value("Line one\nLine two")
                .rows(3)
                .cols(40)
                .placeholder("Write something"),
            div(
                    div("hover target").id("tooltip-target"),
                    Dcc.tooltip(div("Tooltip text").id("tooltip-text"))
                        .id("tooltip")
                        .show(true)
                        .bbox(Map.of("x0", 0, "y0", 0, "x1", 120, "y1", 20))
                        .direction(Dcc.Tooltip.Direction.BOTTOM)
                        .backgroundColor("white")
                        .borderColor("#888"))
                .style(Map.of("position", "relative", "height", "80px")),
            Dcc.upload(div("Drag and drop or ", Html.a("select files")))
                .id("upload")
                .multiple(true)
                .accept(".csv,.txt")
                .maxSize(1_000_000)
                .style(
                    Map.of(
                        "width",
                        "300px",
                        "height",
                        "60px",
                        "lineHeight",
                        "60px",
                        "borderWidth",
                        "1px",
                        "borderStyle",
                        "dashed",
                        "textAlign",
                        "center"))));

    app.callback(
        Output.of("url-out", Html.CHILDREN),
        Input.of("url", Dcc.Location.PATHNAME),
        path -> "Path: " + path);
    app.callback(
        Output.of("button-out", Html.CHILDREN),
        Input.of("button", Dcc.DccButton.N_CLICKS),
        clicks -> "Clicked " + clicks + " times");
    app.callback(
        Output.of("checklist-out", Html.CHILDREN),
        Input.of("checklist", Dcc.Checklist.VALUE),
        values ->
            "Fruits: " + values.stream().map(String::valueOf).collect(Collectors.joining(", ")));
    app.callback(
        Output.of("dropdown-out", Html.CHILDREN),
        Input.of("dropdown", Dcc.Dropdown.VALUE),
        city -> "City: " + city);
    app.callback(
        Output.of("interval-out", Html.CHILDREN),
        Input.of("interval", Dcc.Interval.N_INTERVALS),
        n -> "Ticks: " + n);
    app.callback(
        Output.of("radio-out", Html.CHILDREN),
        Input.of("radio", Dcc.RadioItems.VALUE),
        size -> "Size: " + size);
    // the store is both read (as an Input, to show it) and updated (State in, data out) by
    // callbacks
    app.callback(
        Output.of("store-out", Html.CHILDREN),
        Input.of("store", Dcc.Store.DATA),
        data -> {
          var map = (Map<?, ?>) data;
          return map.get("user") + " visited " + map.get("visits") + " times";
        });
    app.callback(
        Output.of("store", Dcc.Store.DATA),
        Input.of("visit", Html.N_CLICKS),
        State.of("store", Dcc.Store.DATA),
        (clicks, data) -> {
          var map = (Map<?, ?>) data;
          return Map.of(
              "user", map.get("user"), "visits", ((Number) map.get("visits")).intValue() + 1);
        },
        options -> options.preventInitialCall(true));
    app.callback(
        Output.of("tabs-out", Html.CHILDREN),
        Input.of("tabs", Dcc.Tabs.VALUE),
        tab -> "Tab: " + tab);
    return app;
  }

  @Test
  void everyComponentRendersWithoutADevToolsErrorOrConsoleError() throws InterruptedException {
    // the renderer received a layout holding every dcc component type
    Object types =
        browser.javascript(
            """
        var seen = {};
        (function walk(node) {
          if (Array.isArray(node)) { node.forEach(walk); return; }
          if (!node || typeof node !== 'object') return;
          if (node.namespace === 'dash_core_components') seen[node.type] = true;
          Object.values(node).forEach(walk);
        })(window.store.getState().layout);
        return Object.keys(seen).sort();""");
    assertThat(types).isEqualTo(DCC_COMPONENTS);
    browser.waitForText("#interval-out", "Ticks: 3");
    browser.waitForNoPendingCallbacks();
    Thread.sleep(
        1000); // settle: late prop-type warnings and async chunks report after the first paint
    int errors = browser.devToolsErrorCount();
    assertThat(errors)
        .as(
            () ->
                "dev tools errors: "
                    + browser.devToolsErrorTitles()
                    + " "
                    + browser.devToolsErrorBodies())
        .isZero();
    List<String> console =
        browser.consoleErrors().stream()
            .filter(Predicate.not(DccComponentsBrowserIT::environmental))
            .filter(Predicate.not(DccComponentsBrowserIT::knownUpstreamWarning))
            .toList();
    assertThat(console).isEmpty();
  }

  /**
   * The dev tools can only flag a bad prop on a component that carries propTypes. The components
   * written in TypeScript (Button, Checklist, Dropdown, Input, Slider, Tabs, ...) get theirs from
   * the package's dev-only {@code dcc/proptypes.js}, which Dash adds to the page in debug mode
   * after the dcc bundle; without it those components are not checked at all and the test above
   * proves nothing for them.
   */
  @Test
  void everyDccComponentCarriesThePropTypesTheDevToolsCheck() {
    @SuppressWarnings("unchecked")
    var unchecked =
        (List<String>)
            browser.javascript(
                """
        var pk = window.dash_core_components;
        return arguments[0].filter(function (name) {
          var pt = pk[name] && pk[name].propTypes;
          return !pt || Object.keys(pt).length === 0;
        });""",
                DCC_COMPONENTS);
    assertThat(unchecked).isEmpty();
  }

  /**
   * Console noise from the machine rather than from the app: a missing favicon, and Chromium's
   * network location provider, which the Geolocation component's position request wakes and which
   * cannot reach googleapis.com offline.
   */
  private static boolean environmental(String message) {
    return message.contains("favicon.ico") || message.contains("Network location provider at");
  }

  /**
   * React 18.3's development build warns (through console.error) that the Clipboard's copy icon,
   * react-fontawesome's FontAwesomeIcon bundled inside dash-core-components 4.5.0, is a function
   * component with defaultProps. It comes from the package itself, whoever serves it, and changes
   * nothing on the page.
   */
  private static boolean knownUpstreamWarning(String message) {
    return message.contains("Support for defaultProps will be removed from function components")
        && message.contains("FontAwesomeIcon");
  }

  @Test
  void everyVisibleComponentIsInThePage() {
    browser.waitForText("#button", "Count");
    assertThat(browser.waitForElement("#button").getTagName()).isEqualTo("button");
    assertThat(count("#checklist input[type='checkbox']")).isEqualTo(3);
    assertThat(browser.text("#checklist")).contains("Apples", "Pears", "Plums");
    browser.waitForElement("#clipboard svg");
    assertThat(browser.waitForElement("#clipboard").getAttribute("title"))
        .isEqualTo("Copy this text");
    browser.waitForText("#danger", "Delete everything");
    assertThat(browser.waitForElement("#date-range").getDomProperty("value"))
        .isEqualTo("2024-01-01");
    assertThat(count(".dash-datepicker-input"))
        .isEqualTo(3); // start and end of the range, the single date
    assertThat(browser.waitForElement("#date-single").getDomProperty("value"))
        .isEqualTo("2024-03-15");
    browser.waitForText("#dropdown .dash-dropdown-value", "Montréal");
    browser.waitForElement("#graph .main-svg");
    browser.waitForText("#graph .gtitle", "A line");
    assertThat(browser.waitForElement("#text-input").getDomProperty("value")).isEqualTo("Ada");
    assertThat(browser.waitForElement("#link").getAttribute("href")).endsWith("/page-two");
    browser.waitForText("#loading-child", "Loaded content");
    browser.waitForText("#markdown strong", "bold");
    assertThat(browser.waitForElement("#markdown a").getAttribute("target")).isEqualTo("_blank");
    assertThat(count("#radio input[type='radio']")).isEqualTo(3);
    assertThat(count("#range-slider [role='slider']")).isEqualTo(2);
    assertThat(browser.waitForElement("#slider [role='slider']").getAttribute("aria-valuenow"))
        .isEqualTo("3");
    browser.waitForText("#tabs .tab--selected", "Alpha");
    assertThat(browser.text("#tabs")).contains("Alpha", "Beta");
    browser.waitForText("#alpha-content", "Alpha content");
    assertThat(browser.waitForElement("#textarea").getDomProperty("value"))
        .isEqualTo("Line one\nLine two");
    browser.waitForText("#tooltip-text", "Tooltip text");
    browser.waitForTextContains("#upload", "Drag and drop or select files");
    browser.waitForElement("#upload input[type='file']");
  }

  @Test
  void theNonVisualComponentsFeedCallbacks() {
    browser.waitForText("#url-out", "Path: /");
    browser.waitForText("#interval-out", "Ticks: 3");
    browser.waitForText("#store-out", "Ada visited 3 times");
    browser.click("#visit");
    browser.waitForText("#store-out", "Ada visited 4 times");
    browser.click("#visit");
    browser.waitForText("#store-out", "Ada visited 5 times");
  }

  @Test
  void aLinkChangesTheLocationWithoutReloadingThePage() {
    browser.waitForText("#url-out", "Path: /");
    browser.javascript("window.__sameDocument = true;");
    browser.click("#link");
    browser.waitForText("#url-out", "Path: /page-two");
    assertThat(browser.javascript("return window.__sameDocument === true;")).isEqualTo(true);
  }

  @Test
  void theButtonCountsClicks() {
    browser.waitForText("#button-out", "Clicked 0 times");
    browser.click("#button");
    browser.click("#button");
    browser.click("#button");
    browser.waitForText("#button-out", "Clicked 3 times");
  }

  @Test
  void pickingADropdownOptionFeedsACallback() {
    browser.waitForText("#dropdown-out", "City: MTL");
    browser.selectDropdownOption("#dropdown", "San Francisco");
    browser.waitForText("#dropdown-out", "City: SF");
    browser.waitForText("#dropdown .dash-dropdown-value", "San Francisco");
  }

  @Test
  void tickingChecklistBoxesFeedsACallback() {
    browser.waitForText("#checklist-out", "Fruits: apples");
    browser.click("#checklist label[data-option-index='2']");
    browser.waitForText("#checklist-out", "Fruits: apples, plums");
    browser.click("#checklist label[data-option-index='0']");
    browser.waitForText("#checklist-out", "Fruits: plums");
  }

  @Test
  void choosingARadioItemFeedsACallback() {
    browser.waitForText("#radio-out", "Size: m");
    browser.click("#radio label[data-option-index='2']");
    browser.waitForText("#radio-out", "Size: l");
  }

  @Test
  void switchingTabsShowsTheOtherTabsContent() {
    browser.waitForText("#tabs-out", "Tab: alpha");
    browser.waitForText("#alpha-content", "Alpha content");
    browser.click("#tabs .tab:nth-child(2)");
    browser.waitForText("#tabs-out", "Tab: beta");
    browser.waitForText("#beta-content", "Beta content");
    assertThat(count("#alpha-content")).isZero();
    browser.waitForText("#tabs .tab--selected", "Beta");
  }

  private static int count(String css) {
    return browser.driver().findElements(By.cssSelector(css)).size();
  }
}
