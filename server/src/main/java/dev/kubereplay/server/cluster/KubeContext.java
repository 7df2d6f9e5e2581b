package dev.kubereplay.server.cluster;

import java.nio.file.Path;

/**
 * One kube context as the merged kubeconfig defines it.
 *
 * @param server the cluster's API server URL, or {@code null} when the cluster entry is missing
 * @param namespace the context's namespace, {@code "default"} when unset
 */
public record KubeContext(
    String name,
    String cluster,
    String server,
    String user,
    UserAuth auth,
    String namespace,
    boolean current,
    Path sourceFile) {}
