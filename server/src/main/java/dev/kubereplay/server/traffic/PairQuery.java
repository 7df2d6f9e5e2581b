package dev.kubereplay.server.traffic;

/**
 * Which pairs of a snapshot to page through.
 *
 * @param host only pairs to this host, or null
 * @param method only pairs of this method (with {@code pathTemplate}), or null
 * @param pathTemplate only pairs of this endpoint, or null
 */
public record PairQuery(
    String snapshotId, String host, String method, String pathTemplate, long offset, int limit) {}
