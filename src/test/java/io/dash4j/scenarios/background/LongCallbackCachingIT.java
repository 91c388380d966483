package io.dash4j.scenarios.background;

import static io.dash4j.components.Dcc.input;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static io.dash4j.components.Html.hr;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.CallbackContext;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.callback.State;
import io.dash4j.components.Dcc;
import io.dash4j.components.Html;
import io.dash4j.testing.BackgroundApps;
import io.dash4j.testing.Browser;
import io.dash4j.testing.JobStoreKind;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dash's tests/background_callback/test_basic_long_callback005.py (app5.py) and
 * test_basic_long_callback006.py (app6.py): background callbacks cache their results by their
 * argument values (the clicks left out) and a {@code cacheBy} value, so a repeated input answers at
 * once without running a job, and a changed {@code cacheBy} value runs it again.
 *
 * <p>Dash skips lcbc005 ("Timeout often"); here it runs, reliably: a job that runs holds at
 * "Progress 2/4" ({@link Gate}) until the test has seen it, so the text cannot fall between two
 * polls, and it is waited for with a recorder in the page ({@link Shown}), so it cannot fall
 * between two looks at the DOM either; the steps themselves can then be short.
 */
class LongCallbackCachingIT {
  /** Dash's {@code app._cache_key}: what the apps' {@code cacheBy} returns. */
  static final AtomicInteger cacheKey = new AtomicInteger();

  /** Jobs that ran, so a cache hit is seen to run none. */
  static final AtomicInteger jobsRun = new AtomicInteger();

  static final Duration STEP = Duration.ofMillis(100);
  static final Duration INTERVAL = Duration.ofMillis(100);

  /** Holds a job at "Progress 2/4" until the test has seen it. */
  @RegisterExtension static final Gate gate = new Gate();

  @RegisterExtension
  static final BackgroundApps app5 = BackgroundApps.of(LongCallbackCachingIT::app5);

  @RegisterExtension
  static final BackgroundApps app6 = BackgroundApps.of(LongCallbackCachingIT::app6);

  @RegisterExtension static final Browser browser = Browser.perClass();

  /** Reports "Progress i/4" for four steps, then answers for {@code value}. */
  static String fourSteps(String value) throws InterruptedException {
    jobsRun.incrementAndGet();
    for (int i = 0; i < 4; i++) {
      CallbackContext.current().setProgress("Progress " + i + "/4");
      if (i == 2) {
        gate.pass();
      }
      Thread.sleep(STEP.toMillis());
    }
    return "Result for '" + value + "'";
  }

