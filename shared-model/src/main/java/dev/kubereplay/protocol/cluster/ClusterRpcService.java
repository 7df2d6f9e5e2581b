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
}
