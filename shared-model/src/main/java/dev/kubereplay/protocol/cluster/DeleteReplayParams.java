package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;

/**
 * Parameters of {@code cluster/deleteReplay}.
 *
 * @param context the kube context; the current context when absent
 * @param namespace the namespace; the context's namespace when absent
 * @param name the TrafficReplay's name
 */
public record DeleteReplayParams(
    @Nullable String context, @Nullable String namespace, String name) {}
