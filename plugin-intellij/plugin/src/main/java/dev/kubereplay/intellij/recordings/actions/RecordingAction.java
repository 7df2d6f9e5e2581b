package dev.kubereplay.intellij.recordings.actions;

/** The Recordings toolbar and context menu, in order. */
public enum RecordingAction {
  IMPORT(
      "Import…",
      "Import a HAR, Postman, JSONL, WireMock or Speedscale file into a new snapshot",
      true),
  RECORD(
      "Record…", "Start a recording proxy on this machine that records into a new snapshot", true),
  EXPORT("Export…", "Write the snapshot to a file as jsonl or har", true),
  RENAME("Rename…", "Rename the snapshot", true),
  DELETE("Delete…", "Delete the snapshot and its pairs", true),
  START_MOCKS(
      "Start Mocks",
      "Answer the snapshot's outbound calls from the recording on a free loopback port",
      true),
  STOP_MOCKS("Stop Mocks", "Stop the snapshot's mocks", true),
  COPY_ENVIRONMENT(
      "Copy Environment",
      "Copy the export lines that send a program's calls through the snapshot's mocks",
      false),
  MARK_OUTBOUND(
      "Mark Host as Outbound (Mock)",
      "Every pair of this host becomes outbound: a dependency the replay serves as a mock",
      false),
  MARK_INBOUND(
      "Mark Host as Inbound (Test)",
      "Every pair of this host becomes inbound: a request the replay sends as a test",
      false),
  MARK_ENDPOINT_OUTBOUND(
      "Mark Endpoint as Outbound (Mock)",
      "The pairs of this endpoint (method and path template) become outbound: a dependency the"
          + " replay serves as a mock",
      false),
  MARK_ENDPOINT_INBOUND(
      "Mark Endpoint as Inbound (Test)",
      "The pairs of this endpoint (method and path template) become inbound: a request the replay"
          + " sends as a test",
      false),
  LOAD_MORE("Load More Pairs", "Show the endpoint's next page of pairs", false),
  REFRESH("Refresh", "List the snapshots again", true);

  private final String label;
  private final String description;
  private final boolean toolbar;

  RecordingAction(String label, String description, boolean toolbar) {
    this.label = label;
    this.description = description;
    this.toolbar = toolbar;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** On the toolbar as well as in the context menu; the others apply to one row. */
  public boolean onToolbar() {
    return toolbar;
  }

  /** The first of a group, after a separator. */
  public boolean startsGroup() {
    return this == START_MOCKS || this == MARK_OUTBOUND || this == LOAD_MORE || this == REFRESH;
  }
}
