package dev.kubereplay.server.cluster;

/**
 * The kubereplay operator of one kube context.
 *
 * @param clusterName the name given at install (the operator ConfigMap's {@code CLUSTER_NAME}),
 *     else the kubeconfig's cluster name
 * @param operatorNamespace where the operator runs, when installed
 * @param operatorVersion the operator's version, when it can be told
 * @param latestVersion the newest operator version this kubereplay knows of
 * @param upgradeAvailable whether {@code latestVersion} is newer than {@code operatorVersion}
 * @param message why the presence is what it is, for anything but {@code INSTALLED}
 */
public record OperatorInfo(
    String context,
    String clusterName,
    OperatorPresence presence,
    String operatorNamespace,
    String operatorVersion,
    String latestVersion,
    boolean upgradeAvailable,
    String message) {}
