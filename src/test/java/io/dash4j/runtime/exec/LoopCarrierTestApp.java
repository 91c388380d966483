package io.dash4j.runtime.exec;

import static io.dash4j.components.Html.button;
import static io.dash4j.components.Html.div;

import io.dash4j.Dash;
import io.dash4j.DashApp;
import io.dash4j.DashApplication;
import io.dash4j.callback.Input;
import io.dash4j.callback.Output;
import io.dash4j.components.Html;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The app {@link LoopCarrierIT} runs in a JVM of its own: callbacks that say which thread runs
 * them, that block until another call opens a gate (and one that says how many wait there), that
 * compute without blocking, and that sleep past their deadline. Each is keyed by its output,
 * triggered by a button's clicks.
 */
public final class LoopCarrierTestApp implements DashApplication {
  /**
   * How long a call may run: short, so a test sees the deadline; long beside the gate's hand-off.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** How long {@code spin} computes without blocking, well over a loop's budget. */
  static final long SPIN_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private final CountDownLatch gate = new CountDownLatch(1);
  private final AtomicInteger waiting = new AtomicInteger();

  @Override
  public DashApp create() {
    var app = Dash.create(config -> config.callbackTimeout(TIMEOUT));
    app.layout(
        div(
            button().id("thread-btn"),
            div().id("thread"),
            button().id("hold-btn"),
            div().id("held"),
            button().id("waiting-btn"),
            div().id("waiting"),
            button().id("open-btn"),
            div().id("opened"),
            button().id("spin-btn"),
            div().id("spin"),
            button().id("sleep-btn"),
            div().id("sleepy")));
    app.callback(
        Output.of("thread", Html.Div.CHILDREN),
        Input.of("thread-btn", Html.Button.N_CLICKS),
        clicks -> Thread.currentThread().toString());
    app.callback(
        Output.of("held", Html.Div.CHILDREN),
        Input.of("hold-btn", Html.Button.N_CLICKS),
        clicks -> {
          // blocks where the JDK can take the virtual thread off its loop: the gate is opened by
          // another call, which the loop could never run if this one held it
          waiting.incrementAndGet();
          boolean opened = gate.await(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
          return (opened ? "released on " : "never released on ") + Thread.currentThread();
        });
    app.callback(
        Output.of("waiting", Html.Div.CHILDREN),
        Input.of("waiting-btn", Html.Button.N_CLICKS),
        clicks -> waiting.get() + " waiting at the gate");
    app.callback(
        Output.of("opened", Html.Div.CHILDREN),
        Input.of("open-btn", Html.Button.N_CLICKS),
        clicks -> {
          gate.countDown();
          return "opened";
        });
    app.callback(
        Output.of("spin", Html.Div.CHILDREN),
        Input.of("spin-btn", Html.Button.N_CLICKS),
        clicks -> {
          long until = System.nanoTime() + SPIN_NANOS;
          long spins = 0;
          while (System.nanoTime() < until) {
            spins++;
          }
          return spins + " spins on " + Thread.currentThread();
        });
    app.callback(
        Output.of("sleepy", Html.Div.CHILDREN),
        Input.of("sleep-btn", Html.Button.N_CLICKS),
        clicks -> {
          Thread.sleep(TIMEOUT.toMillis() * 12);
          return "woke";
        });
    return app;
  }
}
