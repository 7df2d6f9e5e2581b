package dev.kubereplay.protocol.traffic;

/**
 * Answer to {@code traffic/deleteSnapshot}.
 *
 * @param deleted false when the snapshot was already gone
 */
public record DeleteSnapshotResponse(boolean deleted) {}
