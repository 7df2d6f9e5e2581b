package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.cluster.ClusterRpcService;
import dev.kubereplay.protocol.cluster.ListContextsParams;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
import dev.kubereplay.server.cluster.KubeconfigLoader;
import java.util.concurrent.CompletableFuture;

/** {@code cluster/...}: unpacks parameters, calls the cluster domain, packs the answer. */
final class ClusterRpcServiceImpl implements ClusterRpcService {

  private final RpcCalls calls;
  private final KubeconfigLoader kubeconfig;

  ClusterRpcServiceImpl(RpcCalls calls, KubeconfigLoader kubeconfig) {
    this.calls = calls;
    this.kubeconfig = kubeconfig;
  }

  @Override
  public CompletableFuture<ListContextsResponse> listContexts(ListContextsParams params) {
    return calls.async("cluster/listContexts", cancel -> ClusterDtos.contexts(kubeconfig.load()));
  }
}
