package dev.kubereplay.intellij.recordings.tree;

import dev.kubereplay.protocol.Nullable;
import dev.kubereplay.protocol.traffic.LatencyHistogramDto;

/**
 * An endpoint's latency histogram as one line of bars on its row, as the CLI draws it. No Swing.
 */
public final class Sparkline {

  /** The sparkline's eight heights, lowest first, as the CLI draws them. */
  public static final String LEVELS = "▁▂▃▄▅▆▇█";

  private Sparkline() {}

  /**
   * One character per bucket, scaled to the largest bucket: an empty bucket is a blank, any other
   * one of {@link #LEVELS}. Empty when there is no histogram.
   */
  public static String of(@Nullable LatencyHistogramDto histogram) {
    if (histogram == null) {
      return "";
    }
    long max = largest(histogram);
    if (max <= 0) {
      return "";
    }
    StringBuilder line = new StringBuilder();
    for (long count : histogram.counts()) {
      line.append(count <= 0 ? ' ' : LEVELS.charAt((int) Math.min(7, (count * 8 - 1) / max)));
    }
    return line.toString();
  }

  /** Whether {@code text} is a sparkline: blanks and levels, at least one level. */
  public static boolean is(String text) {
    boolean level = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (LEVELS.indexOf(c) >= 0) {
        level = true;
      } else if (c != ' ') {
        return false;
      }
    }
    return level;
  }

  /** The largest bucket's count. */
  public static long largest(LatencyHistogramDto histogram) {
    return histogram.counts().stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
