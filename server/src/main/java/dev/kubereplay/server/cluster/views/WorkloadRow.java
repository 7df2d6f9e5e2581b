package dev.kubereplay.server.cluster.views;

import java.util.List;

/**
 * One row of the workloads table: counts, kubereplay's annotations, sidecar health and requests.
 *
 * @param ready ready replicas (pods for a DaemonSet)
 * @param desired desired replicas (scheduled pods for a DaemonSet)
 * @param injected whether the pod template asks for the kubereplay sidecar
 * @param tlsOut whether the pod template asks for outgoing TLS capture
 * @param healthReasons why {@code sidecarHealth} is not {@link Health#OK}, one line each
 * @param appRequests the requests of the workload's own containers
 * @param sidecarRequests the requests of the sidecar, declared or injected
 */
public record WorkloadRow(
    String kind,
    String name,
    String namespace,
    int ready,
    int desired,
    boolean injected,
    boolean tlsOut,
    Health sidecarHealth,
    List<String> healthReasons,
    Requests appRequests,
    Requests sidecarRequests,
    List<PodProblem> problems) {}