  static DashApp app5() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            input("input").value("AAA"),
            button("Run").id("run-button"),
            div("Finished").id("status"),
            div("No results").id("result")));
    app.callback(
        Output.of("result", Html.Div.CHILDREN),
        Input.of("run-button", Html.Button.N_CLICKS),
        State.of("input", Dcc.DccInput.VALUE.asString()),
        (clicks, value) -> fourSteps(value),
        options ->
            options
                .background(true)
                .progress(Output.of("status", Html.Div.CHILDREN))
                .progressDefault("Finished")
                .interval(INTERVAL)
                .cacheBy(cacheKey::get)
                .cacheArgsToIgnore(0));
    return app;
  }

  static DashApp app6() {
    var app = Dash.create(config -> config.port(0).debug(true));
    app.layout(
        div(
            input("input1").value("AAA"),
            button("Run").id("run-button1"),
            div("Finished").id("status1"),
            div("No results").id("result1"),
            hr(),
            input("input2").value("aaa"),
            button("Run").id("run-button2"),
            div("Finished").id("status2"),
            div("No results").id("result2")));
    app.callback(
        Output.of("result1", Html.Div.CHILDREN),
        Input.of("run-button1", Html.Button.N_CLICKS),
        State.of("input1", Dcc.DccInput.VALUE.asString()),
        (clicks, value) -> fourSteps(value),
        options ->
            options
                .background(true)
                .progress(Output.of("status1", Html.Div.CHILDREN))
                .progressDefault("Finished")
                .interval(INTERVAL)
                .cacheBy(cacheKey::get)
                .cacheArgsToIgnore(0));
    // Dash names the ignored argument ("button") of a dict-form callback; Java has only positions.
    app.callback(
        Output.of("result2", Html.Div.CHILDREN),
        Input.of("run-button2", Html.Button.N_CLICKS),
        State.of("input2", Dcc.DccInput.VALUE.asString()),
        (button, value) -> fourSteps(value),
        options ->
            options
                .background(true)
                .progress(Output.of("status2", Html.Div.CHILDREN))
                .progressDefault("Finished")
                .interval(INTERVAL)
                .cacheBy(cacheKey::get)
                .cacheArgsToIgnore(0)
                .preventInitialCall(true));
    return app;
  }

  /** lcbc005: a miss runs the job with progress, a hit answers at once, a new cacheBy misses. */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc005_longCallbackCaching(JobStoreKind store) throws Exception {
    cacheKey.set(0);
    jobsRun.set(0);
    gate.close();
    // Not openApp: it would wait out the initial job, whose progress this test checks.
    browser.open(app5.served(store).url());
    browser.waitForElement("#status");
    browser.recordTexts("status", "result");
    Shown.waitFor(browser, "status", "Progress 2/4");
    gate.open();
    browser.waitForText("#status", "Finished");
    browser.waitForText("#result", "Result for 'AAA'");

    miss("BBB", "Result for 'BBB'");
    hit("AAA", "Result for 'AAA'");
    hit("BBB", "Result for 'BBB'");

    browser.type("#input", "AAA");
    cacheKey.set(1);
    miss(null, "Result for 'AAA'");

    browser.waitForNoPendingCallbacks();
    assertThat(jobsRun).as("jobs run: the initial one and two misses").hasValue(3);
    browser.assertNoErrorsLogged();
  }

  /** Types {@code value} (if not null) and runs: a job shows its progress, then its result. */
  private void miss(String value, String result) {
    miss("", value, result);
  }

  private void miss(String suffix, String value, String result) {
    if (value != null) {
      browser.type("#input" + suffix, value);
    }
    int before = jobsRun.get();
    record(suffix);
    gate.close();
    browser.click("#run-button" + suffix);
    Shown.waitFor(browser, "status" + suffix, "Progress 2/4");
    gate.open();
    browser.waitForText("#status" + suffix, "Finished");
    browser.waitForText("#result" + suffix, result);
    assertThat(jobsRun).as("a cache miss runs one job").hasValue(before + 1);
  }

  /** Records every status and result of the app: app5's for suffix "", app6's else. */
  private static void record(String suffix) {
    if (suffix.isEmpty()) {
      browser.recordTexts("status", "result");
    } else {
      browser.recordTexts("status1", "result1", "status2", "result2");
    }
  }

  /** Types {@code value} and runs: the cached result shows, without a job or any progress. */
  private void hit(String value, String result) {
    hit("", value, result);
  }

  private void hit(String suffix, String value, String result) {
    browser.type("#input" + suffix, value);
    int before = jobsRun.get();
    record(suffix);
    browser.click("#run-button" + suffix);
    browser.waitForText("#status" + suffix, "Finished");
    browser.waitForText("#result" + suffix, result);
    browser.waitForNoPendingCallbacks();
    assertThat(jobsRun).as("a cache hit runs no job").hasValue(before);
    assertThat(Shown.texts(browser, "status" + suffix))
        .as("a cache hit shows no progress")
        .isEmpty();
    assertThat(Shown.texts(browser, "result" + suffix)).containsExactly(result);
  }

  /**
   * lcbc006: two cached callbacks, each with its own cache: hits and misses follow each one's
   * inputs and the cacheBy value, and one callback's runs leave the other's outputs alone.
   */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc006_longCallbackCachingMulti(JobStoreKind store) throws Exception {
    cacheKey.set(0);
    jobsRun.set(0);
    gate.close();
    browser.open(app6.served(store).url());
    browser.waitForElement("#status1");
    browser.recordTexts("status1", "result1", "status2", "result2");
    Shown.waitFor(browser, "status1", "Progress 2/4");
    gate.open();
    browser.waitForText("#status1", "Finished");
    browser.waitForText("#result1", "Result for 'AAA'");

    // preventInitialCall: the second callback has not run yet.
    browser.waitForText("#status2", "Finished");
    browser.waitForText("#result2", "No results");
    assertThat(Shown.texts(browser, "status2")).isEmpty();
    assertThat(Shown.texts(browser, "result2")).isEmpty();

    miss("2", null, "Result for 'aaa'");

    miss("1", "BBB", "Result for 'BBB'");
    browser.waitForText("#status2", "Finished");
    browser.waitForText("#result2", "Result for 'aaa'");
    assertThat(Shown.texts(browser, "status2"))
        .as("the first callback leaves the second alone")
        .isEmpty();
    assertThat(Shown.texts(browser, "result2"))
        .as("the first callback leaves the second alone")
        .isEmpty();

    hit("1", "AAA", "Result for 'AAA'");
    hit("1", "BBB", "Result for 'BBB'");

    // The first callback cached 'BBB', the second did not.
    miss("2", "BBB", "Result for 'BBB'");
    hit("2", "aaa", "Result for 'aaa'");

    browser.type("#input1", "AAA");
    cacheKey.set(1);
    miss("1", null, "Result for 'AAA'");
    miss("2", null, "Result for 'aaa'");

    browser.waitForNoPendingCallbacks();
    assertThat(jobsRun).as("jobs run: the initial one and five misses").hasValue(6);
    browser.assertNoErrorsLogged();
  }
}
