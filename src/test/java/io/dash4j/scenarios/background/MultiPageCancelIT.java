package io.dash4j.scenarios.background;

import static io.dash4j.components.Dcc.link;
import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;
import static org.assertj.core.api.Assertions.assertThat;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import io.dash4j.pages.Page;
import io.dash4j.pages.Pages;
import io.dash4j.testing.BackgroundApps;
import io.dash4j.testing.Browser;
import io.dash4j.testing.JobStoreKind;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dash's tests/background_callback/test_basic_long_callback016.py (app_page_cancel.py): a
 * multi-page app whose two pages each have a background callback cancelled by a page's own Cancel
 * or by a Cancel shared in the app shell. While the test holds {@link #LOCK} a job cannot finish
 * (Dash's {@code app.test_lock}), so it is still running when the Cancel is clicked.
 */
class MultiPageCancelIT {
  /** Held by the test while it cancels; a job waits for it before it returns. */
  static final ReentrantLock LOCK = new ReentrantLock();

  /** Jobs that got past {@link #LOCK}: a cancelled job must not. */
  static final AtomicInteger passedLock = new AtomicInteger();

  @RegisterExtension static final BackgroundApps apps = BackgroundApps.of(MultiPageCancelIT::app);

  @RegisterExtension static final Browser browser = Browser.perClass();

  static DashApp app() {
    var app = Dash.create(config -> config.port(0).debug(true));
    // the pages' callbacks are on components that exist only while their page shows
    app.config().suppressCallbackExceptions(true);
    app.layout(
        div(
            link("page1").href("/"),
            link("page2").href("/2"),
            button("Cancel").id("shared_cancel"),
            Pages.container()));
    app.registerPage(
        Page.at("/")
            .name("one")
            .layout(
                () ->
                    div(
                        button("start").id("start1"),
                        button("cancel1").id("cancel1"),
                        div("idle").id("progress1"),
                        div("initial").id("output1"),
                        div("no-cancel-btn").id("no-cancel-btn"),
                        div("no-cancel").id("no-cancel-output"))));
    app.registerPage(
        Page.at("/2")
            .name("two")
            .layout(
                () ->
                    div(
                        button("start2").id("start2"),
                        button("cancel2").id("cancel2"),
                        div("idle").id("progress2"),
                        div("initial").id("output2"))));
    app.callback(
        Output.of("no-cancel-output", Html.Div.CHILDREN),
        Input.of("no-cancel-btn", Html.Div.N_CLICKS),
        clicks -> "Not Canceled",
        options -> options.background(true).preventInitialCall(true));
    for (int page = 1; page <= 2; page++) {
      register(app, page);
    }
    return app;
  }

  private static void register(DashApp app, int page) {
    app.callback(
        Output.of("output" + page, Html.Div.CHILDREN),
        Input.of("start" + page, Html.Button.N_CLICKS),
        clicks -> {
          LOCK.lockInterruptibly(); // a cancel interrupts the wait
          LOCK.unlock();
          passedLock.incrementAndGet();
          return "Click " + clicks;
        },
        options ->
            options
                .background(true)
                .running(Output.of("progress" + page, Html.Div.CHILDREN), "running", "idle")
                .cancel(
                    Input.of("cancel" + page, Html.Button.N_CLICKS),
                    Input.of("shared_cancel", Html.Button.N_CLICKS))
                .interval(Duration.ofMillis(300))
                .preventInitialCall(true));
  }

  /** Starts the page's job, cancels it with {@code cancel} while the job waits, then lets go. */
  private static void startAndCancel(int page, String cancel) {
    LOCK.lock();
    try {
      browser.click("#start" + page);
      browser.waitForText("#progress" + page, "running");
      browser.click(cancel);
      browser.waitForText("#progress" + page, "idle");
    } finally {
      LOCK.unlock();
    }
    // a job the cancel missed would now return "Click n" and its poll show it
    browser.waitForNoPendingCallbacks();
    browser.waitForText("#output" + page, "initial");
  }

  /**
   * lcbc016: on page 1, then on page 2 (loaded at /2), the shared Cancel and the page's own Cancel
   * each stop a running job and the output stays "initial".
   */
  @ParameterizedTest
  @MethodSource("io.dash4j.testing.JobStoreKind#stores")
  void lcbc016_multiPageCancel(JobStoreKind store) throws Exception {
    passedLock.set(0);
    var served = apps.served(store);
    browser.openApp(served);
    startAndCancel(1, "#shared_cancel");
    startAndCancel(1, "#cancel1");

    browser.openApp(served.url() + "2");
    startAndCancel(2, "#shared_cancel");
    startAndCancel(2, "#cancel2");

    assertThat(passedLock).hasValue(0);
    browser.assertNoErrorsLogged();
  }
}
