package dev.kubereplay.intellij.rpc;

import dev.kubereplay.protocol.KubeReplayRpcClient;
import dev.kubereplay.protocol.KubeReplayRpcServer;
import dev.kubereplay.protocol.initialize.InitializeParams;
import dev.kubereplay.protocol.jsonrpc.RpcLaunchers;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;

/**
 * The server's life cycle. A request starts the server when none is running (the first one, or the
 * first after it stopped: that is the restart), with {@code initialize} before anything else. Every
 * request races the server's exit, so no caller waits on a server that is gone. {@link #restart()}
 * stops a running server on purpose; {@link #close()} shuts it down for good.
 */
public final class ServerManager implements ServerCalls, AutoCloseable {

  /** Starts a server process (or, in tests, an in-memory one) and returns its streams. */
  @FunctionalInterface
  public interface Starter {
    ServerTransport start() throws ServerUnavailableException;
  }

  private static final Logger LOG = Logger.getLogger(ServerManager.class.getName());

  static final Duration INITIALIZE_TIMEOUT = Duration.ofSeconds(30);

  /** How long a request may take, unless it is one the user watches and can cancel. */
  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration EXIT_GRACE = Duration.ofSeconds(2);

  private final Starter starter;
  private final KubeReplayRpcClient client;
  private final InitializeParams initializeParams;
  private final ExecutorService executor;
  private final Consumer<ServerExit> onUnexpectedExit;
  private final Duration requestTimeout;

  private Running running; // guarded by this
  private boolean closed; // guarded by this

  /**
   * @param client what the server may call back
   * @param executor runs lsp4j's reader; its threads should be daemons
   * @param onUnexpectedExit told when a server stops that nobody stopped (crash, kill)
   */
  public ServerManager(
      Starter starter,
      KubeReplayRpcClient client,
      InitializeParams initializeParams,
      ExecutorService executor,
      Consumer<ServerExit> onUnexpectedExit) {
    this(starter, client, initializeParams, executor, onUnexpectedExit, REQUEST_TIMEOUT);
  }

  /** As the other constructor, with {@code requestTimeout} instead of {@link #REQUEST_TIMEOUT}. */
  public ServerManager(
      Starter starter,
      KubeReplayRpcClient client,
      InitializeParams initializeParams,
      ExecutorService executor,
      Consumer<ServerExit> onUnexpectedExit,
      Duration requestTimeout) {
    this.starter = starter;
    this.client = client;
    this.initializeParams = initializeParams;
    this.executor = executor;
    this.onUnexpectedExit = onUnexpectedExit;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Sends a request, starting the server first if none is running. Fails with a {@link
   * ServerUnavailableException} when the server cannot be started or stops before it answers, with
   * the server's own error (lsp4j's {@code ResponseErrorException}) when it answers with one.
   */
  @Override
  public <T> CompletableFuture<T> call(
      Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
    return send(request, requestTimeout);
  }

  @Override
  public <T> CompletableFuture<T> callUntimed(
      Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
    return send(request, null);
  }

  /**
   * As {@link ServerCalls#cancellableCall}, with the server's response deciding: a cancel sends
   * {@code $/cancelRequest}, and the answer is cancelled only when the server says it stopped; a
   * server that had finished first gives its result (the export's file was written).
   */
  @Override
  public <T> CompletableFuture<T> cancellableCall(
      Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
    Running server;
    try {
      server = running();
    } catch (ServerUnavailableException e) {
      return CompletableFuture.failedFuture(e);
    }
    return server.cancellable(request);
  }

  private <T> CompletableFuture<T> send(
      Function<KubeReplayRpcServer, CompletableFuture<T>> request, Duration timeout) {
    Running server;
    try {
      server = running();
    } catch (ServerUnavailableException e) {
      return CompletableFuture.failedFuture(e);
    }
    return server.call(request, timeout);
  }

  /** Stops the running server, if any; the next request starts a fresh one. */
  public void restart() {
    UiThreadGuard.check("shutdown"); // waits for the server's answer and its process's end
    Running old;
    synchronized (this) {
      old = running;
      running = null;
    }
    if (old != null) {
      old.stop();
    }
  }

  /** Shuts the server down (bounded wait) and refuses further requests. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    restart();
  }

  private synchronized Running running() throws ServerUnavailableException {
    if (closed) {
      throw new ServerUnavailableException(
          ServerExit.notStarted("The kubereplay plugin is shutting down."));
    }
    if (running == null || running.gone.isDone()) {
      running = new Running(starter.start());
    }
    return running;
  }

  /** One started server: its connection, and what is known of its end. */
  private final class Running {
    private final ServerTransport transport;
    private final Responses responses = new Responses();
    private final KubeReplayRpcServer proxy;
    private final Future<Void> listening;
    private final CompletableFuture<ServerExit> gone = new CompletableFuture<>();

