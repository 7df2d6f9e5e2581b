package dev.kubereplay.protocol.cluster;

/**
 * Answer to {@code cluster/deleteReplay}.
 *
 * @param deleted true when it was deleted now, false when it was already gone
 */
public record DeleteReplayResponse(boolean deleted) {}
