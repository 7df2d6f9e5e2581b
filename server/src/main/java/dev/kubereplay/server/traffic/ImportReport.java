package dev.kubereplay.server.traffic;

import dev.kubereplay.server.traffic.model.Snapshot;
import java.time.Duration;
import java.util.List;

/**
 * What an import stored and what it left out.
 *
 * @param snapshot the new snapshot
 * @param format the format read, e.g. {@code har}
 * @param hosts pair counts per host and direction, by host
 * @param skipped entries left out, with why (the first {@link #MAX_LISTED})
 * @param skippedCount all entries left out
 * @param unresolved {@code {{variables}}} left unresolved (Postman), sorted
 * @param bytesRead the size of the source read
 * @param elapsed how long the import took
 * @param warnings entries imported with something to know (the first {@link #MAX_LISTED}), e.g. a
 *     body kept in its content coding because decoded it would pass the limit
 * @param warningCount all such entries
 */
public record ImportReport(
    Snapshot snapshot,
    String format,
    List<HostCount> hosts,
    List<Skipped> skipped,
    long skippedCount,
    List<String> unresolved,
    long bytesRead,
    Duration elapsed,
    List<Warning> warnings,
    long warningCount) {

  /** At most this many skipped entries are listed one by one; all are counted. */
  public static final int MAX_LISTED = 1000;

  /** Pairs to one host. */
  public record HostCount(String host, long inCount, long outCount) {}

  /** An entry of the source left out. */
  public record Skipped(String entry, String reason) {}

  /** An entry imported, but not entirely as read; {@code message} names its request. */
  public record Warning(String entry, String message) {}
}
