package dev.kubereplay.server.replay.generator;

import dev.kubereplay.server.replay.compare.ResponseComparison;
import dev.kubereplay.server.replay.responder.Timing;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * How to send a snapshot's inbound requests at a build.
 *
 * @param target where to send them: {@code scheme://host[:port]}, each request's path and query
 *     appended
 * @param virtualUsers how many requests may be in flight at once
 * @param ratePerSecond at most this many requests started per second; 0 for no limit
 * @param duration send for this long, cycling through the requests; null to use {@code times}
 * @param times send every request this many times (when {@code duration} is null)
 * @param timing {@code none}: as fast as users and rate allow; {@code recorded}: spaced as
 *     recorded; {@code Nx}: that spacing N times faster
 * @param headers headers set on every request, replacing recorded ones of that name (credentials
 *     supplied at run time; recorded values were redacted)
 * @param requestTimeout how long one request may take before it fails as a timeout
 * @param comparison what to compare of each response; null to send without comparing
 */
public record ReplayPlan(
    URI target,
    int virtualUsers,
    double ratePerSecond,
    Duration duration,
    int times,
    Timing timing,
    List<HeaderRule> headers,
    Duration requestTimeout,
    ResponseComparison.Options comparison) {

  public ReplayPlan {
    if (virtualUsers < 1) {
      throw new IllegalArgumentException("--vus must be at least 1");
    }
    if (ratePerSecond < 0) {
      throw new IllegalArgumentException("--rate must not be negative");
    }
    if (duration == null && times < 1) {
      throw new IllegalArgumentException("--times must be at least 1");
    }
    headers = List.copyOf(headers);
  }

  /** Every request once, one at a time, compared with the defaults. */
  public static ReplayPlan once(URI target) {
    return new ReplayPlan(
        target,
        1,
        0,
        null,
        1,
        Timing.NONE,
        List.of(),
        Duration.ofSeconds(30),
        ResponseComparison.Options.DEFAULT);
  }
}
