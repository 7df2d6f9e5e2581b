package dev.kubereplay.server.replay.report;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A goal a run must meet: {@code p95<300ms}, {@code p99<=1s}, {@code max<2s}, {@code success>=99%},
 * {@code errors==0}. Latencies are over every request of the run.
 *
 * @param text as the user wrote it
 * @param metric {@code p50 p90 p95 p99 max success errors}
 * @param operator {@code < <= > >= ==}
 * @param value milliseconds for latencies, percent for success, a count for errors
 */
public record Goal(String text, String metric, String operator, double value) {

  private static final Pattern SHAPE =
      Pattern.compile(
          "\\s*(p50|p90|p95|p99|max|success|errors)\\s*(<=|>=|==|<|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|%)?\\s*");

  /**
   * Reads a goal.
   *
   * @throws IllegalArgumentException naming the goal and the shapes it may take
   */
  public static Goal parse(String text) {
    Matcher m = SHAPE.matcher(text.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw invalid(text);
    }
    String metric = m.group(1);
    double value = Double.parseDouble(m.group(3));
    String unit = m.group(4);
    boolean latency = metric.startsWith("p") || metric.equals("max");
    if (latency) {
      if (unit == null || unit.equals("%")) {
        throw invalid(text);
      }
      value = unit.equals("s") ? value * 1000 : value;
    } else if (metric.equals("success")) {
      if (!"%".equals(unit) || value > 100) {
        throw invalid(text);
      }
    } else if (unit != null) {
      throw invalid(text);
    }
    return new Goal(text.strip(), metric, m.group(2), value);
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException(
        "'"
            + text
            + "' is not a goal: use p50|p90|p95|p99|max with ms or s (p95<300ms),"
            + " success with % (success>=99%), or errors (errors==0)");
  }

  /** Whether {@code actual} (in the goal's unit) meets it. */
  public boolean metBy(double actual) {
    return switch (operator) {
      case "<" -> actual < value;
      case "<=" -> actual <= value;
      case ">" -> actual > value;
      case ">=" -> actual >= value;
      default -> actual == value;
    };
  }
}
