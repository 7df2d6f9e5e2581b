package dev.kubereplay.server.replay.generator;

import dev.kubereplay.server.traffic.model.StoredPair;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When the n-th request may start: after the rate's interval since the one before, at its recorded
 * offset (scaled) when timing is recorded, and never after the run's duration or count.
 */
final class Pacing {

  private final ReplayPlan plan;
  private final long[] offsetsNanos;
  private final long cycleNanos;
  private final long intervalNanos;
  private long startNanos;
  private long nextPermitNanos;

  Pacing(ReplayPlan plan, List<StoredPair> pairs) {
    this.plan = plan;
    this.offsetsNanos = new long[pairs.size()];
    Instant first = pairs.get(0).pair().timestamp();
    long last = 0;
    for (int i = 0; i < pairs.size(); i++) {
      Instant at = pairs.get(i).pair().timestamp();
      long offset =
          first == null || at == null ? 0 : java.time.Duration.between(first, at).toNanos();
      // timing none: every request may start at once; else at its recorded offset, scaled
      offsetsNanos[i] =
          plan.timing().speed() == 0 ? 0 : Math.max(0, Math.round(offset / plan.timing().speed()));
      last = Math.max(last, offsetsNanos[i]);
    }
    this.cycleNanos = last + TimeUnit.MILLISECONDS.toNanos(1);
    this.intervalNanos =
        plan.ratePerSecond() == 0 ? 0 : Math.round(1_000_000_000L / plan.ratePerSecond());
  }

  void start() {
    startNanos = System.nanoTime();
    nextPermitNanos = startNanos;
  }

  /** Whether the n-th request is past what the plan asks for. */
  boolean done(long index) {
    if (plan.duration() == null) {
      return index >= (long) plan.times() * offsetsNanos.length;
    }
    return System.nanoTime() - startNanos >= plan.duration().toNanos();
  }

  /** Waits until the n-th request may start, or returns at once when stopped. */
  void await(long index, AtomicBoolean stopped) throws InterruptedException {
    long at = startNanos;
    if (plan.timing().speed() > 0) {
      long cycle = index / offsetsNanos.length;
      at += cycle * cycleNanos + offsetsNanos[(int) (index % offsetsNanos.length)];
    }
    if (intervalNanos > 0) {
      synchronized (this) {
        nextPermitNanos = Math.max(nextPermitNanos, at);
        at = nextPermitNanos;
        nextPermitNanos += intervalNanos;
      }
    }
    long deadline =
        plan.duration() == null ? Long.MAX_VALUE : startNanos + plan.duration().toNanos();
    while (!stopped.get()) {
      long wait = Math.min(at, deadline) - System.nanoTime();
      if (wait <= 0) {
        return;
      }
      TimeUnit.NANOSECONDS.sleep(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
    }
  }
}
