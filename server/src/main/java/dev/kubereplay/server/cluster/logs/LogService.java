package dev.kubereplay.server.cluster.logs;

import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.cluster.kube.ClusterClients;
import dev.kubereplay.server.cluster.kube.KubeErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Container and sidecar logs of pods and workloads: read once, or followed and streamed in batches
 * until stopped or until the pods go away. A follow never blocks the timer it is given: that only
 * starts its flushes, which run on the follow's own thread.
 */
public final class LogService implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LogService.class.getName());

  /** Where followed lines go; called on the follow's own threads, one call at a time. */
  public interface Sink {
    /**
     * The next lines; where lines were dropped because they came faster than they were taken, a
     * {@link LogLine#dropped} mark stands in their place.
     */
    void append(String followId, List<LogLine> lines);

    void end(String followId, String reason);
  }

  private final ClusterClients clients;
  private final ScheduledExecutorService scheduler;
  private final Map<String, LogFollow> follows = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  public LogService(ClusterClients clients, ScheduledExecutorService scheduler) {
    this.clients = clients;
    this.scheduler = scheduler;
  }

  /** The logs as they are now, pod by pod. */
  public List<LogLine> get(Scope scope, LogRequest request) {
    var client = clients.client(scope.context());
    List<LogLine> lines = new ArrayList<>();
    for (LogSource.Stream stream : LogSource.streams(client, scope, request)) {
      String text =
          KubeErrors.call("get", "pods/log", scope.namespace(), () -> stream.loggable().getLog());
      if (text == null) {
        continue;
      }
      text.lines().forEach(line -> lines.add(new LogLine(stream.pod(), stream.container(), line)));
    }
    return lines;
  }

  /** Starts following; answers the follow's id and its pods. */
  public Follow follow(Scope scope, LogRequest request, Sink sink) {
    var client = clients.client(scope.context());
    List<LogSource.Stream> streams = LogSource.streams(client, scope, request);
    String id = "follow-" + ids.incrementAndGet();
    LogFollow follow =
        new LogFollow(id, client, scope, streams, sink, scheduler, () -> follows.remove(id));
    follows.put(id, follow);
    follow.start();
    LOG.info(
        "following logs of " + streams.stream().map(LogSource.Stream::pod).toList() + " as " + id);
    return new Follow(id, streams.stream().map(LogSource.Stream::pod).toList());
  }

  /** A started follow. */
  public record Follow(String id, List<String> pods) {}

  /** Stops a follow; false when it had already ended. */
  public boolean stop(String followId) {
    LogFollow follow = follows.remove(followId);
    if (follow == null) {
      return false;
    }
    follow.stop("stopped");
    return true;
  }

  @Override
  public void close() {
    for (String id : List.copyOf(follows.keySet())) {
      stop(id);
    }
  }
}
