package dev.kubereplay.protocol.replay;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** The {@code replay/} notifications: what running mocks answered. */
@JsonSegment("replay")
public interface ReplayRpcClient {

  /**
   * Requests the mocks answered: each hit with its pair, each miss with the closest recorded calls.
   * Sent in batches, a few times a second at most per mocks.
   */
  @JsonNotification
  default void didMatch(DidMatchParams params) {}
}
