package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.KubeReplayRpcClient;
import dev.kubereplay.protocol.KubeReplayRpcServer;
import dev.kubereplay.protocol.jsonrpc.RpcLaunchers;
import dev.kubereplay.server.ServerEnvironment;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.services.ServiceEndpoints;

/**
 * One client connection to a kubereplay server: over the process's stdin/stdout, a socket, or piped
 * streams in tests. {@link #listening()} completes when the input closes.
 */
public final class RpcServer implements AutoCloseable {

  private final KubeReplayServer server;
  private final ExecutorService executor;
  private final ScheduledExecutorService scheduler;
  private final Future<Void> listening;

  private RpcServer(
      ServerEnvironment environment, InputStream in, OutputStream out, PrintWriter trace) {
    this.executor = Executors.newCachedThreadPool(daemon("kubereplay-rpc"));
    // only fires: each periodic job runs on a thread of its own (timer.PeriodicJob)
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("kubereplay-timer"));
    this.server = new KubeReplayServer(environment, executor, scheduler, requestMethods());
    Launcher<KubeReplayRpcClient> launcher = RpcLaunchers.server(server, in, out, executor, trace);
    server.connect(launcher.getRemoteProxy());
    this.listening = launcher.startListening();
  }

  /** Serves one client on the given streams until the input closes or {@link #close()}. */
  public static RpcServer start(
      ServerEnvironment environment, InputStream in, OutputStream out, PrintWriter trace) {
    return new RpcServer(environment, in, out, trace);
  }

  /** Completes when the client's input ends. */
  public Future<Void> listening() {
    return listening;
  }

  @Override
  public void close() {
    server.close();
    listening.cancel(true);
    scheduler.shutdownNow();
    executor.shutdownNow();
  }

  private static List<String> requestMethods() {
    return ServiceEndpoints.getSupportedMethods(KubeReplayRpcServer.class).values().stream()
        .filter(method -> !method.isNotification())
        .map(JsonRpcMethod::getMethodName)
        .sorted()
        .toList();
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
