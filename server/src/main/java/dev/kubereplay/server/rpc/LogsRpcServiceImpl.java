package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.logs.DidAppendLogsParams;
import dev.kubereplay.protocol.logs.DidEndLogsParams;
import dev.kubereplay.protocol.logs.FollowLogsResponse;
import dev.kubereplay.protocol.logs.GetLogsResponse;
import dev.kubereplay.protocol.logs.LogsParams;
import dev.kubereplay.protocol.logs.LogsRpcClient;
import dev.kubereplay.protocol.logs.LogsRpcService;
import dev.kubereplay.protocol.logs.StopLogsParams;
import dev.kubereplay.protocol.logs.StopLogsResponse;
import dev.kubereplay.server.cluster.ClusterService;
import dev.kubereplay.server.cluster.logs.LogLine;
import dev.kubereplay.server.cluster.logs.LogRequest;
import dev.kubereplay.server.cluster.logs.LogService;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * {@code logs/...}: unpacks parameters, calls the log service, forwards follows as notifications.
 */
final class LogsRpcServiceImpl implements LogsRpcService, AutoCloseable {

  private final RpcCalls calls;
  private final ClusterService cluster;
  private final LogService logs;
  private final LogService.Sink sink;

  LogsRpcServiceImpl(
      RpcCalls calls, ClusterService cluster, LogService logs, Supplier<LogsRpcClient> client) {
    this.calls = calls;
    this.cluster = cluster;
    this.logs = logs;
    this.sink =
        new LogService.Sink() {
          @Override
          public void append(String followId, List<LogLine> lines) {
            client.get().didAppend(new DidAppendLogsParams(followId, LogDtos.lines(lines)));
          }

          @Override
          public void end(String followId, String reason) {
            client.get().didEnd(new DidEndLogsParams(followId, reason));
          }
        };
  }

  private static LogRequest request(String method, LogsParams params) {
    RpcErrors.required(params, method, "params");
    RpcErrors.required(params.target(), method, "a target (workload or pod name)");
    return new LogRequest(
        params.target(),
        params.kind(),
        params.container(),
        params.sidecar(),
        params.previous(),
        params.tailLines(),
        params.since());
  }

  @Override
  public CompletableFuture<GetLogsResponse> get(LogsParams params) {
    return calls.async(
        "logs/get",
        cancel ->
            new GetLogsResponse(
                LogDtos.lines(
                    logs.get(
                        cluster.scope(params.context(), params.namespace()),
                        request("logs/get", params)))));
  }

  @Override
  public CompletableFuture<FollowLogsResponse> follow(LogsParams params) {
    return calls.async(
        "logs/follow",
        cancel -> {
          LogRequest request = request("logs/follow", params);
          LogService.Follow follow =
              logs.follow(cluster.scope(params.context(), params.namespace()), request, sink);
          return new FollowLogsResponse(follow.id(), follow.pods());
        });
  }

  @Override
  public CompletableFuture<StopLogsResponse> stop(StopLogsParams params) {
    return calls.async(
        "logs/stop",
        cancel ->
            new StopLogsResponse(
                logs.stop(RpcErrors.required(params, "logs/stop", "params").followId())));
  }

  @Override
  public void close() {
    logs.close();
  }
}
