package dev.kubereplay.protocol.traffic;

import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.jsonrpc.services.JsonRequest;
import org.eclipse.lsp4j.jsonrpc.services.JsonSegment;

/**
 * The {@code traffic/} requests: recordings imported into snapshots of RR pairs, browsed, managed
 * and exported. Snapshots live in the server's SQLite store; credentials are redacted before
 * anything is stored.
 */
@JsonSegment("traffic")
public interface TrafficRpcService {

  /**
   * Starts importing a file (HAR, Postman, kubereplay JSONL, WireMock, Speedscale) into a new
   * snapshot and answers its operation id at once. Progress arrives as {@code traffic/didProgress}
   * (a few per second at most) and the outcome as one {@code traffic/didFinishImport}: the import
   * report, or an error ({@code IMPORT_FAILED} naming the file, the line or entry and the reason —
   * malformed JSON, the wrong format, a truncated or empty file, a body over the limit, an
   * unreadable path; {@code REQUEST_CANCELLED} after {@code traffic/cancel}). A failed or cancelled
   * import leaves no snapshot.
   *
   * <p>The request itself fails with {@link dev.kubereplay.protocol.ErrorCode#INVALID_PARAMS} when
   * {@code path} is missing, the format name is unknown or an outbound host is not a host,
   * host:port or URL (the message names it), and {@link
   * dev.kubereplay.protocol.ErrorCode#SHUTTING_DOWN} after {@code shutdown}.
   */
  @JsonRequest
  CompletableFuture<ImportFileResponse> importFile(ImportFileParams params);

  /**
   * Cancels a running operation; nothing of it is stored. Never fails: an unknown or finished
   * operation answers {@code cancelled: false}.
   */
  @JsonRequest
  CompletableFuture<CancelResponse> cancel(CancelParams params);

  /** Every snapshot, newest first. Fails with {@code STORE_FAILED} when the store is unusable. */
  @JsonRequest
  CompletableFuture<ListSnapshotsResponse> listSnapshots(ListSnapshotsParams params);

  /**
   * A snapshot's hosts, each with its endpoints (method + path template) and their counts,
   * latencies and latency histogram. Fails with {@code SNAPSHOT_NOT_FOUND}, {@code INVALID_PARAMS}
   * without a snapshot id.
   */
  @JsonRequest
  CompletableFuture<ListEndpointsResponse> listEndpoints(SnapshotParams params);

  /**
   * A page of a snapshot's pairs, optionally of one host and one endpoint. Fails with {@code
   * SNAPSHOT_NOT_FOUND}, and {@code INVALID_PARAMS} for a limit outside 1..1000 or a negative
   * offset.
   */
  @JsonRequest
  CompletableFuture<ListPairsResponse> listPairs(ListPairsParams params);

  /**
   * One pair: request and response with headers and bodies. Fails with {@code SNAPSHOT_NOT_FOUND}
   * or {@code PAIR_NOT_FOUND}.
   */
  @JsonRequest
  CompletableFuture<GetPairResponse> getPair(GetPairParams params);

  /**
   * Renames a snapshot. Fails with {@code SNAPSHOT_NOT_FOUND}, {@code INVALID_PARAMS} for an empty
   * name.
   */
  @JsonRequest
  CompletableFuture<SnapshotResponse> renameSnapshot(RenameSnapshotParams params);

  /**
   * Deletes a snapshot and its pairs. Fails with {@code INVALID_PARAMS} without an id, {@link
   * dev.kubereplay.protocol.ErrorCode#CONFLICT} while it is {@code RECORDING} (stop the recording
   * first); a snapshot that is already gone answers {@code deleted: false}.
   */
  @JsonRequest
  CompletableFuture<DeleteSnapshotResponse> deleteSnapshot(SnapshotParams params);

  /**
   * Makes every pair of a host, or of one of its endpoints (a path template, and a method unless
   * absent), {@code IN} (replayed as tests) or {@code OUT} (served as mocks). Fails with {@code
   * SNAPSHOT_NOT_FOUND}, {@code INVALID_PARAMS} without a host or direction, with a host that is
   * not one, a path template that does not start with {@code /}, or a method without a path.
   */
  @JsonRequest
  CompletableFuture<ReclassifyResponse> reclassify(ReclassifyParams params);

  /**
   * Writes a snapshot to a file as {@code jsonl} (lossless: importing it gives the same pairs byte
   * for byte) or {@code har}. The file appears whole or not at all. Fails with {@code
   * SNAPSHOT_NOT_FOUND}, {@code INVALID_PARAMS} for an unknown format, {@code EXPORT_FAILED} when
   * the file cannot be written.
   */
  @JsonRequest
  CompletableFuture<ExportSnapshotResponse> exportSnapshot(ExportSnapshotParams params);

  /**
   * Starts a desktop recording: an HTTP proxy on {@code listen} that forwards to {@code upstream}
   * (or, with {@code forward}, to the host each request names) and records every exchange,
   * redacted, into a new snapshot. Progress arrives as {@code traffic/didRecord}. The snapshot is
   * listed from the start in state {@code RECORDING}, its pairs committed about once a second (its
   * counts grow; it can be browsed, renamed and exported meanwhile, and other snapshots imported,
   * renamed and deleted). A server that dies first leaves it {@code INTERRUPTED} with what was
   * committed. Recordings still running when the session shuts down are stopped and sealed.
   *
   * <p>The proxy listens on loopback only: anyone who reaches a forward proxy reaches the user's
   * network through it, so a protocol request never binds beyond this machine.
   *
   * <p>Fails with {@link dev.kubereplay.protocol.ErrorCode#INVALID_PARAMS} for a missing or
   * malformed {@code listen} or {@code upstream} (or an upstream in forward mode), {@link
   * dev.kubereplay.protocol.ErrorCode#LISTEN_NOT_LOOPBACK} for a {@code listen} host that is not
   * loopback (e.g. {@code 0.0.0.0}; the subject names it), {@link
   * dev.kubereplay.protocol.ErrorCode#CONFLICT} when the listen address is in use (the message and
   * subject name it), {@code STORE_FAILED} when the store is unusable, and {@link
   * dev.kubereplay.protocol.ErrorCode#SHUTTING_DOWN} after {@code shutdown}.
   */
  @JsonRequest
  CompletableFuture<StartRecordingResponse> startRecording(StartRecordingParams params);

  /**
   * Stops a recording: waits for the exchanges in flight, then seals its snapshot ({@code
   * COMPLETE}, counts and time span final) and answers it. Stopping a stopped recording answers the
   * same snapshot again. Fails with {@link dev.kubereplay.protocol.ErrorCode#NOT_FOUND} for an
   * unknown recording id, {@code INVALID_PARAMS} without one, {@code STORE_FAILED} when the rest of
   * the snapshot cannot be written (it keeps what was committed).
   */
  @JsonRequest
  CompletableFuture<SnapshotResponse> stopRecording(StopRecordingParams params);
}
