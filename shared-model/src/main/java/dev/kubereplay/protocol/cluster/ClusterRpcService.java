package dev.kubereplay.protocol.cluster;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** The {@code cluster/} requests: kube contexts and, per context, what runs there. */
@JsonSegment("cluster")
public interface ClusterRpcService {

  /**
   * The kube contexts of the user's kubeconfig, read as kubectl reads it: the files of {@code
   * KUBECONFIG} (the first file that names a context, cluster or user wins), else {@code
   * ~/.kube/config}. Exec-plugin users are listed without running the plugin.
   *
   * <p>Fails with {@link dev.kubereplay.protocol.ErrorCode#KUBECONFIG_NOT_FOUND} when no file
   * exists, {@link dev.kubereplay.protocol.ErrorCode#KUBECONFIG_UNREADABLE} when one cannot be read
   * and {@link dev.kubereplay.protocol.ErrorCode#KUBECONFIG_MALFORMED} when one is not valid
   * kubeconfig YAML; the message names the file and the problem.
   */
  @JsonRequest
  CompletableFuture<ListContextsResponse> listContexts(ListContextsParams params);

  /**
   * Per context, whether the kubereplay operator is installed (a Deployment labelled {@code
   * app.kubernetes.io/name=kubereplay-operator}, looked for in {@code kubereplay} first, then in
   * the namespaces the user can list), its version, and the cluster's name. A context whose API
   * server cannot be reached or that forbids the lookup answers that in its entry; the request as a
   * whole fails only with the kubeconfig errors of {@link #listContexts}.
   */
  @JsonRequest
  CompletableFuture<ListClustersResponse> listClusters(ListClustersParams params);

  /**
   * The namespaces of a context. When listing namespaces is forbidden, answers the context's
   * namespace with {@code fallback} and the reason. Fails with {@code CONTEXT_NOT_FOUND} or {@code
   * CLUSTER_UNREACHABLE}.
   */
  @JsonRequest
  CompletableFuture<ListNamespacesResponse> listNamespaces(ScopeParams params);

  /**
   * The operator's configuration: the {@code kubereplay-operator} ConfigMap and the deprecated
   * {@code kubereplay-operator-overrides} beside it. Fails with {@code CONTEXT_NOT_FOUND}, {@code
   * FORBIDDEN} ("forbidden: cannot get configmaps in namespace ...") or {@code CLUSTER_UNREACHABLE}
   * when there is no earlier answer to fall back on.
   */
  @JsonRequest
  CompletableFuture<ConfigurationResponse> getConfiguration(ScopeParams params);

  /**
   * Deployments, StatefulSets and DaemonSets with readiness, injection, TLS out, sidecar health,
   * requests and pod problems. Fails as {@link #getConfiguration} does.
   */
  @JsonRequest
  CompletableFuture<ListWorkloadsResponse> listWorkloads(ScopeParams params);

  /**
   * Turns sidecar injection on or off by patching the pod template annotation {@code
   * kubereplay.dev/inject}; answers the workload as the API server returned it. Fails with {@code
   * NOT_FOUND}, {@code FORBIDDEN}, {@code CONFLICT}, {@code INVALID_PARAMS} (unknown kind), {@code
   * CONTEXT_NOT_FOUND}, {@code CLUSTER_UNREACHABLE}.
   */
  @JsonRequest
  CompletableFuture<WorkloadResponse> setInjection(SetWorkloadFlagParams params);

  /**
   * Turns outbound TLS unwrapping on or off ({@code kubereplay.dev/tls-out}). Fails as {@link
   * #setInjection} does.
   */
  @JsonRequest
  CompletableFuture<WorkloadResponse> setTlsOut(SetWorkloadFlagParams params);

  /** Secrets by name, type and keys; never values. Fails as {@link #getConfiguration} does. */
  @JsonRequest
  CompletableFuture<ListSecretsResponse> listSecrets(ScopeParams params);

  /** Services with ports, selector and the workloads selected. Fails as listWorkloads does. */
  @JsonRequest
  CompletableFuture<ListServicesResponse> listServices(ScopeParams params);

  /** Events, warnings first, linked to their workload. Fails as listWorkloads does. */
  @JsonRequest
  CompletableFuture<ListEventsResponse> listEvents(ScopeParams params);

  /** TrafficReplay resources. Fails as listWorkloads does. */
  @JsonRequest
  CompletableFuture<ListReplaysResponse> listReplays(ScopeParams params);

  /**
   * Deletes a TrafficReplay. Fails with {@code FORBIDDEN}, {@code CONTEXT_NOT_FOUND}, {@code
   * CLUSTER_UNREACHABLE}; a replay that is already gone answers {@code deleted: false}.
   */
  @JsonRequest
  CompletableFuture<DeleteReplayResponse> deleteReplay(DeleteReplayParams params);

  /**
   * Says what the client shows, so the server keeps it live (informers) and sends {@code
   * cluster/didChange} when it changes; what the client no longer shows stops being watched. Fails
   * with {@code CONTEXT_NOT_FOUND}.
   */
  @JsonRequest
  CompletableFuture<WatchResponse> watch(WatchParams params);
}
