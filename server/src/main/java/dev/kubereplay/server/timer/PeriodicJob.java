package dev.kubereplay.server.timer;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Work a shared timer starts every period and that runs on this job's own thread. The timer's
 * thread only hands the work over, so it never waits on it; while a run is still going (or
 * blocked), the ticks that come meanwhile are skipped rather than queued: a stuck job holds one
 * thread and no backlog, and runs again once it is free.
 */
public final class PeriodicJob implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PeriodicJob.class.getName());

  private final String name;
  private final Runnable work;
  private final ExecutorService thread;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final ScheduledFuture<?> ticks;

  private PeriodicJob(ScheduledExecutorService timer, String name, Duration period, Runnable work) {
    this.name = name;
    this.work = work;
    // one thread, made when first needed and kept while the job runs often
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            1,
            1,
            30,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
    executor.allowCoreThreadTimeOut(true);
    this.thread = executor;
    long millis = period.toMillis();
    this.ticks = timer.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs {@code work} every {@code period} on a daemon thread named {@code name}, fired by {@code
   * timer}, until closed. A run that throws is logged; the next one still comes.
   */
  public static PeriodicJob start(
      ScheduledExecutorService timer, String name, Duration period, Runnable work) {
    return new PeriodicJob(timer, name, period, work);
  }

  private void tick() {
    if (!pending.compareAndSet(false, true)) {
      return; // the last run has not finished: skip, do not queue
    }
    try {
      thread.execute(this::runOnce);
    } catch (RejectedExecutionException e) {
      pending.set(false); // closed meanwhile
    }
  }

  private void runOnce() {
    try {
      work.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, name + " failed; it runs again at its next tick", e);
    } finally {
      pending.set(false);
    }
  }

  /** Stops the ticks; a run under way finishes on its own thread, which then ends. */
  @Override
  public void close() {
    ticks.cancel(false);
    thread.shutdown();
  }
}
