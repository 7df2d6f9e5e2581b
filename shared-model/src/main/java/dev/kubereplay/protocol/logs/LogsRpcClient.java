package dev.kubereplay.protocol.logs;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/** The {@code logs/} notifications of a follow. */
@JsonSegment("logs")
public interface LogsRpcClient {

  /**
   * New lines of a follow, batched. The server holds at most about 10,000 unsent lines per follow
   * (lines longer than 64K characters are cut, saying so); when a client takes them more slowly
   * than the pods write, the oldest go, and a line of the same pod and container whose text is
   * {@code [kubereplay: N lines dropped here; ...]} stands where they were.
   */
  @JsonNotification
  default void didAppend(DidAppendLogsParams params) {}

  /** A follow ended: stopped, or its pods went away. */
  @JsonNotification
  default void didEnd(DidEndLogsParams params) {}
}
