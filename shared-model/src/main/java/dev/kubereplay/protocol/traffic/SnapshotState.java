package dev.kubereplay.protocol.traffic;

/** Whether a snapshot is still being written. */
public enum SnapshotState {
  /** A desktop recording is still adding pairs to it. */
  RECORDING,
  /** Imported, or a recording that was stopped: it will not change by itself. */
  COMPLETE,
  /** A recording whose server went away before it was stopped: it holds what arrived until then. */
  INTERRUPTED
}
