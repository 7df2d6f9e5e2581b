package dev.kubereplay.server.cluster.views;

import java.time.Instant;

/**
 * A TrafficReplay resource as its spec and status tell it; every field but name may be missing.
 *
 * @param snapshotID the recording it replays
 * @param mode {@code full-replay}, {@code responder-only} or {@code generator-only}
 * @param workload the first workload it targets, as {@code Kind/name}
 * @param progress percent done, 0 to 100
 * @param successRate percent of requests that matched, 0 to 100
 * @param ready whether its {@code Ready} condition is true
 * @param message the operator's last word on it
 */
public record ReplayRow(
    String name,
    String snapshotID,
    String mode,
    String workload,
    String phase,
    Double progress,
    Double successRate,
    boolean ready,
    Instant startedTime,
    Instant finishedTime,
    String message) {}
