package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.DidProgressParams;
import dev.kubereplay.protocol.traffic.DidRecordParams;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.ExportSnapshotParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotResponse;
import dev.kubereplay.protocol.traffic.GetPairParams;
import dev.kubereplay.protocol.traffic.HostEndpointsDto;
import dev.kubereplay.protocol.traffic.ListEndpointsResponse;
import dev.kubereplay.protocol.traffic.ListSnapshotsParams;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.ReclassifyParams;
import dev.kubereplay.protocol.traffic.RenameSnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.SnapshotParams;
import dev.kubereplay.protocol.traffic.TrafficRpcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Recordings view without Swing: snapshots from {@code traffic/listSnapshots}, a snapshot's
 * hosts and endpoints when it is opened ({@code traffic/listEndpoints}), an endpoint's pairs a page
 * at a time ({@link EndpointPairs}), the selected pair's document ({@code traffic/getPair}), a
 * host's or an endpoint's pairs reclassified ({@code traffic/reclassify}), one import at a time
 * ({@link Imports}), one export at a time ({@link ExportRun}) and one desktop recording ({@link
 * DesktopRecorder}). State changes happen on one model thread; listeners are told after each.
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
  private final EndpointPairs pairs;
  private final Imports imports;
  private final DesktopRecorder recorder;
  private volatile String document = "";
  private volatile EndpointRef selectedEndpoint;
  private volatile String status = "";
  private volatile ExportRun exportRun;
  private volatile CompletableFuture<?> exportRequest;
  private long documentRequest;

  /** A model whose imports and recordings send no extra redaction keys. */
  public RecordingsModel(ServerCalls server, Executor modelThread) {
    this(server, modelThread, List::of);
  }

  /**
   * @param redactKeys the extra redaction keys of the settings, read as each import or desktop
   *     recording is sent and sent as its {@code redactKeys} (absent when empty)
   */
  public RecordingsModel(
      ServerCalls server, Executor modelThread, Supplier<List<String>> redactKeys) {
    this.server = server;
    this.modelThread = modelThread;
    this.imports = new Imports(server, modelThread, this, redactKeys);
    this.pairs = new EndpointPairs(server, modelThread, this);
    this.recorder = new DesktopRecorder(server, modelThread, this, redactKeys);
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
    return new RecordingTree(endpoints, pairs.shown()).root(snapshots, snapshotsError);
  }

  /**
   * The selected pair as text, or the selected endpoint's counts, percentiles and latency histogram
   * as the snapshot lists it now; empty for other rows.
   */
  public String document() {
    EndpointRef ref = selectedEndpoint;
    if (ref == null) {
      return document;
    }
    EndpointDto e = endpoint(ref.snapshotId(), ref.host(), ref.method(), ref.pathTemplate());
    return e == null ? "" : LatencyText.document(ref.host(), e);
  }

  /** The selected endpoint as its snapshot lists it now; null when no endpoint row is selected. */
  public EndpointDto selectedEndpoint() {
    EndpointRef ref = selectedEndpoint;
    return ref == null
        ? null
        : endpoint(ref.snapshotId(), ref.host(), ref.method(), ref.pathTemplate());
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

  void loadSnapshots() {
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
    modelThread.execute(() -> pairs.open(ref));
  }

  /** Whether the endpoint shows fewer pairs than it has, and no next page is on its way. */
  public boolean canLoadMore(String snapshotId, String host, String method, String pathTemplate) {
    return pairs.canLoadMore(new EndpointRef(snapshotId, host, method, pathTemplate));
  }

  /**
   * "Load more" was activated: the endpoint's next page, from where the shown pairs end, appended.
   * Ignored while a page is on its way or when all are shown.
   */
  public void loadMore(String snapshotId, String host, String method, String pathTemplate) {
    EndpointRef ref = new EndpointRef(snapshotId, host, method, pathTemplate);
    modelThread.execute(() -> pairs.loadMore(ref));
  }

  /**
   * A pair was selected: its document. An endpoint: its latency (see {@link #document()} and {@link
   * #selectedEndpoint()}). Anything else selected: none.
   */
  public void select(@Nullable RecordingNode node) {
    modelThread.execute(
        () -> {
          long request = ++documentRequest;
          selectedEndpoint =
              node != null && node.kind() == RecordingNode.Kind.ENDPOINT
                  ? new EndpointRef(
                      node.snapshotId(), node.host(), node.method(), node.pathTemplate())
                  : null;
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

  public ImportRun importRun() {
    return imports.run();
  }

  /** Starts importing {@code path} with the default options. */
  public CompletableFuture<Void> importFile(String path) {
    return importFile(ImportOptions.defaults(path));
  }

  /** Starts an import; progress and the report arrive as notifications. */
  public CompletableFuture<Void> importFile(ImportOptions options) {
    return imports.start(options);
  }

  /** Cancel: {@code traffic/cancel} of the running import. */
  public void cancelImport() {
    imports.cancel();
  }

  /** Hides a finished import's report. */
  public void dismissImport() {
    imports.dismiss();
  }

  @Override
  public void didProgress(DidProgressParams params) {
    imports.didProgress(params);
  }

  @Override
  public void didFinishImport(DidFinishImportParams params) {
    imports.didFinishImport(params);
  }

  /** The server stopped: a running import or recording ended with it. */
  public void serverStopped() {
    modelThread.execute(
        () -> {
          imports.serverStopped();
          recorder.serverStopped();
          changed();
        });
  }

  // ---- desktop recording

  public DesktopRecording recording() {
    return recorder.recording();
  }

  /** Starts a recording proxy on {@code listen}: reverse to {@code upstream}, or forward (null). */
  public CompletableFuture<Void> startRecording(String listen, String upstream, String name) {
    return recorder.start(listen, upstream, name);
  }

  /** Stop: {@code traffic/stopRecording}; the sealed snapshot is listed. */
  public CompletableFuture<Void> stopRecording() {
    return recorder.stop();
  }

  @Override
  public void didRecord(DidRecordParams params) {
    recorder.didRecord(params);
  }

  // ---- managing

  /** A host as its opened snapshot lists it, or null when not known. */
  public HostEndpointsDto host(String snapshotId, String host) {
    return endpoints.get(snapshotId) instanceof ListEndpointsResponse r
        ? r.hosts().stream().filter(h -> h.host().equals(host)).findFirst().orElse(null)
        : null;
  }

  /** An endpoint as its opened snapshot lists it, or null when not known. */
  public EndpointDto endpoint(String snapshotId, String host, String method, String pathTemplate) {
    HostEndpointsDto known = host(snapshotId, host);
    return known == null
        ? null
        : known.endpoints().stream()
            .filter(e -> e.method().equals(method) && e.pathTemplate().equals(pathTemplate))
            .findFirst()
            .orElse(null);
  }

  /**
   * {@code traffic/reclassify}: every pair of {@code host} becomes {@code direction}. The
   * snapshot's counts, its endpoints and the host's opened pairs load again; done when they have.
   */
  public CompletableFuture<Void> reclassify(
      String snapshotId, String host, PairDirection direction) {
    return reclassify(snapshotId, host, null, null, direction);
  }

  /**
   * {@code traffic/reclassify}: the pairs of one endpoint of {@code host} ({@code method} and
   * {@code pathTemplate}; every method when it is null), or of the whole host when {@code
   * pathTemplate} is null, become {@code direction}. The snapshot's counts, its endpoints and the
   * opened pairs of what was marked load again; done when they have.
   */
  public CompletableFuture<Void> reclassify(
      String snapshotId,
      String host,
      @Nullable String method,
      @Nullable String pathTemplate,
      PairDirection direction) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    ReclassifyParams params =
        new ReclassifyParams(snapshotId, host, method, pathTemplate, direction);
    String what =
        pathTemplate == null ? host : RecordingText.endpointName(method, host, pathTemplate);
    modelThread.execute(
        () ->
            server
                .call(s -> s.getTrafficService().reclassify(params))
                .whenCompleteAsync(
                    (answer, failure) -> {
                      if (failure != null) {
                        status =
                            "Could not mark "
                                + what
                                + " as "
                                + RecordingText.directionName(direction)
                                + ": "
                                + RpcFailure.of(failure).message();
                        changed();
                        done.complete(null);
                        return;
                      }
                      status = RecordingText.reclassified(what, direction, answer.changed());
                      replace(answer.snapshot());
                      changed();
                      reload(snapshotId, host, method, pathTemplate)
                          .whenComplete((ignored, error) -> done.complete(null));
                    },
                    modelThread));
    return done;
  }

  private void replace(SnapshotDto changed) {
    List<SnapshotDto> known = snapshots;
    if (known != null) {
      snapshots = known.stream().map(s -> s.id().equals(changed.id()) ? changed : s).toList();
    }
  }

  /**
   * The snapshot's endpoints, and the pairs of the host (or of its endpoint) again, as far as they
   * were opened.
   */
  private CompletableFuture<Void> reload(
      String snapshotId, String host, @Nullable String method, @Nullable String pathTemplate) {
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
    pairs.reload(snapshotId, host, method, pathTemplate, loads);
    return CompletableFuture.allOf(loads.toArray(CompletableFuture[]::new));
  }

  /** {@code traffic/renameSnapshot}; done when the status line says how it went. */
  public CompletableFuture<Void> rename(String snapshotId, String name) {
    return act(
        () ->
            server.call(
                s ->
                    s.getTrafficService()
                        .renameSnapshot(new RenameSnapshotParams(snapshotId, name))),
        answer -> "Renamed to \"" + answer.snapshot().name() + "\"",
        "Could not rename the snapshot");
  }

  /** {@code traffic/deleteSnapshot}; done when the status line says how it went. */
  public CompletableFuture<Void> delete(String snapshotId) {
    SnapshotDto known = snapshot(snapshotId);
    String name = known == null ? snapshotId : known.name();
    return act(
        () ->
            server.call(s -> s.getTrafficService().deleteSnapshot(new SnapshotParams(snapshotId))),
        answer ->
            answer.deleted() ? "Deleted \"" + name + "\"" : "\"" + name + "\" was gone already",
        "Could not delete \"" + name + "\"");
  }

  /** The export that is running, or null. */
  public ExportRun exportRun() {
    return exportRun;
  }

  /**
   * {@code traffic/exportSnapshot} of a snapshot to {@code path}; {@link #exportRun()} shows it
   * until it ends and the status line says how it ended. One export at a time: while one runs,
   * another is refused with a status message (not queued), as the file chooser would have to be
   * answered again anyway.
   */
  public CompletableFuture<Void> export(String snapshotId, String format, String path) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    modelThread.execute(
        () -> {
          ExportRun running = exportRun;
          if (running != null) {
            status = "An export is running already: " + running.status();
            changed();
            done.complete(null);
            return;
          }
          SnapshotDto known = snapshot(snapshotId);
          ExportRun run = ExportRun.starting(known == null ? snapshotId : known.name(), path);
          exportRun = run;
          changed();
          ExportSnapshotParams params = new ExportSnapshotParams(snapshotId, format, path);
          CompletableFuture<ExportSnapshotResponse> request =
              server.cancellableCall(s -> s.getTrafficService().exportSnapshot(params));
          exportRequest = request;
          request.whenCompleteAsync(
              (answer, failure) -> {
                if (failure == null) {
                  status =
                      "Exported "
                          + RecordingText.count(answer.pairs())
                          + " pairs ("
                          + RecordingText.count(answer.bytes())
                          + " bytes) to "
                          + answer.path();
                } else if (cancelled(failure)) {
                  status = run.cancelled();
                } else {
                  status = "Could not export: " + RpcFailure.of(failure).message();
                }
                // After the status: whoever sees the export gone sees how it ended.
                exportRun = null;
                exportRequest = null;
                changed();
                done.complete(null);
              },
              modelThread);
        });
    return done;
  }

  /**
   * Cancel of the running export: {@code $/cancelRequest} for its {@code traffic/exportSnapshot}.
   * The server stops between pairs and leaves the file as it was.
   */
  public void cancelExport() {
    modelThread.execute(
        () -> {
          ExportRun run = exportRun;
          CompletableFuture<?> request = exportRequest;
          if (run == null || run.cancelling() || request == null) {
            return;
          }
          exportRun = run.cancel();
          changed();
          request.cancel(true);
        });
  }

  private static boolean cancelled(Throwable failure) {
    return RpcFailure.unwrap(failure) instanceof CancellationException
        || RpcFailure.of(failure).code() == ErrorCode.REQUEST_CANCELLED;
  }

  /**
   * Sends {@code request} from the model's thread (actions call on the UI thread), says how it went
   * and lists the snapshots again after a change.
   */
  private <T> CompletableFuture<Void> act(
      Supplier<CompletableFuture<T>> request,
      java.util.function.Function<T, String> said,
      String failed) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    modelThread.execute(
        () ->
            request
                .get()
                .whenCompleteAsync(
                    (answer, failure) -> {
                      status =
                          failure != null
                              ? failed + ": " + RpcFailure.of(failure).message()
                              : said.apply(answer);
                      if (failure == null) {
                        loadSnapshots();
                      }
                      changed();
                      done.complete(null);
                    },
                    modelThread));
    return done;
  }

  /** What the last action did; the status line shows it. Model thread only. */
  void status(String said) {
    status = said;
  }

  void changed() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
