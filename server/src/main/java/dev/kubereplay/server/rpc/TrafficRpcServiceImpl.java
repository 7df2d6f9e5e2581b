package dev.kubereplay.server.rpc;

import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.ErrorDataDto;
import dev.kubereplay.protocol.traffic.CancelParams;
import dev.kubereplay.protocol.traffic.CancelResponse;
import dev.kubereplay.protocol.traffic.DeleteSnapshotResponse;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.DidProgressParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotResponse;
import dev.kubereplay.protocol.traffic.GetPairParams;
import dev.kubereplay.protocol.traffic.GetPairResponse;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import dev.kubereplay.protocol.traffic.ImportFileResponse;
import dev.kubereplay.protocol.traffic.ListEndpointsResponse;
import dev.kubereplay.protocol.traffic.ListPairsParams;
import dev.kubereplay.protocol.traffic.ListPairsResponse;
import dev.kubereplay.protocol.traffic.ListSnapshotsParams;
import dev.kubereplay.protocol.traffic.ListSnapshotsResponse;
import dev.kubereplay.protocol.traffic.OperationErrorDto;
import dev.kubereplay.protocol.traffic.ReclassifyParams;
import dev.kubereplay.protocol.traffic.ReclassifyResponse;
import dev.kubereplay.protocol.traffic.RenameSnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotResponse;
import dev.kubereplay.protocol.traffic.StartRecordingParams;
import dev.kubereplay.protocol.traffic.StartRecordingResponse;
import dev.kubereplay.protocol.traffic.StopRecordingParams;
import dev.kubereplay.protocol.traffic.TrafficRpcClient;
import dev.kubereplay.protocol.traffic.TrafficRpcService;
import dev.kubereplay.server.http.ListenAddress;
import dev.kubereplay.server.traffic.ImportReport;
import dev.kubereplay.server.traffic.ImportRequest;
import dev.kubereplay.server.traffic.PairQuery;
import dev.kubereplay.server.traffic.Reclassified;
import dev.kubereplay.server.traffic.TrafficException;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.record.Recording;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;

/**
 * {@code traffic/...}: unpacks parameters, calls the traffic service, packs the answer. Imports run
 * on the executor, never on lsp4j's reader thread, and report through notifications.
 */
