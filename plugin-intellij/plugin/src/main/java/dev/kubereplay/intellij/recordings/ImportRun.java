package dev.kubereplay.intellij.recordings;

import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.DidProgressParams;
import dev.kubereplay.protocol.traffic.ImportReportDto;
import dev.kubereplay.protocol.traffic.OperationErrorDto;

/**
 * One import as the panel shows it: the file, its operation, how far it is and how it ended. An
 * immutable value; the model replaces it as notifications arrive.
 */
public record ImportRun(
    String path,
    Phase phase,
    @Nullable String operationId,
    long done,
    long total,
    String message,
    @Nullable ImportReportDto report,
    @Nullable String error) {

  /** Where an import is. */
  public enum Phase {
    /** {@code traffic/importFile} sent, no operation id yet. */
    STARTING,
    RUNNING,
    /** {@code traffic/cancel} sent. */
    CANCELLING,
    DONE,
    FAILED,
    CANCELLED;

    public boolean running() {
      return this == STARTING || this == RUNNING || this == CANCELLING;
    }
  }

  static ImportRun starting(String path) {
    return new ImportRun(path, Phase.STARTING, null, 0, 0, "starting", null, null);
  }

  ImportRun started(String id) {
    return new ImportRun(path, Phase.RUNNING, id, done, total, "importing", null, null);
  }

  ImportRun progress(DidProgressParams p) {
    Phase next = phase == Phase.CANCELLING ? phase : Phase.RUNNING;
    return new ImportRun(
        path,
        next,
        operationId,
        p.done(),
        p.total(),
        p.message() == null ? "" : p.message(),
        null,
        null);
  }

  ImportRun cancelling() {
    return new ImportRun(
        path, Phase.CANCELLING, operationId, done, total, "cancelling", null, null);
  }

  ImportRun finished(ImportReportDto report) {
    return new ImportRun(path, Phase.DONE, operationId, done, total, "done", report, null);
  }

  ImportRun failed(@Nullable OperationErrorDto error, String fallback, boolean cancelled) {
    String why = error != null ? error.message() : fallback;
    return new ImportRun(
        path,
        cancelled ? Phase.CANCELLED : Phase.FAILED,
        operationId,
        done,
        total,
        cancelled ? "cancelled" : "failed",
        null,
        why);
  }

  /** 0..100, or -1 when the total is not known. */
  public int percent() {
    if (total <= 0) {
      return -1;
    }
    return (int) Math.min(100, done * 100 / total);
  }

  /** The line above the progress bar. */
  public String status() {
    String file = fileName(path);
    return switch (phase) {
      case STARTING -> "Importing " + file + "…";
      case RUNNING, CANCELLING ->
          "Importing "
              + file
              + (total > 0 ? " · " + percent() + "%" : done > 0 ? " · " + done : "")
              + (message.isBlank() ? "" : " · " + message)
              + (phase == Phase.CANCELLING ? " · cancelling…" : "");
      case DONE ->
          "Imported " + file + (report != null ? " into \"" + report.snapshot().name() + "\"" : "");
      case FAILED -> "Import of " + file + " failed: " + error;
      case CANCELLED -> "Import of " + file + " cancelled: nothing was stored";
    };
  }

  static String fileName(String path) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash >= 0 ? path.substring(slash + 1) : path;
  }
}
