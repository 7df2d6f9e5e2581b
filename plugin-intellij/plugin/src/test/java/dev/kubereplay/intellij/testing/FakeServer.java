package dev.kubereplay.intellij.testing;

import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.intellij.rpc.ServerExit;
import dev.kubereplay.intellij.rpc.ServerTransport;
import dev.kubereplay.intellij.rpc.UiThreadGuard;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.ErrorDataDto;
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
import dev.kubereplay.protocol.logs.DidAppendLogsParams;
import dev.kubereplay.protocol.logs.DidEndLogsParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/**
 * A kubereplay server faked in the test, served with {@link RpcLaunchers#server} over in-memory
 * pipes, so the plugin's client speaks real JSON-RPC framing to it. Requests are answered from
 * {@link #answer}s by wire name ({@code "cluster/listWorkloads"}); every request is recorded; any
 * request without an answer fails as unknown. Built on a dynamic proxy so that methods added to the
 * protocol later need no change here. {@link #direct()} calls the same fake without the pipes.
 */
public final class FakeServer implements AutoCloseable {

  /** One request as it arrived: its wire name and its params (null for none). */
  public record Call(String method, Object params) {}

  public final List<InitializeParams> initializeCalls = new CopyOnWriteArrayList<>();
  public final AtomicInteger listContextsCalls = new AtomicInteger();
  public final AtomicInteger shutdownCalls = new AtomicInteger();
  public final AtomicInteger starts = new AtomicInteger();

  /** The protocol version the fake answers {@code initialize} with. */
  public volatile String protocolVersion =
      dev.kubereplay.protocol.initialize.ProtocolVersion.CURRENT.toString();

  public final List<Call> calls = new CopyOnWriteArrayList<>();

  /** What {@code cluster/listContexts} answers next. */
  public volatile Supplier<CompletableFuture<ListContextsResponse>> listContexts =
      () -> CompletableFuture.completedFuture(new ListContextsResponse(List.of(), null, List.of()));

  private final Map<String, Function<Object, CompletableFuture<?>>> answers =
      new ConcurrentHashMap<>();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final KubeReplayRpcServer service = service(KubeReplayRpcServer.class, "");
  private volatile Connection connection;

  /** Answers {@code method} with {@code response} from now on. */
  public FakeServer answer(String method, Object response) {
    answers.put(method, params -> CompletableFuture.completedFuture(response));
    return this;
  }

  /** Answers {@code method} by computing from its params. */
  public FakeServer answer(String method, Function<Object, CompletableFuture<?>> answer) {
    answers.put(method, answer);
    return this;
  }

  /** Fails {@code method} with a kubereplay error, as the real server does. */
  public FakeServer fail(String method, ErrorCode code, String message) {
    answers.put(method, params -> error(code.code(), message, new ErrorDataDto(code, null)));
    return this;
  }

  /** The params of each call of {@code method}, oldest first. */
  public List<Object> params(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).map(Call::params).toList();
  }

  public int count(String method) {
    return params(method).size();
  }

  /** A {@code ServerManager.Starter}: each start is a fresh server on fresh pipes. */
  public ServerTransport start() {
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

  /**
   * The fake called in-process, without JSON-RPC: for panels that only need answers. Like the
   * plugin's session, it refuses calls on the UI thread ({@link UiThreadGuard}).
   */
  public ServerCalls direct() {
    return new ServerCalls() {
      @Override
      public <T> CompletableFuture<T> call(
          Function<KubeReplayRpcServer, CompletableFuture<T>> request) {
        UiThreadGuard.check(request);
        return request.apply(service);
      }
    };
  }

  /** Sends {@code cluster/didChange}, given as the JSON of its params. */
  public void sendDidChange(String paramsJson) {
    sendDidChange(ProtocolGson.create().fromJson(paramsJson, DidChangeClusterParams.class));
  }

  public void sendDidChange(DidChangeClusterParams params) {
    connection.client.getClusterClient().didChange(params);
  }

  public void sendDidAppend(DidAppendLogsParams params) {
    connection.client.getLogsClient().didAppend(params);
  }

  public void sendDidEnd(DidEndLogsParams params) {
    connection.client.getLogsClient().didEnd(params);
  }

  public void sendDidProgress(dev.kubereplay.protocol.traffic.DidProgressParams params) {
    connection.client.getTrafficClient().didProgress(params);
  }

  public void sendDidFinishImport(dev.kubereplay.protocol.traffic.DidFinishImportParams params) {
    connection.client.getTrafficClient().didFinishImport(params);
  }

  public void sendDidRecord(dev.kubereplay.protocol.traffic.DidRecordParams params) {
    connection.client.getTrafficClient().didRecord(params);
  }

  public void sendDidMatch(dev.kubereplay.protocol.replay.DidMatchParams params) {
    connection.client.getReplayClient().didMatch(params);
  }

  /** The server dies: its streams close and it reports {@code reason} and its last log lines. */
  public void crash(String reason, List<String> stderrTail) {
    connection.end(new ServerExit(reason, stderrTail));
  }

  public static <T> CompletableFuture<T> error(int code, String message, Object data) {
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

  private Object answer(String method, Object[] args) {
    Object params = args == null || args.length == 0 ? null : args[0];
    calls.add(new Call(method, params));
    return switch (method) {
      case "initialize" -> {
        initializeCalls.add((InitializeParams) params);
        yield CompletableFuture.completedFuture(
            new InitializeResponse(
                new ServerInfoDto("kubereplay", "0.0.0-fake", 1),
                new ServerCapabilitiesDto(List.of("cluster/listContexts")),
                protocolVersion));
      }
      case "shutdown" -> {
        shutdownCalls.incrementAndGet();
        yield CompletableFuture.completedFuture(null);
      }
      case "cluster/listContexts" -> {
        listContextsCalls.incrementAndGet();
        yield listContexts.get();
      }
      default -> {
        Function<Object, CompletableFuture<?>> answer = answers.get(method);
        yield answer != null
            ? answer.apply(params)
            : CompletableFuture.failedFuture(
                new ResponseErrorException(
                    new ResponseError(
                        ResponseErrorCode.MethodNotFound, method + " is not faked", null)));
      }
    };
  }

  private <T> T service(Class<T> type, String segment) {
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
            Class<?> delegate = method.getReturnType();
            JsonSegment name = delegate.getAnnotation(JsonSegment.class);
            return service(delegate, name != null ? name.value() + "/" : "");
          }
          return answer(segment + method.getName(), args);
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
          RpcLaunchers.server(service, serverIn, serverOut, executor, null);
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
