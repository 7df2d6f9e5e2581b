package dev.kubereplay.server.replay.generator;

import dev.kubereplay.server.replay.compare.Mismatch;
import java.util.List;

/**
 * What became of one replayed request.
 *
 * @param pairId the recorded pair it replayed
 * @param endpoint {@code METHOD /path/{template}}
 * @param url the URL it was sent to
 * @param latencyNanos from sending until the whole response was read; -1 when none came
 * @param status the response's status; 0 when none came
 * @param error why no response came; null when one did
 * @param mismatches how the response differs from the recording (none when it passed)
 * @param noise paths left out as values that vary by nature
 */
public record Outcome(
    long pairId,
    String endpoint,
    String url,
    long latencyNanos,
    int status,
    Failure error,
    List<Mismatch> mismatches,
    List<String> noise) {

  /** Why a request got no response. */
  public enum Failure {
    CONNECT,
    TIMEOUT,
    RESET,
    OTHER
  }

  /** A response came and matched the recording. */
  public boolean passed() {
    return error == null && mismatches.isEmpty();
  }
}
