package dev.kubereplay.protocol.traffic;

/** Parameters of {@code traffic/listSnapshots}: none yet. */
public record ListSnapshotsParams() {}
