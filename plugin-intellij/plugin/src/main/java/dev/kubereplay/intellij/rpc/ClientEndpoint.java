package dev.kubereplay.intellij.rpc;

import dev.kubereplay.protocol.KubeReplayRpcClient;
import dev.kubereplay.protocol.cluster.ClusterRpcClient;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.initialize.ClientCapabilitiesDto;
import dev.kubereplay.protocol.logs.LogsRpcClient;
import dev.kubereplay.protocol.replay.ReplayRpcClient;
import dev.kubereplay.protocol.traffic.TrafficRpcClient;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the server calls on the plugin. Notifications arrive on lsp4j's reader thread, so the
 * handlers given here must only hand the work on, never block.
 */
public final class ClientEndpoint implements KubeReplayRpcClient {

  private final ClusterRpcClient cluster;
  private final LogsRpcClient logs;
  private final TrafficRpcClient traffic;
  private final ReplayRpcClient replay;

  public ClientEndpoint(Consumer<DidChangeClusterParams> onClusterChange, LogsRpcClient logs) {
    this(onClusterChange, logs, new TrafficRpcClient() {});
  }

  public ClientEndpoint(
      Consumer<DidChangeClusterParams> onClusterChange,
      LogsRpcClient logs,
      TrafficRpcClient traffic) {
    this(onClusterChange, logs, traffic, new ReplayRpcClient() {});
  }

  public ClientEndpoint(
      Consumer<DidChangeClusterParams> onClusterChange,
      LogsRpcClient logs,
      TrafficRpcClient traffic,
      ReplayRpcClient replay) {
    this.cluster =
        new ClusterRpcClient() {
          @Override
          public void didChange(DidChangeClusterParams params) {
            onClusterChange.accept(params);
          }
        };
    this.logs = logs;
    this.traffic = traffic;
    this.replay = replay;
  }

  /** The notifications handled here, as {@code initialize} announces them. */
  public static ClientCapabilitiesDto capabilities() {
    return new ClientCapabilitiesDto(
        List.of(
            "cluster/didChange",
            "logs/didAppend",
            "logs/didEnd",
            "traffic/didProgress",
            "traffic/didFinishImport",
            "traffic/didRecord",
            "replay/didMatch"));
  }

  @Override
  public ClusterRpcClient getClusterClient() {
    return cluster;
  }

  @Override
  public LogsRpcClient getLogsClient() {
    return logs;
  }

  @Override
  public TrafficRpcClient getTrafficClient() {
    return traffic;
  }

  @Override
  public ReplayRpcClient getReplayClient() {
    return replay;
  }
}
