package dev.kubereplay.server.traffic.model;

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
 * @param state whether it is still being written
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
    long skippedCount,
    State state) {

  /** Whether a snapshot is still being written. */
  public enum State {
    /** A desktop recording is still adding pairs. */
    RECORDING,
    /** Imported, or a stopped recording. */
    COMPLETE,
    /** A recording whose server went away before it was stopped. */
    INTERRUPTED
  }

  public long pairCount() {
    return inCount + outCount;
  }
}
