package dev.kubereplay.server.cluster.live;

import java.time.Instant;

/**
 * How current an answer is. While the API server cannot be reached, the last known state is
 * answered and marked stale; it turns fresh again on its own when the connection is back.
 *
 * @param stale whether the data may be out of date
 * @param since when the data went stale; null when fresh
 * @param reason why, e.g. {@code "API server https://10.0.0.1:6443 unreachable: connection
 *     refused"}; null when fresh
 */
public record Freshness(boolean stale, Instant since, String reason) {

  /** Current data. */
  public static final Freshness FRESH = new Freshness(false, null, null);

  /** Stale since {@code since}, for {@code reason}. */
  public static Freshness staleSince(Instant since, String reason) {
    return new Freshness(true, since, reason);
  }
}
