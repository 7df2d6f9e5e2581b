package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;

/**
 * Where a cluster view looks: parameters of the {@code cluster/list...} requests.
 *
 * @param context the kube context; the current context when absent
 * @param namespace the namespace; the context's namespace when absent (for {@code
 *     getConfiguration}: the operator's namespace)
 */
public record ScopeParams(@Nullable String context, @Nullable String namespace) {}
