package dev.kubereplay.protocol.cluster;

import java.util.List;

/**
 * Parameters of {@code cluster/listClusters}.
 *
 * @param contexts the contexts to look at; every context of the kubeconfig when empty
 */
public record ListClustersParams(List<String> contexts) {}
