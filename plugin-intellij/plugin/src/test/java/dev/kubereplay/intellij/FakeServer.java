package dev.kubereplay.intellij;

import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.rpc.ServerTransport;
import dev.kubereplay.protocol.KubeReplayRpcClient;
import dev.kubereplay.protocol.KubeReplayRpcServer;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import dev.kubereplay.protocol.initialize.InitializeParams;
import dev.kubereplay.protocol.initialize.InitializeResponse;
import dev.kubereplay.protocol.initialize.ServerCapabilitiesDto;
import dev.kubereplay.protocol.initialize.ServerInfoDto;
import dev.kubereplay.protocol.jsonrpc.ProtocolGson;
import dev.kubereplay.protocol.jsonrpc.RpcLaunchers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;

/**
 * A kubereplay server faked in the test, served with {@link RpcLaunchers#server} over in-memory
 * pipes, so the plugin's client speaks real JSON-RPC framing to it. It answers {@code initialize},
 * {@code shutdown} and {@code cluster/listContexts}; any other request fails as unknown. Built on a
 * dynamic proxy so that methods added to the protocol later need no change here.
 */
final class FakeServer implements AutoCloseable {

  final List<InitializeParams> initializeCalls = new CopyOnWriteArrayList<>();
  final AtomicInteger listContextsCalls = new AtomicInteger();
  final AtomicInteger shutdownCalls = new AtomicInteger();
  final AtomicInteger starts = new AtomicInteger();

  /** What {@code cluster/listContexts} answers next. */
  volatile Supplier<CompletableFuture<ListContextsResponse>> listContexts =
      () -> CompletableFuture.completedFuture(new ListContextsResponse(List.of(), null, List.of()));

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private volatile Connection connection;

  /** A {@code ServerManager.Starter}: each start is a fresh server on fresh pipes. */
  ServerTransport start() {
    starts.incrementAndGet();
    Pipe toClient;
    Pipe toServer;
    try {
      toClient = Pipe.open();
      toServer = Pipe.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Connection started =
        new Connection(
            Channels.newInputStream(toClient.source()),
            Channels.newOutputStream(toServer.sink()),
            Channels.newInputStream(toServer.source()),
            Channels.newOutputStream(toClient.sink()));
    connection = started;
    return started;
  }

  /** Sends {@code cluster/didChange}, given as the JSON of its params. */
  void sendDidChange(String paramsJson) {
    DidChangeClusterParams params =
        ProtocolGson.create().fromJson(paramsJson, DidChangeClusterParams.class);
    connection.client.getClusterClient().didChange(params);
  }

  /** The server dies: its streams close and it reports {@code reason} and its last log lines. */
  void crash(String reason, List<String> stderrTail) {
    connection.end(new ServerExit(reason, stderrTail));
  }

  static CompletableFuture<ListContextsResponse> error(int code, String message, Object data) {
    return CompletableFuture.failedFuture(
        new ResponseErrorException(new ResponseError(code, message, data)));
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.end(ServerExit.notStarted("test over"));
    }
    executor.shutdownNow();
  }

  private Object answer(Method method, Object[] args) {
    return switch (method.getName()) {
      case "initialize" -> {
        initializeCalls.add((InitializeParams) args[0]);
        yield CompletableFuture.completedFuture(
            new InitializeResponse(
                new ServerInfoDto("kubereplay", "0.0.0-fake", 1),
                new ServerCapabilitiesDto(List.of("cluster/listContexts"))));
      }
      case "shutdown" -> {
        shutdownCalls.incrementAndGet();
        yield CompletableFuture.completedFuture(null);
      }
      case "listContexts" -> {
        listContextsCalls.incrementAndGet();
        yield listContexts.get();
      }
      default ->
          CompletableFuture.failedFuture(
              new ResponseErrorException(
                  new ResponseError(
                      ResponseErrorCode.MethodNotFound, method.getName() + " is not faked", null)));
    };
  }

  private <T> T service(Class<T> type) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "fake " + type.getSimpleName();
            };
          }
          if (method.isAnnotationPresent(JsonDelegate.class)) {
            return service(method.getReturnType());
          }
          return answer(method, args);
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private final class Connection implements ServerTransport {
    private final InputStream clientIn;
    private final OutputStream clientOut;
    private final InputStream serverIn;
    private final OutputStream serverOut;
    private final KubeReplayRpcClient client;
    private final CompletableFuture<ServerExit> exited = new CompletableFuture<>();

    Connection(
        InputStream clientIn,
        OutputStream clientOut,
        InputStream serverIn,
        OutputStream serverOut) {
      this.clientIn = clientIn;
      this.clientOut = clientOut;
      this.serverIn = serverIn;
      this.serverOut = serverOut;
      Launcher<KubeReplayRpcClient> launcher =
          RpcLaunchers.server(
              service(KubeReplayRpcServer.class), serverIn, serverOut, executor, null);
      this.client = launcher.getRemoteProxy();
      launcher.startListening();
    }

    @Override
    public InputStream input() {
      return clientIn;
    }

    @Override
    public OutputStream output() {
      return clientOut;
    }

    @Override
    public CompletableFuture<ServerExit> exited() {
      return exited;
    }

    @Override
    public void close() {
      end(new ServerExit("closed by the client", List.of()));
    }

    void end(ServerExit exit) {
      for (AutoCloseable stream : List.of(serverOut, serverIn, clientOut, clientIn)) {
        try {
          stream.close();
        } catch (Exception e) {
          // already closed
        }
      }
      exited.complete(exit);
    }
  }
}
