package dev.kubereplay.protocol.traffic;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** The {@code traffic/} notifications of long operations (imports, recordings). */
@JsonSegment("traffic")
public interface TrafficRpcClient {

  /** How far an operation is; sent at most a few times per second. */
  @JsonNotification
  default void didProgress(DidProgressParams params) {}

  /** An import ended: its report, or why nothing was stored. Sent once per import. */
  @JsonNotification
  default void didFinishImport(DidFinishImportParams params) {}

  /** A recording recorded more pairs; sent at most a few times per second per recording. */
  @JsonNotification
  default void didRecord(DidRecordParams params) {}
}
