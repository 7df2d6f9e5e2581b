package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.CancelParams;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.DidProgressParams;
import dev.kubereplay.protocol.traffic.DidRecordParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotResponse;
import dev.kubereplay.protocol.traffic.GetPairParams;
import dev.kubereplay.protocol.traffic.HostEndpointsDto;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import dev.kubereplay.protocol.traffic.ListEndpointsResponse;
import dev.kubereplay.protocol.traffic.ListSnapshotsParams;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.ReclassifyParams;
import dev.kubereplay.protocol.traffic.RenameSnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.SnapshotParams;
import dev.kubereplay.protocol.traffic.StartRecordingParams;
import dev.kubereplay.protocol.traffic.StopRecordingParams;
import dev.kubereplay.protocol.traffic.TrafficRpcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * The Recordings view without Swing: snapshots from {@code traffic/listSnapshots}, a snapshot's
 * hosts and endpoints when it is opened ({@code traffic/listEndpoints}), an endpoint's pairs when
 * it is opened ({@code traffic/listPairs}), the selected pair's document ({@code traffic/getPair}),
 * and one import at a time with its progress and report from the {@code traffic/} notifications.
 * State changes happen on one model thread; listeners are told after each.
 */
public final class RecordingsModel implements TrafficRpcClient {

  /** Pairs asked for per endpoint. */
  public static final int PAIR_PAGE = 200;

  /** The most pairs {@code traffic/listPairs} answers at once. */
  static final int MAX_PAGE = 1000;

  private final ServerCalls server;
  private final Executor modelThread;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  // Written on the model thread only.
  private volatile List<SnapshotDto> snapshots;
  private volatile String snapshotsError;
  private final Map<String, Object> endpoints = new ConcurrentHashMap<>(); // response or error
  private final Map<EndpointRef, Object> pairs = new ConcurrentHashMap<>(); // page or error
  private volatile ImportRun importRun;
  private volatile DesktopRecording recording;
  private volatile String document = "";
  private volatile String status = "";
  private long documentRequest;
  private final Map<String, List<Object>> early = new ConcurrentHashMap<>();

  public RecordingsModel(ServerCalls server, Executor modelThread) {
    this.server = server;
    this.modelThread = modelThread;
  }

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  // ---- reading

  /** The tree as known now. */
  public RecordingNode tree() {
    return new RecordingTree(endpoints, pairs).root(snapshots, snapshotsError);
  }

  public ImportRun importRun() {
    return importRun;
  }

  /** The selected pair as text, or empty. */
  public String document() {
    return document;
  }

  /** What the last action did, or why it failed. */
  public String status() {
    return status;
  }

  public SnapshotDto snapshot(String id) {
    List<SnapshotDto> known = snapshots;
    return known == null
        ? null
        : known.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
  }

  // ---- loading

  /** Snapshots again, and what was opened under them. */
  public void refresh() {
    modelThread.execute(
        () -> {
          endpoints.clear();
          pairs.clear();
          loadSnapshots();
        });
  }

  private void loadSnapshots() {
    server
        .call(s -> s.getTrafficService().listSnapshots(new ListSnapshotsParams()))
        .whenCompleteAsync(
            (answer, failure) -> {
              if (failure != null) {
                snapshotsError = "Could not list snapshots: " + RpcFailure.of(failure).message();
              } else {
                snapshotsError = null;
                snapshots = List.copyOf(answer.snapshots());
              }
              changed();
            },
            modelThread);
  }

