package dev.kubereplay.protocol;

import dev.kubereplay.protocol.cluster.ClusterRpcClient;
import dev.kubereplay.protocol.logs.LogsRpcClient;
import dev.kubereplay.protocol.replay.ReplayRpcClient;
import dev.kubereplay.protocol.traffic.TrafficRpcClient;
import org.eclipse.lsp4j.jsonrpc.services.JsonDelegate;

/**
 * What the server calls on its IDE client: notifications named {@code <segment>/didXxx}. Client
 * methods are {@code default} methods so that an older client still compiles and links.
 */
public interface KubeReplayRpcClient {

  /** Notifications of the {@code cluster/} segment. */
  @JsonDelegate
  ClusterRpcClient getClusterClient();

  /** Notifications of the {@code logs/} segment. */
  @JsonDelegate
  default LogsRpcClient getLogsClient() {
    return new LogsRpcClient() {};
  }

  /** Notifications of the {@code traffic/} segment. */
  @JsonDelegate
  default TrafficRpcClient getTrafficClient() {
    return new TrafficRpcClient() {};
  }

  /** Notifications of the {@code replay/} segment. */
  @JsonDelegate
  default ReplayRpcClient getReplayClient() {
    return new ReplayRpcClient() {};
  }
}
