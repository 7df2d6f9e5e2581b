package dev.kubereplay.server.traffic.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How durations spread, in buckets that grow in 1-2-5 steps (0, 1, 2, 5, 10, 20, 50 ms, ...): the
 * same buckets for every endpoint, so that histograms line up, and fine where latencies are small
 * and coarse in the long tail. Only the buckets from the first to the last that holds a duration
 * are kept.
 *
 * @param boundsMillis one more than {@code counts}: bucket {@code i} holds {@code boundsMillis[i]
 *     <= d < boundsMillis[i + 1]}
 * @param counts how many durations fall in each bucket
 */
public record LatencyHistogram(List<Long> boundsMillis, List<Long> counts) {

  private static final long[] STEPS = {1, 2, 5};

  public LatencyHistogram {
    boundsMillis = List.copyOf(boundsMillis);
    counts = List.copyOf(counts);
  }

  /**
   * The histogram of the first {@code n} of {@code sortedMillis} (ascending, none negative), or
   * null when {@code n} is 0.
   */
  public static LatencyHistogram of(long[] sortedMillis, int n) {
    if (n == 0) {
      return null;
    }
    int first = bucketOf(sortedMillis[0]);
    int last = bucketOf(sortedMillis[n - 1]);
    long[] counts = new long[last - first + 1];
    int bucket = first;
    for (int i = 0; i < n; i++) {
      while (sortedMillis[i] >= edge(bucket + 1)) {
        bucket++;
      }
      counts[bucket - first]++;
    }
    List<Long> bounds = new ArrayList<>(counts.length + 1);
    for (int b = first; b <= last + 1; b++) {
      bounds.add(edge(b));
    }
    List<Long> countList = new ArrayList<>(counts.length);
    for (long count : counts) {
      countList.add(count);
    }
    return new LatencyHistogram(bounds, countList);
  }

  /** The upper bound of the bucket that holds {@code millis}: the next 1-2-5 step above it. */
  public static long nextBound(long millis) {
    return edge(bucketOf(millis) + 1);
  }

  /** The lower edge of bucket {@code index}: 0, 1, 2, 5, 10, 20, 50, ... ms. */
  static long edge(int index) {
    if (index == 0) {
      return 0;
    }
    long power = 1;
    for (int k = 0; k < (index - 1) / 3; k++) {
      power *= 10;
    }
    return STEPS[(index - 1) % 3] * power;
  }

  /** The bucket holding {@code millis}. */
  static int bucketOf(long millis) {
    int index = 0;
    while (millis >= edge(index + 1)) {
      index++;
    }
    return index;
  }
}
