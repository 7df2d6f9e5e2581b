package dev.kubereplay.server.cluster.logs;

import dev.kubereplay.protocol.logs.LogLineDto;
import dev.kubereplay.server.cluster.Scope;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One running follow: a reader thread per container stream puts lines in a queue; a timer sends
 * them in batches, so a chatty pod costs a few notifications per second, not one per line.
 */
final class LogFollow {

  private static final long FLUSH_MILLIS = 200;
  private static final int MAX_BATCH = 2000;

  private final String id;
  private final KubernetesClient client;
  private final Scope scope;
  private final List<LogSource.Stream> streams;
  private final LogService.Sink sink;
  private final ScheduledExecutorService scheduler;
  private final Runnable onEnd;
  private final ConcurrentLinkedQueue<LogLineDto> queue = new ConcurrentLinkedQueue<>();
  private final List<LogWatch> watches = new ArrayList<>();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicBoolean ended = new AtomicBoolean();
  private ScheduledFuture<?> flusher;
  private volatile String failure;

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
    flusher =
        scheduler.scheduleWithFixedDelay(
            this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
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
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine();
            line != null && !ended.get();
            line = reader.readLine()) {
          queue.add(new LogLineDto(stream.pod(), stream.container(), line));
        }
      }
    } catch (IOException e) {
      // the stream broke: the end reason below tells whether the pod went away
    } catch (RuntimeException e) {
      failure = "cannot read logs of pod " + stream.pod() + ": " + firstLine(e.getMessage());
    } finally {
      if (open.decrementAndGet() == 0 && !ended.get()) {
        scheduler.execute(() -> stop(endReason()));
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
    return "log stream ended: the container stopped";
  }

  private void flush() {
    List<LogLineDto> batch = new ArrayList<>();
    for (LogLineDto line = queue.poll(); line != null; line = queue.poll()) {
      batch.add(line);
      if (batch.size() == MAX_BATCH) {
        sink.append(id, batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      sink.append(id, batch);
    }
  }

  void stop(String reason) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    synchronized (this) {
      if (flusher != null) {
        flusher.cancel(false);
      }
      watches.forEach(LogWatch::close);
    }
    flush();
    onEnd.run();
    sink.end(id, reason);
  }
}
