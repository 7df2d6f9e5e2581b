package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;

/**
 * Parameters of {@code cluster/setInjection} and {@code cluster/setTlsOut}.
 *
 * @param context the kube context; the current context when absent
 * @param namespace the namespace; the context's namespace when absent
 * @param workload the workload to patch
 * @param enabled the wanted state
 */
public record SetWorkloadFlagParams(
    @Nullable String context,
    @Nullable String namespace,
    WorkloadRefDto workload,
    boolean enabled) {}
