package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.traffic.ExportSnapshotParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The Recordings view's one export at a time: {@code traffic/exportSnapshot}, shown as an {@link
 * ExportRun} until it ends, and its Cancel ({@code $/cancelRequest}). Runs on the model's thread
 * and tells the model after each change; the status line says how it ended.
 */
final class Exports {

  private final ServerCalls server;
  private final Executor modelThread;
  private final RecordingsModel model;
  private final Snapshots snapshots;

  // Written on the model thread only.
  private volatile ExportRun run;
  private volatile CompletableFuture<?> request;

  Exports(ServerCalls server, Executor modelThread, RecordingsModel model, Snapshots snapshots) {
    this.server = server;
    this.modelThread = modelThread;
    this.model = model;
    this.snapshots = snapshots;
  }

  ExportRun run() {
    return run;
  }

  /** Starts an export, or refuses it with a status message while one runs. */
  CompletableFuture<Void> start(String snapshotId, String format, String path) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    modelThread.execute(
        () -> {
          ExportRun running = run;
          if (running != null) {
            model.status("An export is running already: " + running.status());
            model.changed();
            done.complete(null);
            return;
          }
          ExportRun started = ExportRun.starting(snapshots.name(snapshotId), path);
          run = started;
          model.changed();
          ExportSnapshotParams params = new ExportSnapshotParams(snapshotId, format, path);
          CompletableFuture<ExportSnapshotResponse> sent =
              server.cancellableCall(s -> s.getTrafficService().exportSnapshot(params));
          request = sent;
          sent.whenCompleteAsync(
              (answer, failure) -> {
                model.status(said(started, answer, failure));
                // After the status: whoever sees the export gone sees how it ended.
                run = null;
                request = null;
                model.changed();
                done.complete(null);
              },
              modelThread);
        });
    return done;
  }

  /** Cancel of the running export; the server stops between pairs and leaves the file as it was. */
  void cancel() {
    modelThread.execute(
        () -> {
          ExportRun current = run;
          CompletableFuture<?> sent = request;
          if (current == null || current.cancelling() || sent == null) {
            return;
          }
          run = current.cancel();
          model.changed();
          sent.cancel(true);
        });
  }

  private static String said(ExportRun run, ExportSnapshotResponse answer, Throwable failure) {
    if (failure == null) {
      return "Exported "
          + RecordingText.count(answer.pairs())
          + " pairs ("
          + RecordingText.count(answer.bytes())
          + " bytes) to "
          + answer.path();
    }
    if (RpcFailure.unwrap(failure) instanceof CancellationException
        || RpcFailure.of(failure).code() == ErrorCode.REQUEST_CANCELLED) {
      return run.cancelled();
    }
    return "Could not export: " + RpcFailure.of(failure).message();
  }
}
