package io.dash4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Headless Chromium driving the stock Dash front end, with helpers modelled on Dash's own {@code
 * dash.testing} ({@code browser.py}, {@code wait.py}, {@code dash_page.py}). One per test class:
 * either {@code @RegisterExtension static final Browser browser = Browser.perClass();}, or {@link
 * #start()} and {@link #close()} by hand. Waits poll every 100 ms for up to 10 s and fail with an
 * {@link AssertionError}, so a timeout reads as a test failure rather than a Selenium error.
 */
public final class Browser implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  /** Debug-menu error badge, rendered only while there are errors (renderer DebugMenu.react.js). */
  public static final String DEVTOOLS_ERROR_COUNT = ".test-devtools-error-count";

  /**
   * Header of one entry in the errors popup; a click expands it (renderer FrontEndError.react.js).
   */
  public static final String DEVTOOLS_ERROR_TOGGLE = ".test-devtools-error-toggle";

  /** The error message shown in each entry header. */
  public static final String DEVTOOLS_ERROR_TITLE = ".dash-fe-error__title";

  private static final String ERRORS_BUTTON = "#dash-debug-menu__errors-button";
  private static final String ERRORS_POPUP = ".dash-error-card--container";
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  // dash.testing's redux_state_rqs: the legacy pendingCallbacks list, else every list in
  // state.callbacks but `stored` and `completed` (as the renderer's getPendingCallbacks), less
  // persistent callbacks: endless streams, which the renderer's own isLoading leaves out too. The
  // loading attribute catches components that have not re-rendered since the store settled.
  private static final String NO_PENDING_JS =
      """
      var s = window.store && window.store.getState();
      if (!s) return arguments[0];
      var rqs = s.pendingCallbacks, c = Object.assign({}, s.callbacks);
      if (!rqs) { delete c.stored; delete c.completed; rqs = [].concat.apply([], Object.values(c)); }
      rqs = rqs.filter(function (cb) { return !(cb.callback && cb.callback.persistent); });
      return rqs.length === 0 && !s.isLoading
        && !document.querySelector('#react-entry-point [data-dash-is-loading="true"]');""";

  // Null until launched: perClass() hands JUnit the object before Chromium runs.
  private WebDriver driver;
  private Path profile;
  private final List<String> consoleBuffer = new ArrayList<>();
  private final List<String> extraArguments;

  private Browser(String... extraArguments) {
    this.extraArguments = List.of(extraArguments);
  }

  /**
   * Launches headless Chromium ({@code -Ddash4j.chrome}, default /usr/bin/chromium) through
   * chromedriver ({@code -Dwebdriver.chrome.driver}, default /usr/bin/chromedriver).
   */
  public static Browser start() {
    Browser browser = new Browser();
    browser.launch();
    return browser;
  }

  /**
   * A browser for the tests of one class, to keep in a static {@code @RegisterExtension} field:
   * Chromium starts in {@code beforeAll}, so a class that is filtered out or skipped never pays for
   * it, and quits in {@code afterAll}.
   */
  public static Browser perClass() {
    return new Browser();
  }

  /** {@link #perClass()} with more Chromium switches, e.g. a proxy. */
  public static Browser perClass(String... chromiumArguments) {
    return new Browser(chromiumArguments);
  }

  /** Launches Chromium unless it already runs. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (driver == null) {
      launch();
    }
  }

  /** Same as {@link #close()}. */
  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void launch() {
    Path profile = io(() -> Files.createTempDirectory("dash4j-chrome-"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("dash4j.chrome", "/usr/bin/chromium"));
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1024",
        "--user-data-dir=" + profile);
    options.addArguments(extraArguments);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    // With an explicit executable Selenium's DriverFinder skips Selenium Manager, which would
    // otherwise try to download a chromedriver (and maybe a browser) from the network.
    String driverPath = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(driverPath).toFile())
            .usingAnyFreePort()
            .build();
    try {
      this.driver = new ChromeDriver(service, options);
      this.profile = profile;
    } catch (RuntimeException e) {
      deleteRecursively(profile);
      throw e;
    }
  }

  /**
   * Quits the driver and deletes the temporary Chromium profile. Does nothing when Chromium is not
   * running: JUnit calls {@code afterAll} even when a {@code beforeAll} failed.
   */
  @Override
  public void close() {
    if (driver == null) {
      return;
    }
    try {
      driver.quit();
    } finally {
      deleteRecursively(profile);
      driver = null;
      profile = null;
      consoleBuffer.clear();
    }
  }

  /** The underlying Selenium driver, for anything these helpers do not cover. */
  public WebDriver driver() {
    if (driver == null) {
      throw new IllegalStateException(
          "Chromium is not running: use Browser.start(), or"
              + " Browser.perClass() on a static @RegisterExtension field, from tests or @BeforeEach");
    }
    return driver;
  }

  /**
   * Navigates to {@code url}; follow with {@link #waitForPageReady()} for a Dash app, or use {@link
   * #openApp}.
   */
  public void open(String url) {
    driver().get(url);
  }

  /**
   * Loads the Dash app at {@code url} and waits until it is ready ({@link #waitForPageReady()}), as
   * dash.testing's {@code start_server} does before a test goes on.
   */
  public void openApp(String url) {
    open(url);
    waitForPageReady();
  }

  /** {@link #openApp(String)} for a served app's URL. */
  public void openApp(ServedApp app) {
    openApp(app.url());
  }

  /** Waits until an element matches {@code css} and returns it (dash: {@code wait_for_element}). */
  public WebElement waitForElement(String css) {
    return await(d -> d.findElement(By.cssSelector(css)), () -> "waiting for selector " + css);
  }

  /**
   * Waits until the element's text, or its {@code value} as for inputs, equals {@code expected}
   * (dash: {@code wait_for_text_to_equal}); the failure names the css and the last text seen.
   */
  public void waitForText(String css, String expected) {
    waitForTextMatching(css, "to equal", expected, expected::equals);
  }

  /** Like {@link #waitForText} but the text (or value) only has to contain {@code fragment}. */
  public void waitForTextContains(String css, String fragment) {
    waitForTextMatching(css, "to contain", fragment, s -> s.contains(fragment));
  }

  private void waitForTextMatching(String css, String how, String want, Predicate<String> ok) {
    String[] last = {"no element"};
    await(
        d -> {
          WebElement el = d.findElement(By.cssSelector(css));
          String text = el.getText();
          String value = el.getDomProperty("value"); // null for non-form elements
          last[0] =
              '"'
                  + text
                  + '"'
                  + (value == null || value.isEmpty() ? "" : " (value \"" + value + "\")");
          return ok.test(text) || (value != null && ok.test(value));
        },
        () -> "text of " + css + " " + how + " \"" + want + "\", last seen: " + last[0]);
  }

  /** Visible text of the first element matching {@code css}, waiting for it to exist. */
  public String text(String css) {
    return await(d -> d.findElement(By.cssSelector(css)).getText(), () -> "text of " + css);
  }

  /** Clicks the element, retrying while it is missing, stale, not interactable or covered. */
  public void click(String css) {
    await(
        d -> {
          d.findElement(By.cssSelector(css)).click();
          return true;
        },
        () -> "clicking " + css);
  }

  /**
   * Replaces an input's content with {@code text} through real key events. React ignores the DOM
   * value that {@code WebElement.clear()} sets, so the renderer would never see the change.
   */
  public void type(String css, String text) {
    clearInput(css);
    driver().findElement(By.cssSelector(css)).sendKeys(text);
  }

  /**
   * Types {@code text} into a debounced input and presses Enter, so the renderer sends exactly one
   * value (a debounced {@code dcc.Input} reports its value on Enter or blur only).
   */
  public void submit(String css, String text) {
    type(css, text);
    waitForElement(css).sendKeys(Keys.ENTER);
  }

  /** Empties an input the way a user would (click, Ctrl+A, Delete) so React fires onChange. */
  public void clearInput(String css) {
    click(css);
    driver().findElement(By.cssSelector(css)).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
  }

  /** Polls {@code cond} until it holds; on timeout fails with {@code description}. */
  public void waitUntil(String description, BooleanSupplier cond) {
    waitUntil(description, TIMEOUT, cond);
  }

  /**
   * {@link #waitUntil(String, BooleanSupplier)} for up to {@code timeout}: for what the server does
   * after a process dies (a lease to expire, a cluster to notice), slower than anything a page
   * does.
   */
  public void waitUntil(String description, Duration timeout, BooleanSupplier cond) {
    await(d -> cond.getAsBoolean(), () -> description, timeout);
  }

  /**
   * Runs {@code script} in the page ({@code return} a value; parameters are {@code arguments[i]}).
   */
  public Object javascript(String script, Object... args) {
    return ((JavascriptExecutor) driver()).executeScript(script, args);
  }

  /**
   * Waits until the app has rendered and settled: {@code #react-entry-point} no longer holds the
   * {@code ._dash-loading} placeholder, the store reports {@code appLifecycle == 'HYDRATED'} and no
   * callback is pending. dash.testing's {@code wait_for_page} only checks the entry point (which is
   * in the static HTML), so the rest comes from its {@code _wait_for_callbacks}; unlike that, a
   * missing {@code window.store} here means "not booted yet", not "settled".
   */
  public void waitForPageReady() {
    await(
        d ->
            Boolean.TRUE.equals(
                javascript(
                    """
        var root = document.getElementById('react-entry-point'), st = window.store;
        if (!root || !st || root.querySelector('._dash-loading')) return false;
        if (st.getState().appLifecycle !== 'HYDRATED') return false;"""
                        + NO_PENDING_JS,
                    false)),
        () ->
            "Dash app to render; page text: "
                + javascript("return document.body ? document.body.innerText.slice(0, 500) : ''")
                + "; console errors: "
                + peekConsoleErrors());
  }

  /**
   * Waits until the renderer has no pending callbacks (dash: {@code _wait_for_callbacks}; as there,
   * a page without {@code window.store} counts as settled). A click whose callback has not reached
   * the store yet is invisible here, so prefer waiting for the callback's visible effect.
   */
  public void waitForNoPendingCallbacks() {
    await(d -> Boolean.TRUE.equals(javascript(NO_PENDING_JS, true)), () -> "no pending callbacks");
  }

  /**
   * Number on the debug menu's error badge; 0 when there is no badge (no errors, or debug off). A
   * debug menu collapsed earlier hides the badge, and the renderer remembers that in localStorage
   * across page loads, so a collapsed menu is expanded first.
   */
  public int devToolsErrorCount() {
    driver()
        .findElements(By.cssSelector(".dash-debug-menu__toggle--collapsed"))
        .forEach(WebElement::click);
    // Read in one script call: the badge re-renders with every new error and could go stale.
    Object badge =
        javascript(
            "var b = document.querySelector(arguments[0]); return b && b.textContent;",
            DEVTOOLS_ERROR_COUNT);
    return badge == null ? 0 : Integer.parseInt(badge.toString().trim());
  }

  /**
   * Shows the errors popup and expands every entry. Renderer 3.x opens the popup by itself when an
   * error arrives but lists entries collapsed, and {@value #DEVTOOLS_ERROR_TOGGLE} is now each
   * entry's header (in Dash 2.x it was the menu button), so collapsed headers get clicked.
   */
  public void openDevToolsErrors() {
    showErrorPopup();
    String firstCollapsed =
        "return Array.from(document.querySelectorAll('"
            + DEVTOOLS_ERROR_TOGGLE
            + "')).find(function (h) { return !h.parentElement.querySelector('.error-container'); }) || null;";
    int entries = driver().findElements(By.cssSelector(DEVTOOLS_ERROR_TOGGLE)).size();
    for (int i = 0; i < entries && javascript(firstCollapsed) instanceof WebElement header; i++) {
      header.click();
      waitUntil("error entry to expand", () -> !header.equals(javascript(firstCollapsed)));
    }
  }

  /** Error titles in renderer order: front-end errors first, newest first within each kind. */
  public List<String> devToolsErrorTitles() {
    showErrorPopup();
    return strings(
        javascript(
            "return Array.from(document.querySelectorAll('"
                + ERRORS_POPUP
                + " "
                + DEVTOOLS_ERROR_TITLE
                + "')).map(function (t) { return t.textContent; });"));
  }

  /**
   * Text of each error's details, in title order, whitespace collapsed so {@code contains} checks
   * ignore line breaks. Front-end errors show {@code .dash-fe-error__info}; a backend body that is
   * a full HTML document goes into an iframe {@code srcdoc} (parsed here instead of switching into
   * the frame, which would have to wait for it to load); fragments and plain text sit directly in
   * {@code .dash-backend-error}.
   */
  public List<String> devToolsErrorBodies() {
    openDevToolsErrors();
    return strings(
        javascript(
            """
        function text(root) {  // textContent, but with a break before block elements
          root.querySelectorAll('script, style').forEach(function (n) { n.remove(); });
          root.querySelectorAll('br, p, div, pre, li, tr, td, th, h1, h2, h3, h4, h5, h6, summary')
            .forEach(function (n) { n.before(' '); });
          return root.textContent;
        }
        return Array.from(document.querySelectorAll('.dash-error-card__list .dash-error-card__content'))
          .map(function (card) {
            var parts = Array.from(card.querySelectorAll('.dash-fe-error__info'))
              .map(function (n) { return text(n.cloneNode(true)); });
            card.querySelectorAll('.dash-backend-error').forEach(function (b) {
              var f = b.querySelector('iframe');
              parts.push(text(f ? new DOMParser().parseFromString(f.getAttribute('srcdoc') || '',
                  'text/html').body : b.cloneNode(true)));
            });
            return parts.join(' ').replace(/\\s+/g, ' ').trim();
          });"""));
  }

  private void showErrorPopup() {
    if (devToolsErrorCount() > 0 && driver().findElements(By.cssSelector(ERRORS_POPUP)).isEmpty()) {
      click(ERRORS_BUTTON);
      waitForElement(ERRORS_POPUP);
    }
  }

  /**
   * SEVERE browser console messages since the previous call; the renderer also logs each devtools
   * error there. Chromedriver hands every entry out only once, hence the buffer.
   */
  public List<String> consoleErrors() {
    List<String> out = peekConsoleErrors();
    consoleBuffer.clear();
    return out;
  }

  private List<String> peekConsoleErrors() {
    driver().manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
        .forEach(e -> consoleBuffer.add(e.getMessage()));
    return new ArrayList<>(consoleBuffer);
  }

  /**
   * The current page's HTTP responses with a status of 400 or more since the page loaded or the
   * previous call, as {@code "<status> <url>"}, from the browser's own resource timing: a failed
   * callback shows here with debug off too, where the page and the dev tools show nothing.
   */
  public List<String> failedResponses() {
    return strings(
        javascript(
            """
        var since = window.__dash4jResponsesChecked || 0;
        window.__dash4jResponsesChecked = performance.now();
        return performance.getEntriesByType('resource')
          .filter(function (e) { return e.responseStatus >= 400 && e.startTime >= since; })
          .map(function (e) { return e.responseStatus + ' ' + e.name; });"""));
  }

  /**
   * Dash's {@code assert not dash_duo.get_logs()}, and what else shows an error: no SEVERE console
   * message since the previous {@link #consoleErrors()} call, no response of 400 or more since the
   * previous {@link #failedResponses()} call (debug off or on), and no error counted by the dev
   * tools (debug on).
   */
  public void assertNoErrorsLogged() {
    // one-line messages: a build's summary shows only a failure's first line
    List<String> console = consoleErrors();
    assertThat(console).withFailMessage("console errors: %s", console).isEmpty();
    List<String> failed = failedResponses();
    assertThat(failed).withFailMessage("failed responses: %s", failed).isEmpty();
    int devTools = devToolsErrorCount();
    assertThat(devTools).withFailMessage("dev tools errors: %s", devTools).isZero();
  }

  /**
   * Records, in the page, every text the elements with these ids show from now on (element gone:
   * {@code null}), to check what a page went through and not only where it ended: one
   * MutationObserver on the app's root, so an element React replaces is still followed. Only
   * changes are listed, not the texts shown when recording began. Read with {@link #recordedTexts}
   * and {@link #recordedStates}.
   */
  public void recordTexts(String... ids) {
    javascript(
        """
        var ids = arguments[0], rec = window.__dash4jTexts = {states: [], byId: {}}, last = {};
        var textOf = function (id) {
          var el = document.getElementById(id);
          return el ? el.textContent : null;
        };
        ids.forEach(function (id) { rec.byId[id] = []; last[id] = textOf(id); });
        var lastState = ids.map(textOf).join('|');
        var note = function () {  // only changes: what the elements showed when recording began is not listed
          var texts = ids.map(function (id) {
            var text = textOf(id);
            if (last[id] !== text) rec.byId[id].push(last[id] = text);
            return text;
          });
          var state = texts.join('|');
          if (lastState !== state) rec.states.push(lastState = state);
        };
        new MutationObserver(note).observe(document.getElementById('react-entry-point'),
            {subtree: true, childList: true, characterData: true});""",
        List.of(ids));
  }

  /** The texts element {@code id} showed since {@link #recordTexts}, each change once, in order. */
  public List<String> recordedTexts(String id) {
    return strings(javascript("return window.__dash4jTexts.byId[arguments[0]];", id));
  }

  /**
   * The states the recorded elements went through together since {@link #recordTexts}: their texts
   * joined with {@code |} in the order the ids were given, one entry per change.
   */
  public List<String> recordedStates() {
    return strings(javascript("return window.__dash4jTexts.states;"));
  }

  /**
   * dash.testing's {@code select_dcc_dropdown(selector, value)} for dcc 4's dropdown: opens the
   * dropdown at {@code css} and clicks the option that shows {@code optionText}.
   */
  public void selectDropdownOption(String css, String optionText) {
    pickDropdownOption(
        css,
        "'" + optionText + "'",
        options ->
            options.stream()
                .filter(option -> option.getText().trim().equals(optionText))
                .findFirst()
                .orElse(null));
  }

  /**
   * {@code select_dcc_dropdown(selector, index=i)}: opens the dropdown at {@code css} and clicks
   * its i-th option.
   */
  public void selectDropdownOption(String css, int index) {
    pickDropdownOption(
        css, "#" + index, options -> options.size() > index ? options.get(index) : null);
  }

  private void pickDropdownOption(
      String css, String which, Function<List<WebElement>, WebElement> pick) {
    click(css);
    waitUntil(
        "dropdown option " + which + " of " + css,
        () -> {
          WebElement option =
              pick.apply(driver().findElements(By.cssSelector(".dash-dropdown-option")));
          if (option == null) {
            return false;
          }
          option.click();
          return true;
        });
  }

  /**
   * Clicks a node of the page's dash-cytoscape graph ({@code window.cy}) where it is drawn, as a
   * person taps it: the graph is scrolled into view, and a node's rendered position is relative to
   * the container's corner.
   */
  public void tapCytoscapeNode(String nodeId) {
    waitUntil(
        "cytoscape to draw node " + nodeId,
        () ->
            Boolean.TRUE.equals(
                javascript(
                    "return !!window.cy && window.cy.$id(arguments[0]).length === 1;", nodeId)));
    var at =
        (List<?>)
            javascript(
                """
        window.cy.container().scrollIntoView({block: 'center'});
        var box = window.cy.container().getBoundingClientRect();
        var p = window.cy.$id(arguments[0]).renderedPosition();
        return [Math.round(box.left + p.x), Math.round(box.top + p.y)];""",
                nodeId);
    new Actions(driver())
        .moveToLocation(((Number) at.get(0)).intValue(), ((Number) at.get(1)).intValue())
        .click()
        .perform();
  }

  /** Saves a PNG of the viewport to {@code file}, creating parent directories; for debugging. */
  public void screenshot(Path file) {
    io(() -> Files.createDirectories(file.toAbsolutePath().getParent()));
    io(() -> Files.write(file, ((TakesScreenshot) driver()).getScreenshotAs(OutputType.BYTES)));
  }

  /** FluentWait as in dash.testing's WebDriverWait; DOM churn from React re-renders is retried. */
  private <T> T await(Function<WebDriver, T> cond, Supplier<String> what) {
    return await(cond, what, TIMEOUT);
  }

  private <T> T await(Function<WebDriver, T> cond, Supplier<String> what, Duration timeout) {
    try {
      return new FluentWait<>(driver())
          .withTimeout(timeout)
          .pollingEvery(Duration.ofMillis(100))
          .ignoreAll(
              List.of(
                  NoSuchElementException.class,
                  StaleElementReferenceException.class,
                  ElementNotInteractableException.class)) // includes ElementClickIntercepted
          .until(cond);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "timeout " + timeout.toSeconds() + "s => " + what.get() + "; " + pageState(), e);
    }
  }

  /**
   * What a failed wait reports of the page, for a failure seen once in CI: its console errors, the
   * responses of 400 or more since it loaded, and whether its socket to the server is connected
   * (the renderer id the socket door holds, else null).
   */
  private String pageState() {
    try {
      Object state =
          javascript(
              """
          return {socket: window.__dash4jRenderer || null,
            failed: performance.getEntriesByType('resource')
              .filter(function (e) { return e.responseStatus >= 400; })
              .map(function (e) { return e.responseStatus + ' ' + e.name; })};""");
      return "page: " + state + ", console errors: " + peekConsoleErrors();
    } catch (WebDriverException unreadable) {
      return "page state unreadable: " + unreadable.getClass().getSimpleName();
    }
  }

  private static List<String> strings(Object jsList) {
    return jsList instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
  }

  private interface IoCall<T> {
    T call() throws IOException;
  }

  private static <T> T io(IoCall<T> call) {
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // Best effort: a leftover profile under /tmp must not fail the test run.
    }
  }
}
