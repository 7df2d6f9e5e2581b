package dev.kubereplay.protocol.traffic;

/**
 * Answer to {@code traffic/reclassify}.
 *
 * @param changed pairs whose direction changed
 * @param snapshot the snapshot with its new counts
 */
public record ReclassifyResponse(long changed, SnapshotDto snapshot) {}
