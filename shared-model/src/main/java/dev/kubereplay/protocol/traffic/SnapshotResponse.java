package dev.kubereplay.protocol.traffic;

/** An answer that is one snapshot, as it is now: {@code traffic/renameSnapshot}. */
public record SnapshotResponse(SnapshotDto snapshot) {}
