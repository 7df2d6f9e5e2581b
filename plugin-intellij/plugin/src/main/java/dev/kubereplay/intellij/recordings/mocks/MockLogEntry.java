package dev.kubereplay.intellij.recordings.mocks;

import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.replay.MatchDto;
import java.util.List;

/**
 * A row of the mock log, without Swing.
 *
 * @param mocksId the mocks that answered
 * @param text the row: "GET http://api.shop.local/orders/7 → pair 12, 200"
 * @param details under a miss: its closest recorded call and each difference; else empty
 * @param match the request as the mocks reported it; null for a "more not shown" row
 * @param count how many identical hits in a row this one stands for
 */
public record MockLogEntry(
    Kind kind,
    String mocksId,
    String text,
    List<String> details,
    @Nullable MatchDto match,
    int count) {

  /** What a row is. */
  public enum Kind {
    HIT,
    MISS,
    /** Requests answered but left out of the notifications, counted. */
    UNSENT
  }

  /** The recorded pair a click shows: a hit's own, a miss's closest; null when there is none. */
  public Long pairId() {
    if (match == null) {
      return null;
    }
    if (match.pairId() != null) {
      return match.pairId();
    }
    return match.nearest().isEmpty() ? null : match.nearest().get(0).pairId();
  }

  /** The whole row, as tests and the list's tooltip read it. */
  public String label() {
    String line = count > 1 ? text + "  ×" + count : text;
    return details.isEmpty() ? line : line + "\n  " + String.join("\n  ", details);
  }
}
