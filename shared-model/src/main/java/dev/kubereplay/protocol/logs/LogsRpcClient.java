package dev.kubereplay.protocol.logs;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** The {@code logs/} notifications of a follow. */
@JsonSegment("logs")
public interface LogsRpcClient {

  /** New lines of a follow, batched. */
  @JsonNotification
  default void didAppend(DidAppendLogsParams params) {}

  /** A follow ended: stopped, or its pods went away. */
  @JsonNotification
  default void didEnd(DidEndLogsParams params) {}
}
