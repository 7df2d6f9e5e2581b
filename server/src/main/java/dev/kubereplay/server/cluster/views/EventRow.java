package dev.kubereplay.server.cluster.views;

import java.time.Instant;

/**
 * One event of a namespace.
 *
 * @param type {@code Normal} or {@code Warning}
 * @param count how often it happened, at least 1
 * @param firstSeen the first occurrence, or null when the event has no time
 * @param lastSeen the latest occurrence, or null when the event has no time
 * @param workload the workload the object belongs to, or null
 */
public record EventRow(
    String type,
    String reason,
    String objectKind,
    String objectName,
    String message,
    int count,
    Instant firstSeen,
    Instant lastSeen,
    WorkloadRef workload) {}
