package dev.kubereplay.protocol.traffic;

/** Parameters of {@code traffic/renameSnapshot}. */
public record RenameSnapshotParams(String snapshotId, String name) {}
