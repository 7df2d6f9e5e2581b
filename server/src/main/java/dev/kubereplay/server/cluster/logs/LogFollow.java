package dev.kubereplay.server.cluster.logs;

import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.timer.PeriodicJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running follow: a reader thread per container stream puts lines in a bounded buffer; a flush
 * on the follow's own thread sends them in batches, so a chatty pod costs a few notifications per
 * second, not one per line. Nothing here runs on the shared timer: asking the API server why the
 * streams ended happens on the last reader's thread, and a client that reads slowly holds up only
 * this follow's flush while the buffer drops its oldest lines.
 */
final class LogFollow {

  private static final Duration FLUSH_EVERY = Duration.ofMillis(200);
  private static final int MAX_BATCH = 2000;

  private final String id;
  private final KubernetesClient client;
  private final Scope scope;
  private final List<LogSource.Stream> streams;
  private final LogService.Sink sink;
  private final ScheduledExecutorService scheduler;
  private final Runnable onEnd;
  private final LogBuffer buffer = new LogBuffer();
  private final java.util.concurrent.locks.ReentrantLock flushing =
      new java.util.concurrent.locks.ReentrantLock();
  private final List<LogWatch> watches = new ArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicBoolean ended = new AtomicBoolean();
  private PeriodicJob flusher;
  private volatile String failure;
  private volatile String broken;

  LogFollow(
      String id,
      KubernetesClient client,
      Scope scope,
      List<LogSource.Stream> streams,
      LogService.Sink sink,
      ScheduledExecutorService scheduler,
      Runnable onEnd) {
    this.id = id;
    this.client = client;
    this.scope = scope;
    this.streams = streams;
    this.sink = sink;
    this.scheduler = scheduler;
    this.onEnd = onEnd;
  }

  /**
   * Starts a reader per stream; each opens its stream itself, so a slow API server blocks no one.
   */
  synchronized void start() {
    open.set(streams.size());
    for (LogSource.Stream stream : streams) {
      Thread reader = new Thread(() -> read(stream), "kubereplay-logs-" + id + "-" + stream.pod());
      reader.setDaemon(true);
      reader.start();
    }
    flusher = PeriodicJob.start(scheduler, "kubereplay-logs-" + id, FLUSH_EVERY, this::flush);
  }

  private void read(LogSource.Stream stream) {
    try {
      LogWatch watch = stream.loggable().watchLog();
      synchronized (this) {
        if (ended.get()) {
          watch.close();
          return;
        }
        watches.add(watch);
      }
      try (var in = new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8)) {
        LineReader reader = new LineReader(in);
        for (String line = reader.readLine();
            line != null && !ended.get();
            line = reader.readLine()) {
          buffer.add(new LogLine(stream.pod(), stream.container(), line));
        }
      }
    } catch (IOException e) {
      broken = firstLine(e.getMessage());
    } catch (RuntimeException e) {
      failure = "cannot read logs of pod " + stream.pod() + ": " + firstLine(e.getMessage());
    } finally {
      if (open.decrementAndGet() == 0 && !ended.get()) {
        // the last reader's own thread: asking the API server may take its full timeout
        stop(endReason());
      }
    }
  }

  private static String firstLine(String message) {
    return message == null ? "failed" : message.strip().lines().findFirst().orElse("failed");
  }

  /** Why the streams ended by themselves: the pods are gone, or their containers stopped. */
  private String endReason() {
    if (failure != null) {
      return failure;
    }
    List<String> gone = new ArrayList<>();
    for (LogSource.Stream stream : streams) {
      try {
        if (client.pods().inNamespace(scope.namespace()).withName(stream.pod()).get() == null) {
          gone.add(scope.namespace() + "/" + stream.pod());
        }
      } catch (RuntimeException e) {
        return "log stream ended; the API server could not be asked why: " + e.getMessage();
      }
    }
    if (!gone.isEmpty()) {
      return (gone.size() == 1 ? "pod " : "pods ")
          + String.join(", ", gone)
          + (gone.size() == 1 ? " was" : " were")
          + " deleted";
    }
    if (broken != null) {
      return "log stream broke: " + broken;
    }
    return "log stream ended: the container stopped";
  }

  private void flush() {
    flushing.lock();
    try {
      drain();
    } finally {
      flushing.unlock();
    }
  }

  /** A batch at a time: while the client takes one, the buffer alone holds the rest. */
  private void drain() {
    List<LogLine> batch;
    do {
      batch = buffer.drain(MAX_BATCH);
      if (!batch.isEmpty()) {
        sink.append(id, batch);
      }
    } while (batch.size() >= MAX_BATCH);
  }

  /**
   * The last flush when the follow stops, unless a flush is stuck on a client that stopped reading:
   * stopping never waits on a stuck client.
   */
  private void flushUnlessStuck() {
    boolean locked = false;
    try {
      locked = flushing.tryLock(1, java.util.concurrent.TimeUnit.SECONDS);
      if (locked) {
        drain();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (locked) {
        flushing.unlock();
      }
    }
  }

  void stop(String reason) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (flusher != null) {
        flusher.close();
      }
      watches.forEach(LogWatch::close);
    }
    flushUnlessStuck();
    onEnd.run();
    sink.end(id, reason);
  }
}
