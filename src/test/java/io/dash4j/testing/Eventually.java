package io.dash4j.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something another thread or process makes true, checking every few milliseconds. */
public final class Eventually {
  private Eventually() {}

  /** Whether {@code condition} held within {@code within}. */
  public static boolean holds(BooleanSupplier condition, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(5);
    }
    return true;
  }
}
