package dev.kubereplay.protocol.traffic;

/**
 * Parameters naming one snapshot: {@code traffic/listEndpoints}, {@code traffic/deleteSnapshot}.
 */
public record SnapshotParams(String snapshotId) {}
