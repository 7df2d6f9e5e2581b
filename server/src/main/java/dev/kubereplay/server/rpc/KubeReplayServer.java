package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.KubeReplayRpcClient;
import dev.kubereplay.protocol.KubeReplayRpcServer;
import dev.kubereplay.protocol.cluster.ClusterChangeKind;
import dev.kubereplay.protocol.cluster.ClusterRpcService;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.initialize.InitializeParams;
import dev.kubereplay.protocol.initialize.InitializeResponse;
import dev.kubereplay.protocol.initialize.ProtocolVersion;
import dev.kubereplay.protocol.initialize.ServerCapabilitiesDto;
import dev.kubereplay.protocol.initialize.ServerInfoDto;
import dev.kubereplay.protocol.logs.LogsRpcClient;
import dev.kubereplay.protocol.logs.LogsRpcService;
import dev.kubereplay.protocol.replay.ReplayRpcService;
import dev.kubereplay.protocol.traffic.TrafficRpcService;
import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.Version;
import dev.kubereplay.server.cluster.ClusterService;
import dev.kubereplay.server.cluster.KubeconfigLoader;
import dev.kubereplay.server.cluster.KubeconfigWatcher;
import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.cluster.live.Freshness;
import dev.kubereplay.server.cluster.live.LiveView;
import dev.kubereplay.server.cluster.live.LiveViews;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/** The root of the protocol for one client connection: life cycle plus one delegate per area. */
final class KubeReplayServer implements KubeReplayRpcServer {

  private static final Logger LOG = Logger.getLogger(KubeReplayServer.class.getName());
  private static final long KUBECONFIG_POLL_MILLIS = 1000;

  private final RpcCalls calls;
  private final KubeconfigLoader kubeconfig;
  private final ClusterRpcServiceImpl cluster;
  private final LogsRpcServiceImpl logs;
  private final TrafficRpcServiceImpl traffic;
  private final ReplayRpcServiceImpl replay;
  private final ClusterService service;
  private final ScheduledExecutorService scheduler;
  private final List<String> requestMethods;
  private volatile KubeReplayRpcClient client;
  private volatile KubeconfigWatcher watcher;

  KubeReplayServer(
      ServerEnvironment environment,
      ExecutorService executor,
      ScheduledExecutorService scheduler,
      List<String> requestMethods) {
    this.calls = new RpcCalls(executor);
    this.kubeconfig = new KubeconfigLoader(environment);
    this.service = ClusterService.create(kubeconfig, scheduler, executor, new LiveListener());
    this.cluster = new ClusterRpcServiceImpl(calls, kubeconfig, service, executor);
    this.logs =
        new LogsRpcServiceImpl(calls, service, service.logService(scheduler), this::logsClient);
    LazyTraffic store = new LazyTraffic(environment.dataDirectory());
    this.traffic =
        new TrafficRpcServiceImpl(calls, store, executor, () -> client.getTrafficClient());
    this.replay =
        new ReplayRpcServiceImpl(
            calls, store, environment.dataDirectory(), executor, () -> client.getReplayClient());
    this.scheduler = scheduler;
    this.requestMethods = requestMethods;
  }

  void connect(KubeReplayRpcClient client) {
    this.client = client;
  }

  @Override
  public CompletableFuture<InitializeResponse> initialize(InitializeParams params) {
    return calls.async(
        "initialize",
        cancel -> {
          if (params == null || params.clientInfo() == null) {
            throw RpcErrors.of(ErrorCode.INVALID_PARAMS, "initialize needs clientInfo", null);
          }
          ProtocolVersion clientProtocol = clientProtocol(params);
          LOG.info(
              "client "
                  + params.clientInfo().name()
                  + " "
                  + params.clientInfo().version()
                  + " (protocol "
                  + clientProtocol
                  + ")");
          List<String> notifications =
              params.capabilities() == null || params.capabilities().notifications() == null
                  ? List.of()
                  : params.capabilities().notifications();
          if (notifications.contains("cluster/didChange")) {
            watchKubeconfig();
          }
          return new InitializeResponse(
              new ServerInfoDto("kubereplay", Version.current(), Version.PROTOCOL_VERSION),
              new ServerCapabilitiesDto(requestMethods),
              ProtocolVersion.CURRENT.toString());
        });
  }

  /** The client's protocol version; another major than the server's is refused. */
  private static ProtocolVersion clientProtocol(InitializeParams params) {
    ProtocolVersion version;
    try {
      version = ProtocolVersion.parse(params.protocolVersion());
    } catch (IllegalArgumentException e) {
      throw RpcErrors.of(ErrorCode.INVALID_PARAMS, e.getMessage(), params.protocolVersion());
    }
    if (!version.compatibleWith(ProtocolVersion.CURRENT)) {
      throw RpcErrors.of(
          ErrorCode.PROTOCOL_MISMATCH,
          params.clientInfo().name()
              + " "
              + params.clientInfo().version()
              + " speaks protocol "
              + version
              + ", but this kubereplay server "
              + Version.current()
              + " speaks protocol "
              + ProtocolVersion.CURRENT
              + ": install a client and a server of the same major protocol version ("
              + (version.major() > ProtocolVersion.CURRENT.major()
                  ? "update the server"
                  : "update the client")
              + ").",
          params.protocolVersion());
    }
    return version;
  }

  private synchronized void watchKubeconfig() {
    if (watcher == null) {
      watcher =
          new KubeconfigWatcher(
              kubeconfig,
              scheduler,
              KUBECONFIG_POLL_MILLIS,
              () -> client.getClusterClient().didChange(DidChangeClusterParams.contexts()));
    }
  }

  @Override
  public CompletableFuture<Void> shutdown() {
    return calls.async(
        "shutdown",
        cancel -> {
          close();
          return null;
        });
  }

  synchronized void close() {
    if (watcher != null) {
      watcher.close();
      watcher = null;
    }
    logs.close();
    replay.close();
    traffic.close();
    service.close();
  }

  private LogsRpcClient logsClient() {
    return client.getLogsClient();
  }

  /** Sends what the live views saw to the client, as {@code cluster/didChange}. */
  private final class LiveListener implements LiveViews.Listener {
    @Override
    public void viewsChanged(Scope scope, Set<LiveView> views) {
      client
          .getClusterClient()
          .didChange(
              new DidChangeClusterParams(
                  List.of(ClusterChangeKind.VIEWS),
                  scope.context(),
                  scope.namespace(),
                  LiveDtos.views(views),
                  null));
    }

    @Override
    public void connectionChanged(Scope scope, Freshness freshness) {
      client
          .getClusterClient()
          .didChange(
              new DidChangeClusterParams(
                  List.of(ClusterChangeKind.CONNECTION),
                  scope.context(),
                  scope.namespace(),
                  null,
                  LiveDtos.freshness(freshness)));
    }
  }

  @Override
  public ClusterRpcService getClusterService() {
    return cluster;
  }

  @Override
  public LogsRpcService getLogsService() {
    return logs;
  }

  @Override
  public TrafficRpcService getTrafficService() {
    return traffic;
  }

  @Override
  public ReplayRpcService getReplayService() {
    return replay;
  }
}
