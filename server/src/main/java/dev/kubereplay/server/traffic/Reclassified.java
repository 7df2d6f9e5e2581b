package dev.kubereplay.server.traffic;

import dev.kubereplay.server.traffic.model.Snapshot;

/**
 * What a reclassification did.
 *
 * @param host the host as stored
 * @param changed how many pairs changed direction
 * @param snapshot the snapshot with its new counts
 */
public record Reclassified(String host, long changed, Snapshot snapshot) {}
