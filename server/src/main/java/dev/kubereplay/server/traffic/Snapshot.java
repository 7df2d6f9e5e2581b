package dev.kubereplay.server.traffic;

import java.time.Instant;
import java.util.List;

/**
 * A stored recording: a named set of RR pairs.
 *
 * @param id a short random id, stable for the snapshot's life
 * @param name what the user calls it (renameable, not unique)
 * @param source where it came from, e.g. {@code har:/home/me/shop.har}
 * @param created when it was stored
 * @param inCount pairs the workload received (tests)
 * @param outCount pairs the workload sent (mocks)
 * @param hosts the hosts its pairs went to, sorted
 * @param first the earliest request, or null when empty
 * @param last the latest request, or null when empty
 * @param skippedCount entries of the source left out at import
 */
public record Snapshot(
    String id,
    String name,
    String source,
    Instant created,
    long inCount,
    long outCount,
    List<String> hosts,
    Instant first,
    Instant last,
    long skippedCount) {

  public long pairCount() {
    return inCount + outCount;
  }
}
