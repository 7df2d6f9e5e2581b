package dev.kubereplay.server.cli.replay;

import dev.kubereplay.server.replay.match.Difference;
import dev.kubereplay.server.replay.match.Matcher;
import dev.kubereplay.server.replay.responder.MockRequest;
import dev.kubereplay.server.replay.responder.PassthroughCalls;
import dev.kubereplay.server.replay.responder.RecordingAnswers;
import java.util.stream.Collectors;

/**
 * The mock log's lines: a hit names its pair, a miss the closest recorded call and what differed, a
 * miss passed through what the real upstream answered.
 */
final class MockLog {

  private static final int DIFFERENCES_SHOWN = 3;

  private MockLog() {}

  static String line(RecordingAnswers.Event event) {
    MockRequest request = event.request();
    String asked =
        request.method()
            + " "
            + request.scheme()
            + "://"
            + request.authority()
            + request.path()
            + (request.query() == null ? "" : "?" + request.query());
    if (event.outcome() instanceof Matcher.Hit hit) {
      return "hit   "
          + asked
          + " -> pair "
          + hit.call().id()
          + " ("
          + hit.call().pair().status()
          + (hit.repeat() > 0 ? ", asked " + (hit.repeat() + 1) + " times" : "")
          + ")";
    }
    if (event.passed() != null) {
      PassthroughCalls.Passed passed = event.passed();
      return "PASS  "
          + asked
          + (passed.failure() != null
              ? " -> failed: " + passed.failure()
              : " -> "
                  + passed.status()
                  + " from "
                  + passed.url()
                  + (passed.kept() ? " (kept)" : ""));
    }
    Matcher.Miss miss = (Matcher.Miss) event.outcome();
    if (miss.nearest().isEmpty()) {
      return "MISS  " + asked;
    }
    Matcher.NearMiss closest = miss.nearest().get(0);
    String differences =
        closest.differences().stream()
            .limit(DIFFERENCES_SHOWN)
            .map(Difference::describe)
            .collect(Collectors.joining("; "));
    int more = closest.differences().size() - DIFFERENCES_SHOWN;
    return "MISS  "
        + asked
        + " -- closest: pair "
        + closest.call().id()
        + " "
        + closest.call().pair().method()
        + " "
        + closest.call().pair().url()
        + ": "
        + differences
        + (more > 0 ? " (and " + more + " more)" : "");
  }
}
