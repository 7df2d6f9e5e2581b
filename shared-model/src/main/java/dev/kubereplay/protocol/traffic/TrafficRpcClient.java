package dev.kubereplay.protocol.traffic;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** The {@code traffic/} notifications of long operations (imports). */
@JsonSegment("traffic")
public interface TrafficRpcClient {

  /** How far an operation is; sent at most a few times per second. */
  @JsonNotification
  default void didProgress(DidProgressParams params) {}

  /** An import ended: its report, or why nothing was stored. Sent once per import. */
  @JsonNotification
  default void didFinishImport(DidFinishImportParams params) {}
}
