package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.recordings.mocks.MockLogEntry;
import dev.kubereplay.intellij.recordings.tree.EndpointRef;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import dev.kubereplay.intellij.recordings.tree.RecordingTree;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.replay.DidMatchParams;
import dev.kubereplay.protocol.replay.MocksDto;
import dev.kubereplay.protocol.replay.ReplayRpcClient;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.DidProgressParams;
import dev.kubereplay.protocol.traffic.DidRecordParams;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.HostEndpointsDto;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.TrafficRpcClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Recordings view without Swing, made of parts that each own one thing: the snapshots and their
 * endpoints ({@link Snapshots}), an endpoint's pairs a page at a time ({@link EndpointPairs}), the
 * selected row's document ({@link PairDocument}), renames, deletes and reclassifications ({@link
 * SnapshotEdits}), one import ({@link Imports}), one export ({@link Exports}) and one desktop
 * recording ({@link DesktopRecorder}), and the mocks running for snapshots with their log ({@link
 * Mocks}). State changes happen on one model thread, never the UI thread, which is also where every
 * request goes out; listeners are told after each change.
 */
public final class RecordingsModel implements TrafficRpcClient, ReplayRpcClient {

  private final Executor modelThread;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final Snapshots snapshots;
  private final EndpointPairs pairs;
  private final PairDocument document;
  private final SnapshotEdits edits;
  private final Imports imports;
  private final Exports exports;
  private final DesktopRecorder recorder;
  private final Mocks mocks;
  private volatile String status = ""; // written on the model thread only

  /** A model whose imports and recordings send no extra redaction keys. */
  public RecordingsModel(ServerCalls server, Executor modelThread) {
    this(server, modelThread, List::of);
  }

  /**
   * @param modelThread one thread that is not the UI thread
   * @param redactKeys the extra redaction keys of the settings, read as each import or desktop
   *     recording is sent and sent as its {@code redactKeys} (absent when empty)
   */
  public RecordingsModel(
      ServerCalls server, Executor modelThread, Supplier<List<String>> redactKeys) {
    this.modelThread = modelThread;
    this.snapshots = new Snapshots(server, modelThread, this);
    this.pairs = new EndpointPairs(server, modelThread, this);
    this.document = new PairDocument(server, modelThread, this, snapshots);
    this.edits = new SnapshotEdits(server, modelThread, this, snapshots, pairs);
    this.imports = new Imports(server, modelThread, this, redactKeys);
    this.exports = new Exports(server, modelThread, this, snapshots);
    this.recorder = new DesktopRecorder(server, modelThread, this, redactKeys);
    this.mocks = new Mocks(server, modelThread, this, snapshots);
  }

  public void addListener(Runnable listener) {
    listeners.add(listener);
  }

  public void removeListener(Runnable listener) {
    listeners.remove(listener);
  }

  // ---- the tree and the pane beside it

  /** The tree as known now. */
  public RecordingNode tree() {
    return new RecordingTree(snapshots.endpoints(), pairs.shown(), mocks.running())
        .root(snapshots.list(), snapshots.error());
  }

  /** Snapshots again, and what was opened under them. */
  public void refresh() {
    modelThread.execute(
        () -> {
          snapshots.clear();
          pairs.clear();
          snapshots.load();
          mocks.load();
        });
  }

