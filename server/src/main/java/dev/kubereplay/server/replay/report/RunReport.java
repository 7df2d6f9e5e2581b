package dev.kubereplay.server.replay.report;

import dev.kubereplay.server.replay.generator.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What a replay run found, gathered as requests end (from any virtual user's thread): per endpoint
 * the count, passes and latencies (HdrHistogram), errors by kind, and the failing requests with
 * their mismatches (the first {@link #KEPT_FAILURES}).
 */
public final class RunReport {

  /** Failing requests kept with their details; later ones are counted only. */
  public static final int KEPT_FAILURES = 500;

  private static final long HIGHEST_NANOS = TimeUnit.HOURS.toNanos(1);

  /** One endpoint's numbers. Latencies in milliseconds. */
  public record EndpointStats(
      String endpoint,
      long count,
      long passed,
      double p50,
      double p90,
      double p95,
      double p99,
      double max) {}

  /** The result of checking one goal. */
  public record GoalResult(Goal goal, double actual, boolean met) {}

  private final Map<String, Histogram> latencies = new TreeMap<>();
  private final Map<String, long[]> counts = new TreeMap<>();
  private final Histogram all = new Histogram(HIGHEST_NANOS, 3);
  private final Map<Outcome.Failure, Long> errors = new EnumMap<>(Outcome.Failure.class);
  private final List<Outcome> failures = new ArrayList<>();
  private long total;
  private long passed;
  private long mismatched;

  /** Adds a request's outcome. */
  public synchronized void add(Outcome outcome) {
    total++;
    long[] count = counts.computeIfAbsent(outcome.endpoint(), e -> new long[2]);
    count[0]++;
    if (outcome.passed()) {
      passed++;
      count[1]++;
    } else if (outcome.error() != null) {
      errors.merge(outcome.error(), 1L, Long::sum);
    } else {
      mismatched++;
    }
    if (outcome.latencyNanos() >= 0) {
      long nanos = Math.min(outcome.latencyNanos(), HIGHEST_NANOS);
      latencies
          .computeIfAbsent(outcome.endpoint(), e -> new Histogram(HIGHEST_NANOS, 3))
          .recordValue(nanos);
      all.recordValue(nanos);
    }
    if (!outcome.passed() && failures.size() < KEPT_FAILURES) {
      failures.add(outcome);
    }
  }

  public synchronized long total() {
    return total;
  }

  public synchronized long passed() {
    return passed;
  }

  public synchronized long failed() {
    return total - passed;
  }

  /** Requests whose response differed from the recording. */
  public synchronized long mismatched() {
    return mismatched;
  }

  /** Passed requests out of all, in percent; 0 for an empty run. */
  public synchronized double successPercent() {
    return total == 0 ? 0 : passed * 100.0 / total;
  }

  public synchronized Map<Outcome.Failure, Long> errors() {
    return Map.copyOf(errors);
  }

  /** The failing requests kept, in the order they ended. */
  public synchronized List<Outcome> failures() {
    return List.copyOf(failures);
  }

  /** Per endpoint, by name. */
  public synchronized List<EndpointStats> endpoints() {
    List<EndpointStats> stats = new ArrayList<>();
    counts.forEach(
        (endpoint, count) -> {
          Histogram h = latencies.get(endpoint);
          stats.add(
              new EndpointStats(
                  endpoint,
                  count[0],
                  count[1],
                  millis(h, 50),
                  millis(h, 90),
                  millis(h, 95),
                  millis(h, 99),
                  h == null ? 0 : h.getMaxValue() / 1e6));
        });
    return stats;
  }

  /** A latency percentile over every request, in milliseconds. */
  public synchronized double percentile(double percentile) {
    return millis(all, percentile);
  }

  private static double millis(Histogram histogram, double percentile) {
    if (histogram == null || histogram.getTotalCount() == 0) {
      return 0;
    }
    return histogram.getValueAtPercentile(percentile) / 1e6;
  }

  /** Checks goals against the run. */
  public synchronized List<GoalResult> check(List<Goal> goals) {
    List<GoalResult> results = new ArrayList<>();
    for (Goal goal : goals) {
      double actual =
          switch (goal.metric()) {
            case "p50" -> percentile(50);
            case "p90" -> percentile(90);
            case "p95" -> percentile(95);
            case "p99" -> percentile(99);
            case "max" -> all.getTotalCount() == 0 ? 0 : all.getMaxValue() / 1e6;
            case "success" -> successPercent();
            default -> total - passed - mismatched;
          };
      results.add(new GoalResult(goal, actual, goal.metBy(actual)));
    }
    return results;
  }
}
