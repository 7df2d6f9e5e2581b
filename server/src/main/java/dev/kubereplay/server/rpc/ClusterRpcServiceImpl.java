package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.cluster.ClusterRpcService;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.ConfigurationResponse;
import dev.kubereplay.protocol.cluster.DeleteReplayParams;
import dev.kubereplay.protocol.cluster.DeleteReplayResponse;
import dev.kubereplay.protocol.cluster.ListClustersParams;
import dev.kubereplay.protocol.cluster.ListClustersResponse;
import dev.kubereplay.protocol.cluster.ListContextsParams;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import dev.kubereplay.protocol.cluster.ListEventsResponse;
import dev.kubereplay.protocol.cluster.ListNamespacesResponse;
import dev.kubereplay.protocol.cluster.ListReplaysResponse;
import dev.kubereplay.protocol.cluster.ListSecretsResponse;
import dev.kubereplay.protocol.cluster.ListServicesResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.ScopeParams;
import dev.kubereplay.protocol.cluster.SetWorkloadFlagParams;
import dev.kubereplay.protocol.cluster.WatchParams;
import dev.kubereplay.protocol.cluster.WatchResponse;
import dev.kubereplay.protocol.cluster.WorkloadResponse;
import dev.kubereplay.server.cluster.ClusterService;
import dev.kubereplay.server.cluster.KubeconfigLoader;
import dev.kubereplay.server.cluster.Scope;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** {@code cluster/...}: unpacks parameters, calls the cluster domain, packs the answer. */
final class ClusterRpcServiceImpl implements ClusterRpcService {

  private final RpcCalls calls;
  private final KubeconfigLoader kubeconfig;
  private final ClusterService cluster;
  private final ExecutorService executor;

  ClusterRpcServiceImpl(
      RpcCalls calls,
      KubeconfigLoader kubeconfig,
      ClusterService cluster,
      ExecutorService executor) {
    this.calls = calls;
    this.kubeconfig = kubeconfig;
    this.cluster = cluster;
    this.executor = executor;
  }

  private Scope scope(ScopeParams params) {
    return params == null
        ? cluster.scope(null, null)
        : cluster.scope(params.context(), params.namespace());
  }

  @Override
  public CompletableFuture<ListContextsResponse> listContexts(ListContextsParams params) {
    return calls.async("cluster/listContexts", cancel -> ClusterDtos.contexts(kubeconfig.load()));
  }

  @Override
  public CompletableFuture<ListClustersResponse> listClusters(ListClustersParams params) {
    return calls.async(
        "cluster/listClusters",
        cancel ->
            ClusterDtos.clusters(
                cluster.operators().clusters(params == null ? null : params.contexts(), executor)));
  }

  @Override
  public CompletableFuture<ListNamespacesResponse> listNamespaces(ScopeParams params) {
    return calls.async(
        "cluster/listNamespaces",
        cancel -> ClusterDtos.namespaces(cluster.namespaces(scope(params))));
  }

  @Override
  public CompletableFuture<ConfigurationResponse> getConfiguration(ScopeParams params) {
    return calls.async(
        "cluster/getConfiguration",
        cancel ->
            ClusterDtos.configuration(
                params == null
                    ? cluster.configuration(null, null)
                    : cluster.configuration(params.context(), params.namespace())));
  }

  @Override
  public CompletableFuture<ListWorkloadsResponse> listWorkloads(ScopeParams params) {
    return calls.async(
        "cluster/listWorkloads",
        cancel -> WorkloadDtos.workloads(cluster.workloads(scope(params))));
  }

  @Override
  public CompletableFuture<WorkloadResponse> setInjection(SetWorkloadFlagParams params) {
    return calls.async(
        "cluster/setInjection",
        cancel ->
            WorkloadDtos.toggled(
                cluster.setInjection(
                    cluster.scope(
                        RpcErrors.required(params, "cluster/setInjection", "params").context(),
                        params.namespace()),
                    WorkloadDtos.ref(
                        RpcErrors.required(
                            params.workload(), "cluster/setInjection", "a workload")),
                    params.enabled())));
  }

  @Override
  public CompletableFuture<WorkloadResponse> setTlsOut(SetWorkloadFlagParams params) {
    return calls.async(
        "cluster/setTlsOut",
        cancel ->
            WorkloadDtos.toggled(
                cluster.setTlsOut(
                    cluster.scope(
                        RpcErrors.required(params, "cluster/setTlsOut", "params").context(),
                        params.namespace()),
                    WorkloadDtos.ref(
                        RpcErrors.required(params.workload(), "cluster/setTlsOut", "a workload")),
                    params.enabled())));
  }

  @Override
  public CompletableFuture<ListSecretsResponse> listSecrets(ScopeParams params) {
    return calls.async(
        "cluster/listSecrets", cancel -> ClusterDtos.secrets(cluster.secrets(scope(params))));
  }

  @Override
  public CompletableFuture<ListServicesResponse> listServices(ScopeParams params) {
    return calls.async(
        "cluster/listServices", cancel -> WorkloadDtos.services(cluster.services(scope(params))));
  }

  @Override
  public CompletableFuture<ListEventsResponse> listEvents(ScopeParams params) {
    return calls.async(
        "cluster/listEvents", cancel -> WorkloadDtos.events(cluster.events(scope(params))));
  }

  @Override
  public CompletableFuture<ListReplaysResponse> listReplays(ScopeParams params) {
    return calls.async(
        "cluster/listReplays", cancel -> ClusterDtos.replays(cluster.replays(scope(params))));
  }

  @Override
  public CompletableFuture<DeleteReplayResponse> deleteReplay(DeleteReplayParams params) {
    return calls.async(
        "cluster/deleteReplay",
        cancel ->
            ClusterDtos.deleted(
                cluster.deleteReplay(
                    cluster.scope(
                        RpcErrors.required(params, "cluster/deleteReplay", "params").context(),
                        params.namespace()),
                    RpcErrors.required(params.name(), "cluster/deleteReplay", "a name"))));
  }

  @Override
  public CompletableFuture<WatchResponse> watch(WatchParams params) {
    return calls.async(
        "cluster/watch",
        cancel -> {
          Scope scope =
              cluster.scope(
                  RpcErrors.required(params, "cluster/watch", "params").context(),
                  params.namespace());
          Set<ClusterView> views =
              params.views() == null || params.views().isEmpty()
                  ? EnumSet.noneOf(ClusterView.class)
                  : EnumSet.copyOf(params.views());
          // the replays view is followed only where the cluster knows the resource
          boolean replaysAvailable =
              !views.contains(ClusterView.REPLAYS) || cluster.replaysInstalled(scope);
          cluster.live().watch(scope, LiveDtos.liveViews(views), replaysAvailable);
          return new WatchResponse(scope.context(), scope.namespace(), List.copyOf(views));
        });
  }
}
