package dev.kubereplay.intellij.recordings;

import dev.kubereplay.intellij.rpc.RpcFailure;
import dev.kubereplay.intellij.rpc.ServerCalls;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.traffic.CancelParams;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.DidProgressParams;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Recordings view's one import at a time: {@code traffic/importFile}, its progress and report
 * from the {@code traffic/} notifications, and Cancel. Runs on the model's thread and tells the
 * model after each change.
 */
final class Imports {

  private final ServerCalls server;
  private final Executor modelThread;
  private final RecordingsModel model;
  private final Supplier<List<String>> redactKeys;

  // Written on the model thread only.
  private volatile ImportRun run;
  private final Map<String, List<Object>> early = new ConcurrentHashMap<>();

  /**
   * @param redactKeys the settings' extra redaction keys, read as each import is sent
   */
  Imports(
      ServerCalls server,
      Executor modelThread,
      RecordingsModel model,
      Supplier<List<String>> redactKeys) {
    this.server = server;
    this.modelThread = modelThread;
    this.model = model;
    this.redactKeys = redactKeys;
  }

  ImportRun run() {
    return run;
  }

  /** Starts an import; progress and the report arrive as notifications. */
  CompletableFuture<Void> start(ImportOptions options) {
    String path = options.path();
    CompletableFuture<Void> sent = new CompletableFuture<>();
    modelThread.execute(
        () -> {
          ImportRun current = run;
          if (current != null && current.phase().running()) {
            model.status("An import is running already");
            model.changed();
            sent.complete(null);
            return;
          }
          run = ImportRun.starting(path);
          model.changed();
          ImportFileParams params = options.params(redactKeys.get());
          server
              .call(s -> s.getTrafficService().importFile(params))
              .whenCompleteAsync(
                  (answer, failure) -> {
                    ImportRun asked = run;
                    if (failure != null) {
                      run = asked.failed(null, RpcFailure.of(failure).message(), false);
                    } else {
                      run = asked.started(answer.operationId());
                      if (asked.phase() == ImportRun.Phase.CANCELLING) {
                        run = run.cancelling();
                        sendCancel(answer.operationId());
                      }
                      List<Object> overtaken = early.remove(answer.operationId());
                      if (overtaken != null) {
                        overtaken.forEach(this::apply);
                      }
                    }
                    early.clear();
                    model.changed();
                    sent.complete(null);
                  },
                  modelThread);
        });
    return sent;
  }

  /** Cancel: {@code traffic/cancel} of the running import. */
  void cancel() {
    modelThread.execute(
        () -> {
          ImportRun current = run;
          if (current == null
              || !current.phase().running()
              || current.phase() == ImportRun.Phase.CANCELLING) {
            return;
          }
          run = current.cancelling();
          if (current.operationId() != null) {
            sendCancel(current.operationId());
          } // else: sent when the operation id arrives
          model.changed();
        });
  }

  private void sendCancel(String operationId) {
    server
        .call(s -> s.getTrafficService().cancel(new CancelParams(operationId)))
        .whenCompleteAsync(
            (answer, failure) -> {
              if (failure != null) {
                model.status("Could not cancel the import: " + RpcFailure.of(failure).message());
                model.changed();
              }
            },
            modelThread);
  }

  /** Hides a finished import's report. */
  void dismiss() {
    modelThread.execute(
        () -> {
          ImportRun current = run;
          if (current != null && !current.phase().running()) {
            run = null;
            model.changed();
          }
        });
  }

  void didProgress(DidProgressParams params) {
    modelThread.execute(() -> take(params.operationId(), params));
  }

  void didFinishImport(DidFinishImportParams params) {
    modelThread.execute(() -> take(params.operationId(), params));
  }

  private void take(String operationId, Object notification) {
    ImportRun current = run;
    if (current == null) {
      return;
    }
    if (current.operationId() == null && current.phase().running()) {
      // The notification overtook the answer to traffic/importFile.
      early.computeIfAbsent(operationId, id -> new ArrayList<>()).add(notification);
      return;
    }
    if (operationId.equals(current.operationId())) {
      apply(notification);
      model.changed();
    }
  }

  private void apply(Object notification) {
    ImportRun current = run;
    if (!current.phase().running()) {
      return;
    }
    if (notification instanceof DidProgressParams progress) {
      run = current.progress(progress);
    } else if (notification instanceof DidFinishImportParams finish) {
      if (finish.report() != null) {
        run = current.finished(finish.report());
        model.status("Imported \"" + finish.report().snapshot().name() + "\"");
        model.loadSnapshots();
      } else {
        boolean cancelled =
            finish.error() != null && finish.error().code() == ErrorCode.REQUEST_CANCELLED;
        run = current.failed(finish.error(), "the import failed", cancelled);
      }
    }
  }

  /** The server stopped: a running import ended with it. Model thread only. */
  void serverStopped() {
    ImportRun current = run;
    if (current != null && current.phase().running()) {
      run = current.failed(null, "the kubereplay server stopped", false);
    }
  }
}