  /** A snapshot was opened: its hosts and endpoints, unless known. */
  public void openSnapshot(String snapshotId) {
    modelThread.execute(
        () -> {
          if (endpoints.containsKey(snapshotId)) {
            return;
          }
          endpoints.put(snapshotId, Boolean.TRUE); // asked
          server
              .call(s -> s.getTrafficService().listEndpoints(new SnapshotParams(snapshotId)))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    endpoints.put(
                        snapshotId,
                        failure != null ? RpcFailure.of(failure).message() : (Object) answer);
                    changed();
                  },
                  modelThread);
        });
  }

  /** An endpoint was opened: its first page of pairs, unless known. */
  public void openEndpoint(String snapshotId, String host, String method, String pathTemplate) {
    EndpointRef ref = new EndpointRef(snapshotId, host, method, pathTemplate);
    modelThread.execute(
        () -> {
          if (pairs.containsKey(ref)) {
            return;
          }
          pairs.put(ref, Boolean.TRUE);
          loadFirstPage(ref, PAIR_PAGE);
        });
  }

  private void loadFirstPage(EndpointRef ref, int limit) {
    server
        .call(s -> s.getTrafficService().listPairs(ref.page(0, limit)))
        .whenCompleteAsync(
            (answer, failure) -> {
              pairs.put(
                  ref,
                  failure != null
                      ? RpcFailure.of(failure).message()
                      : (Object) PairPage.of(answer));
              changed();
            },
            modelThread);
  }

  /** Whether the endpoint shows fewer pairs than it has, and no next page is on its way. */
  public boolean canLoadMore(String snapshotId, String host, String method, String pathTemplate) {
    return pairs.get(new EndpointRef(snapshotId, host, method, pathTemplate)) instanceof PairPage p
        && p.hasMore()
        && !p.loadingMore();
  }

  /**
   * "Load more" was activated: the endpoint's next page, from where the shown pairs end, appended.
   * Ignored while a page is on its way or when all are shown.
   */
  public void loadMore(String snapshotId, String host, String method, String pathTemplate) {
    EndpointRef ref = new EndpointRef(snapshotId, host, method, pathTemplate);
    modelThread.execute(
        () -> {
          if (!(pairs.get(ref) instanceof PairPage shown)
              || shown.loadingMore()
              || !shown.hasMore()) {
            return;
          }
          PairPage loading = shown.loading();
          pairs.put(ref, loading);
          changed();
          server
              .call(s -> s.getTrafficService().listPairs(ref.page(shown.pairs().size(), PAIR_PAGE)))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    if (pairs.get(ref) != loading) {
                      return; // refreshed meanwhile: the first page is being loaded again
                    }
                    pairs.put(
                        ref,
                        failure != null
                            ? loading.failed(RpcFailure.of(failure).message())
                            : loading.appended(answer));
                    changed();
                  },
                  modelThread);
        });
  }

  /** A pair was selected: its document. Anything else selected: none. */
  public void select(@Nullable RecordingNode node) {
    modelThread.execute(
        () -> {
          long request = ++documentRequest;
          if (node == null || node.kind() != RecordingNode.Kind.PAIR) {
            document = "";
            changed();
            return;
          }
          document = "Loading…";
          changed();
          server
              .call(
                  s ->
                      s.getTrafficService()
                          .getPair(new GetPairParams(node.snapshotId(), node.pairId())))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    if (request != documentRequest) {
                      return; // another row was selected meanwhile
                    }
                    document =
                        failure != null
                            ? "Could not load the pair: " + RpcFailure.of(failure).message()
                            : RecordingText.document(answer.pair());
                    changed();
                  },
                  modelThread);
        });
  }

  // ---- import

  /** Starts importing {@code path} with the default options. */
  public CompletableFuture<Void> importFile(String path) {
    return importFile(ImportOptions.defaults(path));
  }

  /** Starts an import; progress and the report arrive as notifications. */
  public CompletableFuture<Void> importFile(ImportOptions options) {
    String path = options.path();
    CompletableFuture<Void> sent = new CompletableFuture<>();
    modelThread.execute(
        () -> {
          ImportRun current = importRun;
          if (current != null && current.phase().running()) {
            status = "An import is running already";
            changed();
            sent.complete(null);
            return;
          }
          importRun = ImportRun.starting(path);
          changed();
          ImportFileParams params = options.params();
          server
              .call(s -> s.getTrafficService().importFile(params))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    ImportRun run = importRun;
                    if (failure != null) {
                      importRun = run.failed(null, RpcFailure.of(failure).message(), false);
                    } else {
                      importRun = run.started(answer.operationId());
                      if (run.phase() == ImportRun.Phase.CANCELLING) {
                        importRun = importRun.cancelling();
                        sendCancel(answer.operationId());
                      }
                      List<Object> overtaken = early.remove(answer.operationId());
                      if (overtaken != null) {
                        overtaken.forEach(this::apply);
                      }
                    }
                    early.clear();
                    changed();
                    sent.complete(null);
                  },
                  modelThread);
        });
    return sent;
  }

  /** Cancel: {@code traffic/cancel} of the running import. */
  public void cancelImport() {
    modelThread.execute(
        () -> {
          ImportRun run = importRun;
          if (run == null || !run.phase().running() || run.phase() == ImportRun.Phase.CANCELLING) {
            return;
          }
          importRun = run.cancelling();
          if (run.operationId() != null) {
            sendCancel(run.operationId());
          } // else: sent when the operation id arrives
          changed();
        });
  }

  private void sendCancel(String operationId) {
    server
        .call(s -> s.getTrafficService().cancel(new CancelParams(operationId)))
        .whenCompleteAsync(
            (answer, failure) -> {
              if (failure != null) {
                status = "Could not cancel the import: " + RpcFailure.of(failure).message();
                changed();
              }
            },
            modelThread);
  }

  /** Hides a finished import's report. */
  public void dismissImport() {
    modelThread.execute(
        () -> {
          ImportRun run = importRun;
          if (run != null && !run.phase().running()) {
            importRun = null;
            changed();
          }
        });
  }

  @Override
  public void didProgress(DidProgressParams params) {
    modelThread.execute(() -> take(params.operationId(), params));
  }

  @Override
  public void didFinishImport(DidFinishImportParams params) {
    modelThread.execute(() -> take(params.operationId(), params));
  }

  private void take(String operationId, Object notification) {
    ImportRun run = importRun;
    if (run == null) {
      return;
    }
    if (run.operationId() == null && run.phase().running()) {
      // The notification overtook the answer to traffic/importFile.
      early.computeIfAbsent(operationId, id -> new ArrayList<>()).add(notification);
      return;
    }
    if (operationId.equals(run.operationId())) {
      apply(notification);
      changed();
    }
  }

  private void apply(Object notification) {
    ImportRun run = importRun;
    if (!run.phase().running()) {
      return;
    }
    if (notification instanceof DidProgressParams progress) {
      importRun = run.progress(progress);
    } else if (notification instanceof DidFinishImportParams finish) {
      if (finish.report() != null) {
        importRun = run.finished(finish.report());
        status = "Imported \"" + finish.report().snapshot().name() + "\"";
        loadSnapshots();
      } else {
        boolean cancelled =
            finish.error() != null && finish.error().code() == ErrorCode.REQUEST_CANCELLED;
        importRun = run.failed(finish.error(), "the import failed", cancelled);
      }
    }
  }

  /** The server stopped: a running import ended with it. */
  public void serverStopped() {
    modelThread.execute(
        () -> {
          ImportRun run = importRun;
          if (run != null && run.phase().running()) {
            importRun = run.failed(null, "the kubereplay server stopped", false);
          }
          DesktopRecording rec = recording;
          if (rec != null && rec.phase().running()) {
            recording =
                rec.with(
                    DesktopRecording.Phase.FAILED,
                    "The kubereplay server stopped: the recording was lost");
          }
          changed();
        });
  }

  // ---- desktop recording

  public DesktopRecording recording() {
    return recording;
  }

  /** Starts a recording proxy on {@code listen}: reverse to {@code upstream}, or forward (null). */
  public CompletableFuture<Void> startRecording(String listen, String upstream, String name) {
    CompletableFuture<Void> sent = new CompletableFuture<>();
    modelThread.execute(
        () -> {
          DesktopRecording current = recording;
          if (current != null && current.phase().running()) {
            sent.complete(null);
            return;
          }
          recording =
              new DesktopRecording(
                  DesktopRecording.Phase.STARTING, null, listen, upstream, 0, "", "");
          changed();
          StartRecordingParams params =
              new StartRecordingParams(listen, upstream, upstream == null, name);
          server
              .call(s -> s.getTrafficService().startRecording(params))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    DesktopRecording run = recording;
                    recording =
                        failure != null
                            ? run.with(
                                DesktopRecording.Phase.FAILED,
                                "Could not start recording on "
                                    + listen
                                    + ": "
                                    + RpcFailure.of(failure).message())
                            : new DesktopRecording(
                                DesktopRecording.Phase.RECORDING,
                                answer.recordingId(),
                                answer.address(),
                                upstream,
                                0,
                                "",
                                "");
                    if (failure == null) {
                      loadSnapshots(); // the new snapshot, being recorded
                    }
                    changed();
                    sent.complete(null);
                  },
                  modelThread);
        });
    return sent;
  }

  /** Stop: {@code traffic/stopRecording}; the sealed snapshot is listed. */
  public CompletableFuture<Void> stopRecording() {
    CompletableFuture<Void> done = new CompletableFuture<>();
    modelThread.execute(
        () -> {
          DesktopRecording run = recording;
          if (run == null
              || run.phase() != DesktopRecording.Phase.RECORDING
              || run.recordingId() == null) {
            done.complete(null);
            return;
          }
          recording = run.with(DesktopRecording.Phase.STOPPING, "");
          changed();
          server
              .call(
                  s ->
                      s.getTrafficService()
                          .stopRecording(new StopRecordingParams(run.recordingId())))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    DesktopRecording now = recording;
                    if (failure != null) {
                      recording =
                          now.with(
                              DesktopRecording.Phase.FAILED,
                              "Could not stop the recording: " + RpcFailure.of(failure).message());
                    } else {
                      SnapshotDto s = answer.snapshot();
                      recording =
                          now.with(
                              DesktopRecording.Phase.STOPPED,
                              "Recorded "
                                  + RecordingText.count(s.inCount() + s.outCount())
                                  + " pairs into \""
                                  + s.name()
                                  + "\"");
                      loadSnapshots();
                    }
                    changed();
                    done.complete(null);
                  },
                  modelThread);
        });
    return done;
  }

  @Override
  public void didRecord(DidRecordParams params) {
    modelThread.execute(
        () -> {
          DesktopRecording run = recording;
          if (run != null
              && run.phase().running()
              && params.recordingId().equals(run.recordingId())) {
            recording =
                new DesktopRecording(
                    run.phase(),
                    run.recordingId(),
                    run.listen(),
                    run.upstream(),
                    params.pairs(),
                    params.lastRequest() == null ? "" : params.lastRequest(),
                    "");
            changed();
          }
        });
  }

  // ---- managing

  /** A host as its opened snapshot lists it, or null when not known. */
  public HostEndpointsDto host(String snapshotId, String host) {
    return endpoints.get(snapshotId) instanceof ListEndpointsResponse r
        ? r.hosts().stream().filter(h -> h.host().equals(host)).findFirst().orElse(null)
        : null;
  }

  /**
   * {@code traffic/reclassify}: every pair of {@code host} becomes {@code direction}. The
   * snapshot's counts, its endpoints and the host's opened pairs load again; done when they have.
   */
  public CompletableFuture<Void> reclassify(
      String snapshotId, String host, PairDirection direction) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    ReclassifyParams params = new ReclassifyParams(snapshotId, host, direction);
    server
        .call(s -> s.getTrafficService().reclassify(params))
        .whenCompleteAsync(
            (answer, failure) -> {
              if (failure != null) {
                status =
                    "Could not mark "
                        + host
                        + " as "
                        + RecordingText.directionName(direction)
                        + ": "
                        + RpcFailure.of(failure).message();
                changed();
                done.complete(null);
                return;
              }
              status = RecordingText.reclassified(host, direction, answer.changed());
              replace(answer.snapshot());
              changed();
              reload(snapshotId, host).whenComplete((ignored, error) -> done.complete(null));
            },
            modelThread);
    return done;
  }

  private void replace(SnapshotDto changed) {
    List<SnapshotDto> known = snapshots;
    if (known != null) {
      snapshots = known.stream().map(s -> s.id().equals(changed.id()) ? changed : s).toList();
    }
  }

  /** The snapshot's endpoints and the host's pairs again, as far as they were opened. */
  private CompletableFuture<Void> reload(String snapshotId, String host) {
    List<CompletableFuture<?>> loads = new ArrayList<>();
    if (endpoints.containsKey(snapshotId)) {
      loads.add(
          server
              .call(s -> s.getTrafficService().listEndpoints(new SnapshotParams(snapshotId)))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    if (endpoints.containsKey(snapshotId)) {
                      endpoints.put(
                          snapshotId,
                          failure != null ? RpcFailure.of(failure).message() : (Object) answer);
                      changed();
                    }
                  },
                  modelThread));
    }
    pairs.forEach(
        (ref, shown) -> {
          if (ref.snapshotId().equals(snapshotId)
              && ref.host().equals(host)
              && shown instanceof PairPage page) {
            // As many as were shown, so that what the user paged through stays.
            int limit = (int) Math.min(MAX_PAGE, Math.max(PAIR_PAGE, page.pairs().size()));
            loads.add(
                server
                    .call(s -> s.getTrafficService().listPairs(ref.page(0, limit)))
                    .whenCompleteAsync(
                        (answer, failure) -> {
                          if (pairs.containsKey(ref)) {
                            pairs.put(
                                ref,
                                failure != null
                                    ? RpcFailure.of(failure).message()
                                    : (Object) PairPage.of(answer));
                            changed();
                          }
                        },
                        modelThread));
          }
        });
    return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new));
  }

  public CompletableFuture<Void> rename(String snapshotId, String name) {
    return act(
        server.call(
            s -> s.getTrafficService().renameSnapshot(new RenameSnapshotParams(snapshotId, name))),
        answer -> "Renamed to \"" + answer.snapshot().name() + "\"",
        "Could not rename the snapshot",
        true);
  }

  public CompletableFuture<Void> delete(String snapshotId) {
    SnapshotDto known = snapshot(snapshotId);
    String name = known == null ? snapshotId : known.name();
    return act(
        server.call(s -> s.getTrafficService().deleteSnapshot(new SnapshotParams(snapshotId))),
        answer ->
            answer.deleted() ? "Deleted \"" + name + "\"" : "\"" + name + "\" was gone already",
        "Could not delete \"" + name + "\"",
        true);
  }

  public CompletableFuture<Void> export(String snapshotId, String format, String path) {
    return act(
        server.call(
            s ->
                s.getTrafficService()
                    .exportSnapshot(new ExportSnapshotParams(snapshotId, format, path))),
        (ExportSnapshotResponse answer) ->
            "Exported "
                + RecordingText.count(answer.pairs())
                + " pairs ("
                + RecordingText.count(answer.bytes())
                + " bytes) to "
                + answer.path(),
        "Could not export",
        false);
  }

  private <T> CompletableFuture<Void> act(
      CompletableFuture<T> request,
      java.util.function.Function<T, String> said,
      String failed,
      boolean reload) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    request.whenCompleteAsync(
        (answer, failure) -> {
          status =
              failure != null
                  ? failed + ": " + RpcFailure.of(failure).message()
                  : said.apply(answer);
          if (failure == null && reload) {
            loadSnapshots();
          }
          changed();
          done.complete(null);
        },
        modelThread);
    return done;
  }

  private void changed() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
