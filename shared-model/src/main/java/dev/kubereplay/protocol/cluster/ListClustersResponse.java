package dev.kubereplay.protocol.cluster;

import java.util.List;

/** Answer to {@code cluster/listClusters}: one entry per context, in kubeconfig order. */
public record ListClustersResponse(List<ClusterDto> clusters) {}
