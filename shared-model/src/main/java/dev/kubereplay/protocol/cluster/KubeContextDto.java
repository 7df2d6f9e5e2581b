package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;

/**
 * One kube context.
 *
 * @param name the context's name
 * @param cluster the name of its cluster entry
 * @param server the API server URL of that cluster, when the cluster entry exists
 * @param user the name of its user entry
 * @param authKind how that user authenticates (never the credential itself)
 * @param namespace the context's default namespace ({@code "default"} when unset)
 * @param current whether this is the kubeconfig's current context
 * @param sourceFile the kubeconfig file that defines the context
 */
public record KubeContextDto(
    String name,
    String cluster,
    @Nullable String server,
    String user,
    AuthKind authKind,
    String namespace,
    boolean current,
    String sourceFile) {}
