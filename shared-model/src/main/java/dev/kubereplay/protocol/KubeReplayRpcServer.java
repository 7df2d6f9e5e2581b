package dev.kubereplay.protocol;

import dev.kubereplay.protocol.cluster.ClusterRpcService;
import dev.kubereplay.protocol.initialize.InitializeParams;
import dev.kubereplay.protocol.initialize.InitializeResponse;
import dev.kubereplay.protocol.logs.LogsRpcService;
import dev.kubereplay.protocol.replay.ReplayRpcService;
import dev.kubereplay.protocol.traffic.TrafficRpcService;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;

/**
 * The kubereplay server as its IDE clients see it: the life-cycle requests at the root and one
 * delegate per area, whose methods are named {@code <segment>/<method>} on the wire.
 */
public interface KubeReplayRpcServer {

  /**
   * Exchanges client and server information and capabilities. The first request of a session.
   *
   * <p>Both sides name the protocol version they speak ({@code protocolVersion}, {@code
   * major.minor}); a server refuses a client of another major, as a client refuses such a server.
   *
   * <p>Fails with {@link ErrorCode#INVALID_PARAMS} when the client info is missing or the protocol
   * version is not {@code major.minor}, {@link ErrorCode#PROTOCOL_MISMATCH} when the client speaks
   * another major version (the message names both).
   */
  @JsonRequest
  CompletableFuture<InitializeResponse> initialize(InitializeParams params);

  /**
   * Stops background work (watches, follows) before the client closes the connection. The process
   * exits when its input closes. Never fails.
   */
  @JsonRequest
  CompletableFuture<Void> shutdown();

  /** Requests of the {@code cluster/} segment. */
  @JsonDelegate
  ClusterRpcService getClusterService();

  /** Requests of the {@code logs/} segment. */
  @JsonDelegate
  LogsRpcService getLogsService();

  /** Requests of the {@code traffic/} segment. */
  @JsonDelegate
  TrafficRpcService getTrafficService();

  /** Requests of the {@code replay/} segment. */
  @JsonDelegate
  ReplayRpcService getReplayService();
}
