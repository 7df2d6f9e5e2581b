package dev.kubereplay.server.cli.cluster;

import dev.kubereplay.protocol.jsonrpc.ProtocolGson;
import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.cluster.ClusterService;
import dev.kubereplay.server.cluster.KubeconfigLoader;
import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.cluster.live.ClusterReader.Result;
import dev.kubereplay.server.cluster.live.Freshness;
import dev.kubereplay.server.cluster.live.LiveView;
import dev.kubereplay.server.cluster.live.LiveViews;
import java.io.PrintWriter;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The cluster domain for one command-line run: the same service the RPC server uses. */
final class ClusterCli implements AutoCloseable {

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "kubereplay-cli");
            thread.setDaemon(true);
            return thread;
          });
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "kubereplay-cli-worker");
            thread.setDaemon(true);
            return thread;
          });
  private final ClusterService service;

  ClusterCli(ServerEnvironment environment) {
    this.service =
        ClusterService.create(
            new KubeconfigLoader(environment),
            scheduler,
            executor,
            new LiveViews.Listener() {
              @Override
              public void viewsChanged(Scope scope, Set<LiveView> views) {}

              @Override
              public void connectionChanged(Scope scope, Freshness freshness) {}
            });
  }

  ClusterService service() {
    return service;
  }

  ExecutorService executor() {
    return executor;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  static void printJson(PrintWriter out, Object value) {
    out.println(ProtocolGson.create().newBuilder().setPrettyPrinting().create().toJson(value));
    out.flush();
  }

  /** A warning line on stderr when the answer came from the last known state. */
  static void warnIfStale(PrintWriter err, Result<?> read) {
    var freshness = read.freshness();
    if (freshness != null && freshness.stale()) {
      err.println(
          "kubereplay: stale data (since " + freshness.since() + "): " + freshness.reason());
      err.flush();
    }
  }

  @Override
  public void close() {
    service.close();
    scheduler.shutdownNow();
    executor.shutdownNow();
  }
}