final class TrafficRpcServiceImpl implements TrafficRpcService, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(TrafficRpcServiceImpl.class.getName());
  private static final int MAX_PAGE = 1000;

  private final RpcCalls calls;
  private final Supplier<TrafficService> traffic;
  private final ExecutorService executor;
  private final Supplier<TrafficRpcClient> client;
  private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

  /** Running recordings, and stopped ones so that stopping again answers their snapshot. */
  private final Map<String, Recording> recordings = new ConcurrentHashMap<>();

  private final AtomicInteger operations = new AtomicInteger();
  private volatile boolean closed;

  TrafficRpcServiceImpl(
      RpcCalls calls,
      Supplier<TrafficService> traffic,
      ExecutorService executor,
      Supplier<TrafficRpcClient> client) {
    this.calls = calls;
    this.traffic = traffic;
    this.executor = executor;
    this.client = client;
  }

  @Override
  public CompletableFuture<ImportFileResponse> importFile(ImportFileParams params) {
    return calls.async(
        "traffic/importFile",
        cancel -> {
          if (closed) {
            throw RpcErrors.of(ErrorCode.SHUTTING_DOWN, "the server is shutting down", null);
          }
          RpcErrors.required(params, "traffic/importFile", "params");
          RpcErrors.required(params.path(), "traffic/importFile", "a path");
          TrafficService service = traffic.get();
          if (params.format() != null && service.formats().byName(params.format()).isEmpty()) {
            throw RpcErrors.of(
                ErrorCode.INVALID_PARAMS,
                "unknown format '"
                    + params.format()
                    + "'; known: "
                    + String.join(", ", service.formats().importNames()),
                params.format());
          }
          ImportRequest request =
              new ImportRequest(
                  Path.of(params.path()),
                  params.format(),
                  params.name(),
                  params.outboundHosts() == null
                      ? java.util.Set.of()
                      : new HashSet<>(params.outboundHosts()),
                  params.maxBodyBytes() == null ? 0 : params.maxBodyBytes(),
                  params.redactKeys(),
                  params.environmentPath() == null ? null : Path.of(params.environmentPath()));
          String operationId = "import-" + operations.incrementAndGet();
          AtomicBoolean cancelled = new AtomicBoolean();
          running.put(operationId, cancelled);
          executor.execute(() -> runImport(service, operationId, request, cancelled));
          return new ImportFileResponse(operationId);
        });
  }

  private void runImport(
      TrafficService service, String operationId, ImportRequest request, AtomicBoolean cancelled) {
    TrafficRpcClient notify = client.get();
    DidFinishImportParams finish;
    try {
      ImportReport report =
          service.importFile(
              request,
              (done, total, message) ->
                  notify.didProgress(new DidProgressParams(operationId, done, total, message)),
              cancelled::get);
      finish = new DidFinishImportParams(operationId, TrafficDtos.report(report), null);
    } catch (RuntimeException failure) {
      ResponseErrorException error = RpcErrors.translate(failure);
      ErrorCode code = ErrorCode.fromCode(error.getResponseError().getCode());
      if (code == ErrorCode.INTERNAL_ERROR) {
        LOG.log(Level.WARNING, "import " + operationId + " failed", failure);
      } else {
        LOG.info("import " + operationId + ": " + error.getMessage());
      }
      Object data = error.getResponseError().getData();
      String subject = data instanceof ErrorDataDto dto ? dto.subject() : null;
      finish =
          new DidFinishImportParams(
              operationId, null, new OperationErrorDto(code, error.getMessage(), subject));
    } finally {
      running.remove(operationId);
    }
    notify.didFinishImport(finish);
  }

  @Override
  public CompletableFuture<CancelResponse> cancel(CancelParams params) {
    return calls.async(
        "traffic/cancel",
        cancel -> {
          AtomicBoolean flag =
              params == null || params.operationId() == null
                  ? null
                  : running.get(params.operationId());
          return new CancelResponse(flag != null && !flag.getAndSet(true));
        });
  }

  @Override
  public CompletableFuture<ListSnapshotsResponse> listSnapshots(ListSnapshotsParams params) {
    return calls.async(
        "traffic/listSnapshots",
        cancel ->
            new ListSnapshotsResponse(
                traffic.get().snapshots().stream().map(TrafficDtos::snapshot).toList()));
  }

  @Override
  public CompletableFuture<ListEndpointsResponse> listEndpoints(SnapshotParams params) {
    return calls.async(
        "traffic/listEndpoints",
        cancel -> {
          String id =
              snapshotId("traffic/listEndpoints", params == null ? null : params.snapshotId());
          TrafficService service = traffic.get();
          return new ListEndpointsResponse(
              TrafficDtos.snapshot(service.snapshot(id)), TrafficDtos.hosts(service.endpoints(id)));
        });
  }

  @Override
  public CompletableFuture<ListPairsResponse> listPairs(ListPairsParams params) {
    return calls.async(
        "traffic/listPairs",
        cancel -> {
          RpcErrors.required(params, "traffic/listPairs", "params");
          String id = snapshotId("traffic/listPairs", params.snapshotId());
          if (params.limit() < 1 || params.limit() > MAX_PAGE || params.offset() < 0) {
            throw RpcErrors.of(
                ErrorCode.INVALID_PARAMS,
                "traffic/listPairs needs a limit from 1 to " + MAX_PAGE + " and an offset >= 0",
                null);
          }
          TrafficService.Page page =
              traffic
                  .get()
                  .pairs(
                      new PairQuery(
                          id,
                          params.host(),
                          params.method(),
                          params.pathTemplate(),
                          params.offset(),
                          params.limit()));
          return new ListPairsResponse(
              page.pairs().stream().map(TrafficDtos::summary).toList(), page.total());
        });
  }

  @Override
  public CompletableFuture<GetPairResponse> getPair(GetPairParams params) {
    return calls.async(
        "traffic/getPair",
        cancel -> {
          RpcErrors.required(params, "traffic/getPair", "params");
          String id = snapshotId("traffic/getPair", params.snapshotId());
          return new GetPairResponse(TrafficDtos.pair(traffic.get().pair(id, params.pairId())));
        });
  }

  @Override
  public CompletableFuture<SnapshotResponse> renameSnapshot(RenameSnapshotParams params) {
    return calls.async(
        "traffic/renameSnapshot",
        cancel -> {
          RpcErrors.required(params, "traffic/renameSnapshot", "params");
          String id = snapshotId("traffic/renameSnapshot", params.snapshotId());
          return new SnapshotResponse(
              TrafficDtos.snapshot(traffic.get().rename(id, params.name())));
        });
  }

  @Override
  public CompletableFuture<DeleteSnapshotResponse> deleteSnapshot(SnapshotParams params) {
    return calls.async(
        "traffic/deleteSnapshot",
        cancel ->
            new DeleteSnapshotResponse(
                traffic
                    .get()
                    .delete(
                        snapshotId(
                            "traffic/deleteSnapshot",
                            params == null ? null : params.snapshotId()))));
  }

  @Override
  public CompletableFuture<ReclassifyResponse> reclassify(ReclassifyParams params) {
    return calls.async(
        "traffic/reclassify",
        cancel -> {
          RpcErrors.required(params, "traffic/reclassify", "params");
          String id = snapshotId("traffic/reclassify", params.snapshotId());
          RpcErrors.required(params.host(), "traffic/reclassify", "a host");
          RpcErrors.required(params.direction(), "traffic/reclassify", "a direction (IN or OUT)");
          Reclassified result =
              traffic
                  .get()
                  .reclassify(
                      id,
                      params.host(),
                      params.method(),
                      params.pathTemplate(),
                      Direction.valueOf(params.direction().name()));
          return new ReclassifyResponse(result.changed(), TrafficDtos.snapshot(result.snapshot()));
        });
  }

  @Override
  public CompletableFuture<ExportSnapshotResponse> exportSnapshot(ExportSnapshotParams params) {
    return calls.async(
        "traffic/exportSnapshot",
        cancel -> {
          RpcErrors.required(params, "traffic/exportSnapshot", "params");
          String id = snapshotId("traffic/exportSnapshot", params.snapshotId());
          RpcErrors.required(params.format(), "traffic/exportSnapshot", "a format (jsonl or har)");
          RpcErrors.required(params.path(), "traffic/exportSnapshot", "a path");
          // $/cancelRequest stops the export between pairs and removes the partial file; once the
          // file is being moved into place it is refused, and the client is told it was written.
          TrafficService.ExportResult result =
              traffic
                  .get()
                  .export(
                      id,
                      params.format(),
                      Path.of(params.path()),
                      cancel,
                      TrafficService.ExportListener.NONE);
          return new ExportSnapshotResponse(
              result.path().toString(), result.pairs(), result.bytes());
        });
  }

  @Override
  public CompletableFuture<StartRecordingResponse> startRecording(StartRecordingParams params) {
    return calls.async(
        "traffic/startRecording",
        cancel -> {
          if (closed) {
            throw RpcErrors.of(ErrorCode.SHUTTING_DOWN, "the server is shutting down", null);
          }
          RpcErrors.required(params, "traffic/startRecording", "params");
          RpcErrors.required(params.listen(), "traffic/startRecording", "a listen address");
          String recordingId = "recording-" + operations.incrementAndGet();
          RecordNotifier notifier = new RecordNotifier(executor, client);
          notifier.recordingId(recordingId);
          Recording recording =
              traffic
                  .get()
                  .record(
                      recordingId,
                      params.listen(),
                      params.upstream(),
                      params.forward(),
                      params.name(),
                      params.redactKeys(),
                      notifier,
                      false); // over the protocol, never beyond loopback
          recordings.put(recordingId, recording);
          if (closed) {
            recording.stop(); // shutdown raced this start: seal it with the others
          }
          return new StartRecordingResponse(
              recordingId, ListenAddress.format(recording.address()), recording.snapshotId());
        });
  }

  @Override
  public CompletableFuture<SnapshotResponse> stopRecording(StopRecordingParams params) {
    return calls.async(
        "traffic/stopRecording",
        cancel -> {
          RpcErrors.required(params, "traffic/stopRecording", "params");
          String id =
              RpcErrors.required(params.recordingId(), "traffic/stopRecording", "a recordingId");
          Recording recording = recordings.get(id);
          if (recording == null) {
            throw new TrafficException(
                TrafficException.Reason.RECORDING_NOT_FOUND, id, "no recording '" + id + "'");
          }
          return new SnapshotResponse(TrafficDtos.snapshot(recording.stop()));
        });
  }

  private static String snapshotId(String method, String id) {
    return RpcErrors.required(id, method, "a snapshotId");
  }

  /** Cancels every running import (they roll back and report); stops and seals recordings. */
  @Override
  public void close() {
    closed = true;
    running.values().forEach(flag -> flag.set(true));
    for (Recording recording : recordings.values()) {
      try {
        recording.stop();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "recording " + recording.id() + " could not be sealed", e);
        recording.discard();
      }
    }
  }
}
