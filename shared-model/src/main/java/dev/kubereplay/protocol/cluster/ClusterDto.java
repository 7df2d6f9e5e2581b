package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;

/**
 * A context's cluster as kubereplay sees it.
 *
 * @param context the kube context
 * @param clusterName the name given at install (the operator ConfigMap's {@code CLUSTER_NAME}),
 *     else the context's cluster entry
 * @param status whether the operator is there
 * @param operatorNamespace where the operator runs, when installed
 * @param operatorVersion the operator's version (its {@code app.kubernetes.io/version} label, else
 *     its image tag), when installed
 * @param latestVersion the newest operator version this kubereplay knows of
 * @param upgradeAvailable whether {@code latestVersion} is newer than {@code operatorVersion}
 * @param message why the status is what it is, for anything but {@code INSTALLED}
 */
public record ClusterDto(
    String context,
    String clusterName,
    OperatorStatus status,
    @Nullable String operatorNamespace,
    @Nullable String operatorVersion,
    String latestVersion,
    boolean upgradeAvailable,
    @Nullable String message) {}
