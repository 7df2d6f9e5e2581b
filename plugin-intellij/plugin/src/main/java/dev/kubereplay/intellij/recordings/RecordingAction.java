package dev.kubereplay.intellij.recordings;

/** The Recordings toolbar and context menu, in order. */
public enum RecordingAction {
  IMPORT(
      "Import…", "Import a HAR, Postman, JSONL, WireMock or Speedscale file into a new snapshot"),
  RECORD("Record…", "Start a recording proxy on this machine that records into a new snapshot"),
  EXPORT("Export…", "Write the snapshot to a file as jsonl or har"),
  RENAME("Rename…", "Rename the snapshot"),
  DELETE("Delete…", "Delete the snapshot and its pairs"),
  REFRESH("Refresh", "List the snapshots again");

  private final String label;
  private final String description;

  RecordingAction(String label, String description) {
    this.label = label;
    this.description = description;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }
}
