package dev.kubereplay.server.cluster.logs;

import java.time.Duration;

/**
 * Which logs, as the user asked for them.
 *
 * @param target a workload's or a pod's name
 * @param kind {@code Deployment}, {@code StatefulSet}, {@code DaemonSet}, {@code Pod}, or null to
 *     look for a workload first, then a pod
 * @param container a container by name, or null for the app container
 * @param sidecar the kubereplay sidecar instead of the app container
 * @param previous the previous, terminated instance
 * @param tailLines only the last lines, or null for all
 * @param since only newer lines, or null for all
 */
public record LogRequest(
    String target,
    String kind,
    String container,
    boolean sidecar,
    boolean previous,
    Integer tailLines,
    Duration since) {}
