package dev.kubereplay.protocol.cluster;

import java.util.List;

/**
 * Parameters of {@code cluster/didChange}.
 *
 * @param changes what changed
 */
public record DidChangeClusterParams(List<ClusterChangeKind> changes) {}
