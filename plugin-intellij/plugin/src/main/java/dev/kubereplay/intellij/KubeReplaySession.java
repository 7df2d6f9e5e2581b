package dev.kubereplay.intellij;

import dev.kubereplay.intellij.cluster.ClusterModel;
import dev.kubereplay.intellij.cluster.ContextsModel;
import dev.kubereplay.intellij.logs.LogFollows;
import dev.kubereplay.intellij.recordings.RecordingsModel;
import dev.kubereplay.intellij.rpc.AttachTarget;
import dev.kubereplay.intellij.rpc.ClientEndpoint;
import dev.kubereplay.intellij.rpc.ProcessTransport;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.intellij.rpc.ServerCommand;
import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.rpc.ServerManager;
import dev.kubereplay.intellij.rpc.ServerUnavailableException;
import dev.kubereplay.intellij.rpc.UiThreadGuard;
import dev.kubereplay.protocol.KubeReplayRpcServer;
import dev.kubereplay.protocol.cluster.ListContextsParams;
import dev.kubereplay.protocol.initialize.ClientInfoDto;
import dev.kubereplay.protocol.initialize.InitializeParams;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One kubereplay server for the whole IDE and the models that show its answers: the wiring between
 * {@code rpc}, {@code cluster} and {@code logs}, in plain Java so tests can drive it. The IntelliJ
 * service only owns one. Every request passes {@link UiThreadGuard}: none is sent on the UI thread.
 */
public final class KubeReplaySession implements ServerCalls, AutoCloseable {

  /** How the plugin introduces itself in {@code initialize}. */
  public static final String CLIENT_NAME = "kubereplay-intellij";

  private static final Logger LOG = Logger.getLogger(KubeReplaySession.class.getName());

  private final ExecutorService rpcThreads;
  private final ExecutorService modelThread;
  private final ServerManager server;
  private final ContextsModel contexts;
  private final ClusterModel cluster;
  private final LogFollows logs;
  private final RecordingsModel recordings;
  private final CompletableFuture<Void> stopped = new CompletableFuture<>();
  private volatile boolean closed;

  public KubeReplaySession(ServerManager.Starter starter) {
    this(starter, ServerManager.REQUEST_TIMEOUT);
  }

  /** A session whose requests time out after {@code requestTimeout}, except those without one. */
  public KubeReplaySession(ServerManager.Starter starter, Duration requestTimeout) {
    this(starter, requestTimeout, List::of);
  }

  /**
   * A session whose imports and desktop recordings send {@code redactKeys} (the settings' extra
   * redaction keys, read as each is sent).
   */
  public KubeReplaySession(ServerManager.Starter starter, Supplier<List<String>> redactKeys) {
    this(starter, ServerManager.REQUEST_TIMEOUT, redactKeys);
  }

  public KubeReplaySession(
      ServerManager.Starter starter, Duration requestTimeout, Supplier<List<String>> redactKeys) {
    this.rpcThreads = Executors.newCachedThreadPool(daemons("kubereplay-rpc"));
    this.modelThread = Executors.newSingleThreadExecutor(daemons("kubereplay-model"));
    this.logs = new LogFollows(this, modelThread);
    this.recordings = new RecordingsModel(this, modelThread, redactKeys);
    ClientEndpoint client =
        new ClientEndpoint(
            change -> {
              if (!closed) { // a late notification may arrive while closing
                cluster().didChange(change);
              }
            },
            logs,
            recordings,
            recordings);
    InitializeParams initialize =
        new InitializeParams(
            new ClientInfoDto(CLIENT_NAME, PluginVersion.get()), ClientEndpoint.capabilities());
    this.server =
        new ServerManager(
            starter, client, initialize, rpcThreads, this::serverStopped, requestTimeout);
    this.contexts =
        new ContextsModel(
            () -> call(s -> s.getClusterService().listContexts(new ListContextsParams())),
            modelThread);
    this.cluster = new ClusterModel(this, modelThread, contexts);
  }

  /**
   * A session that starts the server jar shipped with the plugin on the IDE's Java, or attaches to
   * the server named by {@code KUBEREPLAY_SERVER_PORT} and {@code KUBEREPLAY_TOKEN}; its imports
   * and desktop recordings send {@code redactKeys}.
   */
  public static KubeReplaySession forThisIde(Supplier<List<String>> redactKeys) {
    return new KubeReplaySession(
        () -> {
          AttachTarget attach = AttachTarget.fromEnvironment(System.getenv());
          return attach != null
              ? attach.connect()
              : ProcessTransport.start(ServerCommand.forThisIde().commandLine(), Map.of());
        },
        redactKeys);
  }

  public ContextsModel contexts() {
    return contexts;
  }

  public ClusterModel cluster() {
    return cluster;
  }

  public LogFollows logs() {
    return logs;
  }

  /** The Recordings tab's model: snapshots, their pairs, imports. */
  public RecordingsModel recordings() {
    return recordings;
  }

  @Override
  public <T> CompletableFuture<T> call(
      Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
    UiThreadGuard.check(request);
    return closed ? closing() : server.call(request);
  }

  @Override
  public <T> CompletableFuture<T> callUntimed(
      Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
    UiThreadGuard.check(request);
    return closed ? closing() : server.callUntimed(request);
  }

  @Override
  public <T> CompletableFuture<T> cancellableCall(
      Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
    UiThreadGuard.check(request);
    return closed ? closing() : server.cancellableCall(request);
  }

  private static <T> CompletableFuture<T> closing() {
    return CompletableFuture.failedFuture(
        new ServerUnavailableException(
            ServerExit.notStarted("The kubereplay plugin is shutting down.")));
  }

  /** Asks for the contexts and everything shown again, starting the server if it is not running. */
  public void refresh() {
    if (!closed) {
      cluster.refresh();
    }
  }

  /** Stops the server and starts a fresh one. */
  public void restartServer() {
    if (closed) {
      return;
    }
    modelThread.execute(
        () -> {
          server.restart();
          logs.serverStopped();
          cluster.serverStopped();
          recordings.serverStopped();
          refresh();
          recordings.refresh();
        });
  }

  /**
   * Shuts the server down without waiting for it: the IDE disposes the session on the UI thread,
   * and a shutdown waits for the server's answer and its process's end. Requests sent from now on
   * fail at once; {@link #stopped()} completes when the server is down.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    Thread stopper =
        new Thread(
            () -> {
              try {
                server.close();
              } catch (RuntimeException e) {
                LOG.log(Level.FINE, "shutting the server down", e); // it is going away anyway
              } finally {
                modelThread.shutdownNow();
                rpcThreads.shutdownNow();
                stopped.complete(null);
              }
            },
            "kubereplay-shutdown");
    stopper.setDaemon(true);
    stopper.start();
  }

  /** Completes once {@link #close()} has shut the server down and stopped the session's threads. */
  public CompletableFuture<Void> stopped() {
    return stopped;
  }

  private void serverStopped(ServerExit exit) {
    contexts.serverStopped(exit);
    cluster.serverStopped();
    logs.serverStopped();
    recordings.serverStopped();
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
