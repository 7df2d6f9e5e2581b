package dev.kubereplay.intellij.recordings.mocks;

import dev.kubereplay.protocol.replay.DidMatchParams;
import dev.kubereplay.protocol.replay.MatchDto;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What running mocks answered, newest last, from {@code replay/didMatch} batches: a hit per row
 * (identical hits in a row counted on one), a miss with its closest recorded call and each
 * difference, and how many the server left out. At most {@link #LIMIT} rows; older ones drop off
 * the top. Not thread-safe: written on the model's thread, read through {@link #entries()}.
 */
public final class MockLog {

  public static final int LIMIT = 2000;

  private final Deque<MockLogEntry> entries = new ArrayDeque<>();
  private volatile List<MockLogEntry> snapshot = List.of();

  /** Adds one notification's requests, in the order they were answered. */
  public void add(DidMatchParams params) {
    for (MatchDto m : params.matches()) {
      if (m.pairId() != null) {
        hit(params.mocksId(), m);
      } else {
        append(
            new MockLogEntry(
                MockLogEntry.Kind.MISS,
                params.mocksId(),
                MockText.miss(m),
                MockText.missDetails(m),
                m,
                1));
      }
    }
    if (params.unsent() > 0) {
      append(
          new MockLogEntry(
              MockLogEntry.Kind.UNSENT,
              params.mocksId(),
              MockText.unsent(params.unsent()),
              List.of(),
              null,
              1));
    }
    snapshot = List.copyOf(entries);
  }

  private void hit(String mocksId, MatchDto m) {
    String text = MockText.hit(m);
    MockLogEntry last = entries.peekLast();
    if (last != null
        && last.kind() == MockLogEntry.Kind.HIT
        && last.mocksId().equals(mocksId)
        && last.text().equals(text)) {
      entries.pollLast();
      append(new MockLogEntry(last.kind(), mocksId, text, List.of(), m, last.count() + 1));
      return;
    }
    append(new MockLogEntry(MockLogEntry.Kind.HIT, mocksId, text, List.of(), m, 1));
  }

  private void append(MockLogEntry entry) {
    entries.addLast(entry);
    while (entries.size() > LIMIT) {
      entries.pollFirst();
    }
  }

  /** Empties the log. */
  public void clear() {
    entries.clear();
    snapshot = List.of();
  }

  /** The rows now, oldest first. */
  public List<MockLogEntry> entries() {
    return snapshot;
  }
}
