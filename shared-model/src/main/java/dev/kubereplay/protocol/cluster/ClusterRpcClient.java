package dev.kubereplay.protocol.cluster;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** The {@code cluster/} notifications the server sends to its client. */
@JsonSegment("cluster")
public interface ClusterRpcClient {

  /**
   * Something the client shows has changed; it should ask again. Sent coalesced, at most a few
   * times per second.
   */
  @JsonNotification
  default void didChange(DidChangeClusterParams params) {}
}
