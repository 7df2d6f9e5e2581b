package dev.kubereplay.intellij.recordings;

/**
 * The export that is running, as the panel shows it: which snapshot goes to which file, and whether
 * Cancel was pressed. An immutable value; the model drops it when the export ends and says how it
 * ended on the status line.
 */
public record ExportRun(String snapshotName, String path, boolean cancelling) {

  static ExportRun starting(String snapshotName, String path) {
    return new ExportRun(snapshotName, path, false);
  }

  ExportRun cancel() {
    return new ExportRun(snapshotName, path, true);
  }

  /** The line beside the progress bar. */
  public String status() {
    return "Exporting “"
        + snapshotName
        + "” to "
        + ImportRun.fileName(path)
        + (cancelling ? " · cancelling…" : "…");
  }

  /** What the status line says once the server stopped the export. */
  String cancelled() {
    return "Export of “"
        + snapshotName
        + "” cancelled; "
        + ImportRun.fileName(path)
        + " was left as it was";
  }
}
