package dev.kubereplay.intellij.recordings.details;

import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.intellij.recordings.tree.Sparkline;
import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.LatencyHistogramDto;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The words of an endpoint's latency histogram: the labels of the chart and the endpoint's document
 * ({@link Sparkline} draws its row's sparkline). No Swing.
 */
public final class LatencyText {

  private LatencyText() {}

  /** The durations the histogram holds: the sum of its buckets. */
  static long total(LatencyHistogramDto histogram) {
    return histogram.counts().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * A bucket bound under the chart's x axis: {@code 5}, {@code 20}, {@code 500} in milliseconds
   * (with " ms" when {@code unit}, as the first label says it), {@code 1 s}, {@code 2 s} from a
   * second on.
   */
  public static String bound(long millis, boolean unit) {
    if (millis >= 1000) {
      return seconds(millis) + " s";
    }
    return unit ? millis + " ms" : String.valueOf(millis);
  }

  /** A duration: {@code 48 ms}, {@code 1.32 s}. */
  public static String duration(long millis) {
    return millis >= 1000 ? seconds(millis) + " s" : millis + " ms";
  }

  private static String seconds(long millis) {
    return BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
  }

  /** A count above a bar, short enough for a narrow one: {@code 320}, {@code 4.2k}, {@code 18k}. */
  public static String shortCount(long n) {
    if (n < 1000) {
      return String.valueOf(n);
    }
    if (n < 1_000_000) {
      return compact(n, 1000) + "k";
    }
    return compact(n, 1_000_000) + "M";
  }

  private static String compact(long n, long unit) {
    double value = (double) n / unit;
    return value < 10
        ? String.format(Locale.ROOT, "%.1f", Math.floor(value * 10) / 10).replace(".0", "")
        : String.valueOf(n / unit);
  }

  /** A percentile marker's label: {@code p50 12 ms}. */
  public static String marker(String name, long millis) {
    return name + " " + duration(millis);
  }

  /** The chart's title: {@code Latency of GET /orders/{id} · 812 pairs}. */
  public static String title(EndpointDto e) {
    long pairs = e.inCount() + e.outCount();
    return "Latency of "
        + RecordingText.endpointText(e)
        + " · "
        + RecordingText.count(pairs)
        + (pairs == 1 ? " pair" : " pairs");
  }

  /**
   * What the area beside the tree says about an endpoint, under its chart: its name, counts and
   * percentiles, then its histogram as a table.
   */
  public static String document(String host, EndpointDto e) {
    StringBuilder b = new StringBuilder();
    long pairs = e.inCount() + e.outCount();
    b.append(RecordingText.endpointName(e.method(), host, e.pathTemplate())).append('\n');
    b.append(RecordingText.count(pairs))
        .append(pairs == 1 ? " pair" : " pairs")
        .append(" · IN ")
        .append(RecordingText.count(e.inCount()))
        .append(" · OUT ")
        .append(RecordingText.count(e.outCount()))
        .append('\n');
    LatencyHistogramDto h = e.latency();
    if (h == null || h.counts().isEmpty()) {
      b.append("No durations recorded\n");
      return b.toString();
    }
    StringBuilder stats = new StringBuilder();
    percentile(stats, "p50", e.medianMillis());
    percentile(stats, "p95", e.p95Millis());
    percentile(stats, "max", e.maxMillis());
    if (!stats.isEmpty()) {
      b.append(stats).append('\n');
    }
    b.append('\n');
    List<Long> bounds = h.boundsMillis();
    String[] ranges = new String[h.counts().size()];
    int width = "Duration".length();
    for (int i = 0; i < ranges.length; i++) {
      ranges[i] = range(bounds.get(i), bounds.get(i + 1));
      width = Math.max(width, ranges[i].length());
    }
    String[] counts = new String[ranges.length];
    int countWidth = "Pairs".length();
    for (int i = 0; i < ranges.length; i++) {
      counts[i] = RecordingText.count(h.counts().get(i));
      countWidth = Math.max(countWidth, counts[i].length());
    }
    String row = "%-" + width + "s  %" + countWidth + "s\n";
    b.append(String.format(Locale.ROOT, row, "Duration", "Pairs"));
    for (int i = 0; i < ranges.length; i++) {
      b.append(String.format(Locale.ROOT, row, ranges[i], counts[i]));
    }
    long untimed = pairs - total(h);
    if (untimed > 0) {
      b.append('\n')
          .append(RecordingText.count(untimed))
          .append(untimed == 1 ? " pair has" : " pairs have")
          .append(" no duration\n");
    }
    return b.toString();
  }

  private static void percentile(StringBuilder b, String name, @Nullable Long millis) {
    if (millis != null) {
      b.append(b.isEmpty() ? "" : " · ").append(marker(name, millis));
    }
  }

  /** A bucket as the table names it: {@code 10–20 ms}, {@code 500 ms–1 s}, {@code 1–2 s}. */
  static String range(long from, long to) {
    if (from >= 1000) {
      return seconds(from) + "–" + seconds(to) + " s";
    }
    if (to >= 1000) {
      return from + " ms–" + seconds(to) + " s";
    }
    return from + "–" + to + " ms";
  }
}
