package dev.kubereplay.protocol.traffic;

import java.util.List;

/**
 * How an endpoint's durations spread. Buckets grow in 1-2-5 steps (0, 1, 2, 5, 10, 20, 50 ms, ...),
 * the same steps for every endpoint, so histograms of different endpoints line up; only the range
 * from the first to the last bucket that holds a duration is sent.
 *
 * @param boundsMillis one more than {@code counts}: bucket {@code i} holds the durations {@code d}
 *     with {@code boundsMillis[i] <= d < boundsMillis[i + 1]}
 * @param counts how many pairs fall in each bucket
 */
public record LatencyHistogramDto(List<Long> boundsMillis, List<Long> counts) {}
