package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;
import java.time.Instant;

/**
 * A TrafficReplay resource ({@code trafficreplays.kubereplay.dev/v1alpha1}).
 *
 * @param name its name
 * @param snapshotID the recording it replays
 * @param mode {@code full-replay}, {@code responder-only} or {@code generator-only}
 * @param workload the first workload it targets, as {@code Kind/name}
 * @param phase its status phase, when the operator has set one
 * @param progress percent done, 0 to 100
 * @param successRate percent of requests that matched, 0 to 100
 * @param ready whether its Ready condition is true
 * @param startedTime when it started
 * @param finishedTime when it finished
 * @param message the operator's last word on it
 */
public record ReplayDto(
    String name,
    @Nullable String snapshotID,
    @Nullable String mode,
    @Nullable String workload,
    @Nullable String phase,
    @Nullable Double progress,
    @Nullable Double successRate,
    boolean ready,
    @Nullable Instant startedTime,
    @Nullable Instant finishedTime,
    @Nullable String message) {}
