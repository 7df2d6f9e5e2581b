package dev.kubereplay.protocol.traffic;

import dev.kubereplay.protocol.Nullable;

/**
 * Parameters of {@code traffic/listPairs}: a page of a snapshot's pairs in recorded order.
 *
 * @param snapshotId the snapshot
 * @param host only pairs to this host
 * @param method only pairs of this method (an endpoint is {@code method} + {@code pathTemplate})
 * @param pathTemplate only pairs of this path template
 * @param offset pairs to skip
 * @param limit pairs to answer, 1 to 1000
 */
public record ListPairsParams(
    String snapshotId,
    @Nullable String host,
    @Nullable String method,
    @Nullable String pathTemplate,
    long offset,
    int limit) {}
