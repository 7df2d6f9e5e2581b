package dev.kubereplay.intellij.recordings.details;

import dev.kubereplay.intellij.recordings.tree.Sparkline;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.LatencyHistogramDto;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an endpoint's latency chart puts everything, in pixels from the chart's top left corner:
 * the title, one bar per bucket in equal slots (heights proportional to the counts, the largest
 * bucket filling the plot), the counts above the bars, the bucket bounds under the axis and the p50
 * and p95 markers with their labels. No Swing: text widths come from a {@link Measure}.
 *
 * @param title the chart's title
 * @param titleTop where the title's line starts
 * @param plotLeft the x of the first bucket's lower bound
 * @param plotRight the x of the last bucket's upper bound
 * @param plotTop the top of the tallest bar
 * @param axis the y of the x axis, the bars' foot
 * @param labelTop where the line of bound labels under the axis starts
 * @param countsShown whether the counts fit above the bars
 */
public record LatencyBars(
    String title,
    int titleTop,
    int plotLeft,
    int plotRight,
    int plotTop,
    int axis,
    int labelTop,
    List<Bar> bars,
    List<Tick> ticks,
    List<Marker> markers,
    boolean countsShown) {

  /** Around the chart. */
  public static final int PAD = 10;

  /** From the tick under the axis to its label. */
  static final int TICK = 4;

  /** Between a bar's top and its count. */
  static final int COUNT_GAP = 2;

  /** Between a marker's line and its label. */
  static final int MARKER_GAP = 3;

  /** The width of a text in the chart's small font. */
  @FunctionalInterface
  public interface Measure {
    int width(String text);
  }

  /**
   * A bucket's bar: {@code [from, to)} ms holding {@code count} durations; {@code height} 0 for an
   * empty bucket, at least 1 for any other.
   *
   * @param label the count as shown above the bar; empty for an empty bucket
   * @param labelTop where the count's line starts
   */
  public record Bar(
      long from,
      long to,
      long count,
      int x,
      int width,
      int top,
      int height,
      String label,
      int labelTop) {}

  /** A bucket bound on the axis; its label is shown unless the slots are too narrow for it. */
  public record Tick(long millis, int x, String label, boolean shown) {}

  /**
   * A percentile as a thin vertical line from {@code top} down to the axis, its label beside the
   * line at {@code labelX}, in its label row.
   */
  public record Marker(String name, long millis, String label, int x, int top, int labelX) {}

  /**
   * Lays out {@code e}'s chart (its latency must not be null) in {@code width} × {@code height}.
   *
   * @param titleHeight the title's line height
   * @param lineHeight the line height of the small labels (counts, bounds, markers)
   */
  public static LatencyBars of(
      EndpointDto e, int width, int height, int titleHeight, int lineHeight, Measure measure) {
    LatencyHistogramDto h = e.latency();
    if (h == null) {
      throw new IllegalArgumentException("no latency for " + e.method() + " " + e.pathTemplate());
    }
    List<Long> bounds = h.boundsMillis();
    List<Long> counts = h.counts();
    int n = counts.size();

    List<String> boundLabels = new ArrayList<>();
    int widestBound = 0;
    for (int i = 0; i <= n; i++) {
      String label = LatencyText.bound(bounds.get(i), i == 0);
      boundLabels.add(label);
      widestBound = Math.max(widestBound, measure.width(label));
    }
    int plotLeft = PAD + Math.max(measure.width(boundLabels.get(0)) / 2, 4);
    int plotRight = width - PAD - Math.max(measure.width(boundLabels.get(n)) / 2, 4);
    double slot = (plotRight - plotLeft) / (double) Math.max(1, n);

    // Rows from the top: title, marker labels, counts, the plot; from the bottom: bound labels.
    int titleTop = PAD;
    int y = titleTop + titleHeight + 4;
    List<Marker> markers = new ArrayList<>();
    int rows = markers(e, h, plotLeft, slot, width, measure, y, lineHeight, markers);
    y += rows * lineHeight + (rows > 0 ? 2 : 0);
    int countTop = y;
    int plotTop = countTop + lineHeight + COUNT_GAP;
    int labelTop = height - PAD / 2 - lineHeight;
    int axis = Math.max(plotTop + 10, labelTop - TICK);

    long max = Sparkline.largest(h);
    int plotHeight = axis - plotTop;
    List<Bar> bars = new ArrayList<>();
    boolean countsFit = true;
    for (int i = 0; i < n; i++) {
      int left = plotLeft + (int) Math.round(i * slot);
      int right = plotLeft + (int) Math.round((i + 1) * slot);
      int gap = right - left >= 12 ? Math.max(2, (int) Math.round((right - left) * 0.18)) : 1;
      long count = counts.get(i);
      int barHeight = height(count, max, plotHeight);
      String label = count > 0 ? LatencyText.shortCount(count) : "";
      if (measure.width(label) > right - left - 2) {
        countsFit = false;
      }
      bars.add(
          new Bar(
              bounds.get(i),
              bounds.get(i + 1),
              count,
              left + gap / 2,
              Math.max(1, right - left - gap),
              axis - barHeight,
              barHeight,
              label,
              axis - barHeight - COUNT_GAP - lineHeight));
    }

    // Every k-th bound is labelled, k as small as lets the labels stand apart.
    int every = 1;
    while (every < n && every * slot < widestBound + 6) {
      every++;
    }
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      ticks.add(
          new Tick(
              bounds.get(i),
              plotLeft + (int) Math.round(i * slot),
              boundLabels.get(i),
              i % every == 0));
    }
    return new LatencyBars(
        LatencyText.title(e),
        titleTop,
        plotLeft,
        plotRight,
        plotTop,
        axis,
        labelTop,
        List.copyOf(bars),
        List.copyOf(ticks),
        List.copyOf(markers),
        countsFit);
  }

  /**
   * A bar's height: proportional to its count, the largest count {@code plotHeight}; an empty
   * bucket 0, any other at least one pixel.
   */
  static int height(long count, long max, int plotHeight) {
    if (count <= 0 || max <= 0) {
      return 0;
    }
    return (int) Math.max(1, Math.round(count * (double) plotHeight / max));
  }

  /** The x of a duration: its bucket's slot, as far into it as it lies between the bounds. */
  static int x(LatencyHistogramDto h, long millis, int plotLeft, double slot) {
    List<Long> bounds = h.boundsMillis();
    int n = h.counts().size();
    if (millis <= bounds.get(0)) {
      return plotLeft;
    }
    for (int i = 0; i < n; i++) {
      long from = bounds.get(i);
      long to = bounds.get(i + 1);
      if (millis < to) {
        return plotLeft + (int) Math.round((i + (millis - from) / (double) (to - from)) * slot);
      }
    }
    return plotLeft + (int) Math.round(n * slot);
  }

  /**
   * p50 and p95 as markers, each label right of its line (left of it at the right edge); a label
   * that would run into the one before goes a row lower. Returns the rows used.
   */
  private static int markers(
      EndpointDto e,
      LatencyHistogramDto h,
      int plotLeft,
      double slot,
      int width,
      Measure measure,
      int top,
      int lineHeight,
      List<Marker> out) {
    int rows = 0;
    int lastLeft = 0;
    int lastRight = 0;
    List<String> names = List.of("p50", "p95");
    List<Long> values = new ArrayList<>();
    values.add(e.medianMillis());
    values.add(e.p95Millis());
    for (int i = 0; i < names.size(); i++) {
      Long millis = values.get(i);
      if (millis == null) {
        continue;
      }
      String label = LatencyText.marker(names.get(i), millis);
      int x = x(h, millis, plotLeft, slot);
      int labelWidth = measure.width(label);
      int labelX = x + MARKER_GAP;
      if (labelX + labelWidth > width - PAD / 2) {
        labelX = x - MARKER_GAP - labelWidth;
      }
      int row = 0;
      if (rows > 0) {
        boolean apart = labelX >= lastRight + 8 || labelX + labelWidth + 8 <= lastLeft;
        row = apart ? rows - 1 : rows;
      }
      rows = Math.max(rows, row + 1);
      lastLeft = labelX;
      lastRight = labelX + labelWidth;
      out.add(new Marker(names.get(i), millis, label, x, top + row * lineHeight, labelX));
    }
    return rows;
  }
}
