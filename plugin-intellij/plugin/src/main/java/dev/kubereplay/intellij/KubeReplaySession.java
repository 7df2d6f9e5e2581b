package dev.kubereplay.intellij;

import dev.kubereplay.intellij.cluster.ContextsModel;
import dev.kubereplay.intellij.rpc.ClientEndpoint;
import dev.kubereplay.intellij.rpc.ProcessTransport;
import dev.kubereplay.intellij.rpc.ServerCommand;
import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.rpc.ServerManager;
import dev.kubereplay.protocol.cluster.ClusterChangeKind;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.cluster.ListContextsParams;
import dev.kubereplay.protocol.initialize.ClientInfoDto;
import dev.kubereplay.protocol.initialize.InitializeParams;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One kubereplay server for the whole IDE and the models that show its answers: the wiring between
 * {@code rpc} and {@code cluster}, in plain Java so tests can drive it. The IntelliJ service only
 * owns one.
 */
public final class KubeReplaySession implements AutoCloseable {

  /** How the plugin introduces itself in {@code initialize}. */
  public static final String CLIENT_NAME = "kubereplay-intellij";

  private final ExecutorService rpcThreads;
  private final ExecutorService modelThread;
  private final ServerManager server;
  private final ContextsModel contexts;
  private volatile boolean closed;

  public KubeReplaySession(ServerManager.Starter starter) {
    this.rpcThreads = Executors.newCachedThreadPool(daemons("kubereplay-rpc"));
    this.modelThread = Executors.newSingleThreadExecutor(daemons("kubereplay-contexts"));
    ClientEndpoint client =
        new ClientEndpoint(
            change -> {
              if (concernsContexts(change)) {
                refresh();
              }
            });
    InitializeParams initialize =
        new InitializeParams(
            new ClientInfoDto(CLIENT_NAME, PluginVersion.get()), ClientEndpoint.capabilities());
    this.server = new ServerManager(starter, client, initialize, rpcThreads, this::serverStopped);
    this.contexts =
        new ContextsModel(
            () -> server.call(s -> s.getClusterService().listContexts(new ListContextsParams())),
            modelThread);
  }

  /** A session that starts the server jar shipped with the plugin on the IDE's Java. */
  public static KubeReplaySession forThisIde() {
    return new KubeReplaySession(
        () -> ProcessTransport.start(ServerCommand.forThisIde().commandLine(), Map.of()));
  }

  public ContextsModel contexts() {
    return contexts;
  }

  /** Asks for the contexts again, starting the server if it is not running. */
  public void refresh() {
    if (!closed) { // a late notification may arrive while closing
      contexts.refresh();
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
          refresh();
        });
  }

  @Override
  public void close() {
    closed = true;
    server.close();
    modelThread.shutdownNow();
    rpcThreads.shutdownNow();
  }

  /** Views of other areas change too; the contexts are asked for again only when they did. */
  static boolean concernsContexts(DidChangeClusterParams change) {
    return change.changes() == null
        || change.changes().isEmpty()
        || change.changes().contains(ClusterChangeKind.CONTEXTS);
  }

  private void serverStopped(ServerExit exit) {
    contexts.serverStopped(exit);
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
