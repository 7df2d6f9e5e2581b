// An endpoint's latency histogram as text: a sparkline for its row, a labelled bar chart for its
// tooltip. Free of the vscode module so it can be unit-tested.
import type { LatencyHistogramDto } from '../rpc/protocol';

/** The sparkline's levels, lowest first, as the command line draws them. */
const LEVELS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

/** The last cell of a bar, by how many eighths of a block it holds. */
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'] as const;

/** How many blocks the longest bar of a chart has. */
export const BAR_WIDTH = 24;

function largest(counts: readonly number[]): number {
  return counts.reduce((max, count) => Math.max(max, count), 0);
}

/**
 * One character per bucket, scaled to the largest: an empty bucket is a blank, any other one of
 * `▁▂▃▄▅▆▇█`, e.g. `▁▃█▅▂`.
 */
export function sparkline(histogram: LatencyHistogramDto): string {
  const max = largest(histogram.counts);
  return histogram.counts
    .map((count) =>
      count <= 0 ? ' ' : (LEVELS[Math.min(7, Math.floor((count * 8 - 1) / max))] ?? '█'),
    )
    .join('');
}

function seconds(millis: number): string {
  return String(millis / 1000);
}

/** A bucket's range: `5–10 ms`, `1–2 s`, and `500 ms–1 s` between the two. */
export function bucketLabel(fromMillis: number, toMillis: number): string {
  if (fromMillis >= 1000) {
    return `${seconds(fromMillis)}–${seconds(toMillis)} s`;
  }
  if (toMillis < 1000) {
    return `${fromMillis}–${toMillis} ms`;
  }
  return `${fromMillis} ms–${seconds(toMillis)} s`;
}

/**
 * A bar of `count` where `max` draws `width` blocks, in eighths of a block; a non-zero count
 * draws at least one block, a zero count nothing.
 */
export function bar(count: number, max: number, width = BAR_WIDTH): string {
  if (count <= 0 || max <= 0) {
    return '';
  }
  const eighths = Math.max(8, Math.round((Math.min(count, max) / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '');
}

function countText(count: number): string {
  return count.toLocaleString('en-US');
}

/**
 * One line per bucket, the ranges, bars and counts in columns:
 * ```
 *  5–10 ms  ████████████████████████  8
 * 10–20 ms  ███                       1
 * ```
 * An empty bucket has its range and `0`, and no bar.
 */
export function chartLines(histogram: LatencyHistogramDto): string[] {
  const max = largest(histogram.counts);
  const rows = histogram.counts.map((count, index) => {
    const from = histogram.boundsMillis[index] ?? 0;
    const to = histogram.boundsMillis[index + 1] ?? from;
    return { label: bucketLabel(from, to), bar: bar(count, max), count: countText(count) };
  });
  const labelWidth = largest(rows.map((row) => row.label.length));
  const countWidth = largest(rows.map((row) => row.count.length));
  return rows.map(
    (row) =>
      `${row.label.padStart(labelWidth)}  ${row.bar.padEnd(BAR_WIDTH)}  ${row.count.padStart(countWidth)}`,
  );
}

/** How many durations the histogram holds. */
export function histogramTotal(histogram: LatencyHistogramDto): number {
  return histogram.counts.reduce((sum, count) => sum + count, 0);
}
