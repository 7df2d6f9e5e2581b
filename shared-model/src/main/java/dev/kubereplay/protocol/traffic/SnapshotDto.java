package dev.kubereplay.protocol.traffic;

import dev.kubereplay.protocol.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A stored recording.
 *
 * @param id the snapshot's id, used by every other request
 * @param name what the user calls it
 * @param source where it came from, e.g. {@code har:/home/me/shop.har}
 * @param created when it was stored
 * @param inCount pairs the workload received (tests)
 * @param outCount pairs the workload sent (mocks)
 * @param hosts the hosts its pairs went to, sorted
 * @param firstTimestamp the earliest request, absent when empty
 * @param lastTimestamp the latest request, absent when empty
 * @param skippedCount entries of the source left out at import
 * @param state whether it is still being recorded
 */
public record SnapshotDto(
    String id,
    String name,
    String source,
    Instant created,
    long inCount,
    long outCount,
    List<String> hosts,
    @Nullable Instant firstTimestamp,
    @Nullable Instant lastTimestamp,
    long skippedCount,
    SnapshotState state) {}
