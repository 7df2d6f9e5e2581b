package dev.kubereplay.intellij.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls until something holds: for answers that arrive on other threads. */
public final class Await {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private Await() {}

  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }

  /** Waits until {@code value} is not null and answers it. */
  public static <T> T value(String what, Supplier<T> value) {
    until(what, () -> value.get() != null);
    return value.get();
  }
}