  /** A snapshot was opened: its hosts and endpoints, unless known. */
  public void openSnapshot(String snapshotId) {
    modelThread.execute(() -> snapshots.open(snapshotId));
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

  /** "Load more": the endpoint's next page appended, unless one is on its way or all are shown. */
  public void loadMore(String snapshotId, String host, String method, String pathTemplate) {
    EndpointRef ref = new EndpointRef(snapshotId, host, method, pathTemplate);
    modelThread.execute(() -> pairs.loadMore(ref));
  }

  /** A row was selected: a pair's document or an endpoint's latency, see {@link #document()}. */
  public void select(@Nullable RecordingNode node) {
    document.select(node);
  }

  /** The selected pair as text, or the selected endpoint's latency as listed now; else empty. */
  public String document() {
    return document.text();
  }

  /** The selected endpoint as its snapshot lists it now; null when no endpoint row is selected. */
  public EndpointDto selectedEndpoint() {
    return document.endpoint();
  }

  /** What the last action did, or why it failed. */
  public String status() {
    return status;
  }

  public SnapshotDto snapshot(String id) {
    return snapshots.snapshot(id);
  }

  /** A host as its opened snapshot lists it, or null. */
  public HostEndpointsDto host(String snapshotId, String host) {
    return snapshots.host(snapshotId, host);
  }

  /** An endpoint as its opened snapshot lists it, or null when not known. */
  public EndpointDto endpoint(String snapshotId, String host, String method, String pathTemplate) {
    return snapshots.endpoint(snapshotId, host, method, pathTemplate);
  }

  // ---- changes to the store; done when the status line says how each went

  /** {@code traffic/renameSnapshot}. */
  public CompletableFuture<Void> rename(String snapshotId, String name) {
    return edits.rename(snapshotId, name);
  }

  /** {@code traffic/deleteSnapshot}; the snapshots are listed again. */
  public CompletableFuture<Void> delete(String snapshotId) {
    return edits.delete(snapshotId);
  }

  /** {@code traffic/reclassify} of every pair of {@code host}; as the other reclassify. */
  public CompletableFuture<Void> reclassify(
      String snapshotId, String host, PairDirection direction) {
    return edits.reclassify(snapshotId, host, null, null, direction);
  }

  /**
   * {@code traffic/reclassify}: the pairs of an endpoint of {@code host} (every method when {@code
   * method} is null), or of the host when {@code pathTemplate} is null, become {@code direction};
   * done when the counts, endpoints and opened pairs of what was marked have loaded again.
   */
  public CompletableFuture<Void> reclassify(
      String snapshotId,
      String host,
      @Nullable String method,
      @Nullable String pathTemplate,
      PairDirection direction) {
    return edits.reclassify(snapshotId, host, method, pathTemplate, direction);
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

  // ---- export

  /** The export that is running, or null. */
  public ExportRun exportRun() {
    return exports.run();
  }

  /**
   * {@code traffic/exportSnapshot} of a snapshot to {@code path}; {@link #exportRun()} shows it
   * until it ends. While one runs, another is refused (not queued) with a status message.
   */
  public CompletableFuture<Void> export(String snapshotId, String format, String path) {
    return exports.start(snapshotId, format, path);
  }

  /** Cancel: {@code $/cancelRequest} for the running export, whose file stays as it was. */
  public void cancelExport() {
    exports.cancel();
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

  /** The server stopped: a running import or recording ended with it. */
  public void serverStopped() {
    modelThread.execute(
        () -> {
          imports.serverStopped();
          recorder.serverStopped();
          mocks.serverStopped();
          changed();
        });
  }

  // ---- mocks

  /** The mocks running for a snapshot, or null. */
  public MocksDto mocks(String snapshotId) {
    return mocks.running().get(snapshotId);
  }

  /** The running mocks by snapshot id, oldest first. */
  public Map<String, MocksDto> runningMocks() {
    return mocks.running();
  }

  /** Whether mocks for the snapshot are being started: asked for, not answered yet. */
  public boolean mocksStarting(String snapshotId) {
    return mocks.starting(snapshotId);
  }

  /**
   * {@code replay/startMocks} for a snapshot on any free loopback port, with {@code settings} (the
   * project's {@code kubereplay.json}) when that file exists; the snapshot's row shows where they
   * listen, the status line says so or why they could not start.
   */
  public CompletableFuture<Void> startMocks(String snapshotId, @Nullable Path settings) {
    return mocks.start(snapshotId, settings);
  }

  /** {@code replay/stopMocks} of the snapshot's mocks; their log stays. */
  public CompletableFuture<Void> stopMocks(String snapshotId) {
    return mocks.stop(snapshotId);
  }

  /** The mock log, oldest first. */
  public List<MockLogEntry> mockLog() {
    return mocks.log();
  }

  /** Empties the mock log. */
  public void clearMockLog() {
    mocks.clearLog();
  }

  /**
   * A mock log row was selected: the pane beside the tree shows the recorded pair it was answered
   * with or, for a miss, the request that missed beside its closest recorded pair.
   */
  public void selectLogEntry(MockLogEntry entry) {
    String snapshotId = mocks.snapshotOf(entry.mocksId());
    document.selectLogEntry(snapshotId, entry);
  }

  /** Says on the status line what was copied; the caller has put it on the clipboard. */
  public void environmentCopied(MocksDto copied) {
    modelThread.execute(
        () -> {
          status(
              "Copied the environment of the mocks of \u201c"
                  + copied.snapshotName()
                  + "\u201d ("
                  + copied.environment().size()
                  + " variables)");
          changed();
        });
  }

  @Override
  public void didMatch(DidMatchParams params) {
    mocks.didMatch(params);
  }

  // ---- for the parts, on the model thread

  /** Lists the snapshots again, e.g. after an import added one. */
  void loadSnapshots() {
    snapshots.load();
  }

  /** What the last action did; the status line shows it. */
  void status(String said) {
    status = said;
  }

  void changed() {
    for (Runnable listener : listeners) {
      listener.run();
    }
  }
}
