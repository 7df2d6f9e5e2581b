package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;
import java.util.List;

/**
 * Parameters of {@code cluster/watch}: what the client shows now. It replaces what the client said
 * before; an empty list of views stops all watching.
 *
 * @param context the kube context; the current context when absent
 * @param namespace the namespace; the context's namespace when absent
 * @param views the views shown
 */
public record WatchParams(
    @Nullable String context, @Nullable String namespace, List<ClusterView> views) {}
