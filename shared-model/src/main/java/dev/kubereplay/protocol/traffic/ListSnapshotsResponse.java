package dev.kubereplay.protocol.traffic;

import java.util.List;

/** Answer to {@code traffic/listSnapshots}: newest first. */
public record ListSnapshotsResponse(List<SnapshotDto> snapshots) {}
