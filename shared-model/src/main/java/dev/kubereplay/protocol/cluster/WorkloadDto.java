package dev.kubereplay.protocol.cluster;

import java.util.List;

/**
 * A Deployment, StatefulSet or DaemonSet, with what kubereplay knows of it.
 *
 * @param kind {@code Deployment}, {@code StatefulSet} or {@code DaemonSet}
 * @param name its name
 * @param namespace its namespace
 * @param ready pods ready
 * @param desired pods wanted
 * @param injected the pod template asks for the sidecar ({@code kubereplay.dev/inject: "true"})
 * @param tlsOut the pod template asks for outbound TLS unwrapping ({@code kubereplay.dev/tls-out})
 * @param sidecarHealth the sidecar's health
 * @param healthReasons why the health is not OK, one sentence each
 * @param appRequests the app containers' requests, summed
 * @param sidecarRequests the sidecar's requests (zero when there is none)
 * @param problems the problems of its pods
 */
public record WorkloadDto(
    String kind,
    String name,
    String namespace,
    int ready,
    int desired,
    boolean injected,
    boolean tlsOut,
    HealthLevel sidecarHealth,
    List<String> healthReasons,
    ResourcesDto appRequests,
    ResourcesDto sidecarRequests,
    List<PodProblemDto> problems) {}
