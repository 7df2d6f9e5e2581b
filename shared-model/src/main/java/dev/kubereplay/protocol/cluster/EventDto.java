package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;
import java.time.Instant;

/**
 * A Kubernetes event.
 *
 * @param type {@code Warning} or {@code Normal}
 * @param reason e.g. {@code BackOff}, {@code FailedScheduling}
 * @param objectKind the involved object's kind
 * @param objectName the involved object's name
 * @param message what happened
 * @param count how often
 * @param firstSeen first occurrence
 * @param lastSeen last occurrence
 * @param workload the workload the involved object belongs to, when known
 */
public record EventDto(
    String type,
    String reason,
    String objectKind,
    String objectName,
    String message,
    int count,
    @Nullable Instant firstSeen,
    @Nullable Instant lastSeen,
    @Nullable WorkloadRefDto workload) {}
