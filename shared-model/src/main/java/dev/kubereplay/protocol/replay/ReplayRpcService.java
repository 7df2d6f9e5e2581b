package dev.kubereplay.protocol.replay;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/**
 * The {@code replay/} requests: mocks that answer a snapshot's outbound calls from the recording.
 * Mocks listen on loopback only; several run at once, each on its own port, until stopped or the
 * session ends.
 */
@JsonSegment("replay")
public interface ReplayRpcService {

  /**
   * Starts mocks for a snapshot; what they answer is reported through {@code replay/didMatch}.
   *
   * <p>Fails with {@code SNAPSHOT_NOT_FOUND} for an unknown snapshot; {@code INVALID_PARAMS} for a
   * snapshot with no outbound calls to answer with, an unreadable listen address, timing or
   * settings file; {@code LISTEN_NOT_LOOPBACK} for an address beyond loopback; {@code CONFLICT}
   * when the address is taken.
   */
  @JsonRequest
  CompletableFuture<StartMocksResponse> startMocks(StartMocksParams params);

  /** Stops mocks. Never fails: unknown or stopped mocks answer {@code stopped: false}. */
  @JsonRequest
  CompletableFuture<StopMocksResponse> stopMocks(StopMocksParams params);

  /** The mocks running now, oldest first. Never fails. */
  @JsonRequest
  CompletableFuture<ListMocksResponse> listMocks(ListMocksParams params);
}
