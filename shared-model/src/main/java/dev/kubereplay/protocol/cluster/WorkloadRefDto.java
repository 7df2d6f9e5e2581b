package dev.kubereplay.protocol.cluster;

/**
 * Names a workload.
 *
 * @param kind {@code Deployment}, {@code StatefulSet} or {@code DaemonSet}
 * @param name its name
 */
public record WorkloadRefDto(String kind, String name) {}