    /** Never completes normally: fails once the server is gone, for requests to race against. */
    private final CompletableFuture<Object> goneFailure;

    private final CompletableFuture<KubeReplayRpcServer> ready;
    private volatile boolean stopping;

    Running(ServerTransport transport) {
      this.transport = transport;
      Launcher<KubeReplayRpcServer> launcher =
          RpcLaunchers.client(
              client, transport.input(), transport.output(), executor, null, responses);
      this.proxy = launcher.getRemoteProxy();
      this.listening = launcher.startListening();
      this.goneFailure =
          gone.thenCompose(
              exit -> CompletableFuture.failedFuture(new ServerUnavailableException(exit)));
      transport
          .exited()
          .whenComplete(
              (exit, error) ->
                  gone.complete(
                      exit != null
                          ? exit
                          : ServerExit.notStarted("The kubereplay server stopped: " + error)));
      gone.thenAccept(
          exit -> {
            if (!stopping) {
              LOG.warning(exit.reason() + " Last lines on its stderr: " + exit.stderrTail());
              onUnexpectedExit.accept(exit);
            }
          });
      this.ready =
          raceExit(proxy.initialize(initializeParams), INITIALIZE_TIMEOUT)
              .handle(
                  (response, error) -> {
                    if (error != null) {
                      return initializeFailed(unwrap(error));
                    }
                    LOG.info("Connected to " + response.serverInfo());
                    return CompletableFuture.completedFuture(proxy);
                  })
              .thenCompose(server -> server);
    }

    /** The answer, or the server's exit; with {@code timeout} null, however long it takes. */
    <T> CompletableFuture<T> call(
        Function<KubeReplayRpcServer, CompletableFuture<T>> request, Duration timeout) {
      return raceExit(ready.thenCompose(request), timeout);
    }

    /** The answer as the server's response settles it, or the server's exit; no time limit. */
    <T> CompletableFuture<T> cancellable(
        Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
      CancellableAnswer<T> answer = new CancellableAnswer<>(responses);
      ready.whenComplete(
          (server, error) -> {
            if (error != null) {
              answer.completeExceptionally(unwrap(error));
            } else {
              answer.send(() -> request.apply(server));
            }
          });
      goneFailure.whenComplete((never, error) -> answer.completeExceptionally(unwrap(error)));
      return answer;
    }

    @SuppressWarnings("unchecked")
    private <T> CompletableFuture<T> raceExit(CompletableFuture<T> answer, Duration timeout) {
      // goneFailure never carries a value, so it may stand in for any answer type.
      CompletableFuture<T> failure = (CompletableFuture<T>) (CompletableFuture<?>) goneFailure;
      CompletableFuture<T> limited =
          timeout == null ? answer : answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return limited.applyToEither(failure, Function.identity());
    }

    private CompletableFuture<KubeReplayRpcServer> initializeFailed(Throwable error) {
      if (error instanceof ServerUnavailableException) {
        return CompletableFuture.failedFuture(error); // it stopped: its exit says why
      }
      // Writing to a server that is dying fails before its exit is known: give the exit (code and
      // stderr) a moment to arrive, as it says more than a broken pipe.
      return transport
          .exited()
          .thenApply(exit -> exit)
          .completeOnTimeout(null, EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)
          .thenCompose(
              exit -> {
                ServerExit why = exit;
                if (why == null) {
                  why =
                      ServerExit.notStarted(
                          "The kubereplay server did not complete initialize: " + describe(error));
                  stopping = true; // reported by the failed request, not as an unexpected exit
                  gone.complete(why);
                  stopInBackground();
                }
                return CompletableFuture.failedFuture(new ServerUnavailableException(why));
              });
    }

    private void stopInBackground() {
      try {
        executor.execute(this::stop);
      } catch (RejectedExecutionException e) {
        transport.close(); // shutting down anyway
      }
    }

    void stop() {
      stopping = true;
      if (ready.isDone() && !ready.isCompletedExceptionally() && !gone.isDone()) {
        try {
          proxy.shutdown().get(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
          LOG.log(Level.FINE, "shutdown", e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      transport.close();
      listening.cancel(true);
    }
  }

  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  static String describe(Throwable error) {
    Throwable cause = unwrap(error);
    if (cause instanceof TimeoutException) {
      return "no answer in time.";
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }
}
