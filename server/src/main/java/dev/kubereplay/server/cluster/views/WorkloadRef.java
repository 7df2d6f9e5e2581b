package dev.kubereplay.server.cluster.views;

/**
 * A workload by kind and name, e.g. {@code Deployment/api}.
 *
 * @param kind {@code Deployment}, {@code StatefulSet} or {@code DaemonSet}
 * @param name the workload's name in its namespace
 */
public record WorkloadRef(String kind, String name) {}
