package dev.kubereplay.server.cluster.views;

import java.util.List;
import java.util.Map;

/**
 * A Service with the workloads whose pods it selects.
 *
 * @param type {@code ClusterIP} when the Service does not say
 * @param clusterIP the cluster IP, or null
 * @param selector the pod selector, sorted by key
 */
public record ServiceRow(
    String name,
    String type,
    String clusterIP,
    List<ServicePortRow> ports,
    Map<String, String> selector,
    List<WorkloadRef> workloads) {}
