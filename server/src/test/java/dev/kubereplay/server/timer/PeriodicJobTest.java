package dev.kubereplay.server.timer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicJobTest {

  @Test
  void a_job_that_blocks_does_not_hold_up_another_job_of_the_same_timer() throws Exception {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch never = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(1);
    CountDownLatch otherRuns = new CountDownLatch(5);
    try (PeriodicJob stuck =
            PeriodicJob.start(
                timer,
                "stuck",
                Duration.ofMillis(10),
                () -> {
                  blocked.countDown();
                  await(never);
                });
        PeriodicJob other =
            PeriodicJob.start(timer, "other", Duration.ofMillis(10), otherRuns::countDown)) {
      assertThat(blocked.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(otherRuns.await(30, TimeUnit.SECONDS))
          .as("the other job keeps running while the first one hangs")
          .isTrue();
    } finally {
      never.countDown();
      timer.shutdownNow();
    }
  }

  @Test
  void ticks_that_come_while_a_run_hangs_are_skipped_not_queued() throws Exception {
    ManualTimer timer = new ManualTimer();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    try (PeriodicJob job =
        PeriodicJob.start(
            timer,
            "hangs",
            Duration.ofMillis(10),
            () -> {
              runs.incrementAndGet();
              started.countDown();
              await(release);
            })) {
      timer.tick();
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 50; i++) {
        timer.tick();
      }
      release.countDown();
      Thread.sleep(300); // queued runs, if any, would follow at once
      assertThat(runs).as("one run for 51 ticks that came while it hung").hasValue(1);

      timer.tick();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (runs.get() < 2 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(runs).as("once free, it runs at the next tick").hasValue(2);
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void a_run_that_throws_does_not_end_the_job() throws Exception {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch runs = new CountDownLatch(3);
    try (PeriodicJob job =
        PeriodicJob.start(
            timer,
            "throws",
            Duration.ofMillis(10),
            () -> {
              runs.countDown();
              throw new IllegalStateException("boom");
            })) {
      assertThat(runs.await(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      timer.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A timer whose periodic task the test fires by hand. */
  private static final class ManualTimer extends ScheduledThreadPoolExecutor {
    private volatile Runnable task;

    ManualTimer() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(
        Runnable command, long initialDelay, long delay, TimeUnit unit) {
      task = command;
      return schedule(() -> {}, 1, TimeUnit.DAYS);
    }

    void tick() {
      task.run();
    }
  }
}
