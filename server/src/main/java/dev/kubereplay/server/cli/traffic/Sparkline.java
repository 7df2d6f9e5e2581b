package dev.kubereplay.server.cli.traffic;

import dev.kubereplay.protocol.traffic.LatencyHistogramDto;
import dev.kubereplay.server.traffic.model.LatencyHistogram;
import java.util.Collection;
import java.util.List;

/**
 * Latency histograms as one line of block characters each, over a range shared by a table's rows: a
 * column is the same bucket in every row, so the rows' shapes can be compared at a glance. Each row
 * is scaled to its own largest bucket; an empty bucket is a blank.
 */
final class Sparkline {

  private static final char[] LEVELS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

  private final long from;
  private final long to;

  private Sparkline(long from, long to) {
    this.from = from;
    this.to = to;
  }

  /** The range that holds every one of {@code histograms} (nulls are skipped); null if none. */
  static Sparkline spanning(Collection<LatencyHistogramDto> histograms) {
    Long from = null;
    Long to = null;
    for (LatencyHistogramDto histogram : histograms) {
      if (histogram == null) {
        continue;
      }
      List<Long> bounds = histogram.boundsMillis();
      from = from == null ? bounds.get(0) : Math.min(from, bounds.get(0));
      to = to == null ? bounds.get(bounds.size() - 1) : Math.max(to, bounds.get(bounds.size() - 1));
    }
    return from == null ? null : new Sparkline(from, to);
  }

  /** The range's bounds as a column header says them, e.g. {@code 5ms..2s}. */
  String range() {
    return label(from) + ".." + label(to);
  }

  /** One histogram over the range; "-" for none. */
  String line(LatencyHistogramDto histogram) {
    if (histogram == null) {
      return "-";
    }
    long max = histogram.counts().stream().mapToLong(Long::longValue).max().orElse(0);
    StringBuilder line = new StringBuilder();
    // The buckets are the same 1-2-5 steps for every histogram (LatencyHistogram's): walk them.
    List<Long> bounds = histogram.boundsMillis();
    long lower = from;
    while (lower < to) {
      int index = bounds.indexOf(lower);
      long count =
          index >= 0 && index < histogram.counts().size() ? histogram.counts().get(index) : 0;
      line.append(count == 0 ? ' ' : LEVELS[(int) Math.min(7, (count * 8 - 1) / max)]);
      lower = LatencyHistogram.nextBound(lower);
    }
    return line.toString();
  }

  static String label(long millis) {
    return millis >= 1000 && millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
