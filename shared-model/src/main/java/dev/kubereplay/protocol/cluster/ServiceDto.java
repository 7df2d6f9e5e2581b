package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;
import java.util.List;
import java.util.Map;

/**
 * A Service.
 *
 * @param name its name
 * @param type {@code ClusterIP}, {@code NodePort}, {@code LoadBalancer}, {@code ExternalName}
 * @param clusterIP its cluster IP ({@code None} for headless)
 * @param ports its ports
 * @param selector its pod selector
 * @param workloads the workloads whose pod templates the selector matches
 */
public record ServiceDto(
    String name,
    String type,
    @Nullable String clusterIP,
    List<ServicePortDto> ports,
    Map<String, String> selector,
    List<WorkloadRefDto> workloads) {}
