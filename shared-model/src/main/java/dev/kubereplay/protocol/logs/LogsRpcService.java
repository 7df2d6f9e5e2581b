package dev.kubereplay.protocol.logs;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** The {@code logs/} requests: container and sidecar logs of pods and workloads. */
@JsonSegment("logs")
public interface LogsRpcService {

  /**
   * The logs as they are now, without following.
   *
   * <p>Fails with {@code NOT_FOUND} when no workload or pod has that name, {@code INVALID_PARAMS}
   * for an unknown container, {@code FORBIDDEN} when the user may not read logs there, {@code
   * CLUSTER_UNREACHABLE} when the API server does not answer, {@code CONTEXT_NOT_FOUND}.
   */
  @JsonRequest
  CompletableFuture<GetLogsResponse> get(LogsParams params);

  /**
   * Starts following logs; lines arrive as batched {@code logs/didAppend} notifications until
   * {@code logs/stop} or until the pods go away, announced by {@code logs/didEnd}. Fails as {@code
   * logs/get} does.
   */
  @JsonRequest
  CompletableFuture<FollowLogsResponse> follow(LogsParams params);

  /** Stops a follow. Never fails: stopping an ended follow answers {@code stopped: false}. */
  @JsonRequest
  CompletableFuture<StopLogsResponse> stop(StopLogsParams params);
}
