package dev.kubereplay.protocol.cluster;

import java.util.List;

/**
 * Answer to {@code cluster/watch}.
 *
 * @param context the context now watched
 * @param namespace the namespace now watched
 * @param views the views now watched
 */
public record WatchResponse(String context, String namespace, List<ClusterView> views) {}
