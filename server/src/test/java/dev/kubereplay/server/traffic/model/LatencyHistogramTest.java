package dev.kubereplay.server.traffic.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void buckets_grow_in_one_two_five_steps() {
    assertThat(IntStream.range(0, 11).mapToObj(i -> LatencyHistogram.edge(i)))
        .containsExactly(0L, 1L, 2L, 5L, 10L, 20L, 50L, 100L, 200L, 500L, 1000L);
    assertThat(LatencyHistogram.bucketOf(0)).isZero();
    assertThat(LatencyHistogram.bucketOf(4)).isEqualTo(2); // 2 <= 4 < 5
    assertThat(LatencyHistogram.bucketOf(5)).isEqualTo(3);
    assertThat(LatencyHistogram.bucketOf(1999)).isEqualTo(10);
    assertThat(LatencyHistogram.nextBound(0)).isEqualTo(1);
    assertThat(LatencyHistogram.nextBound(20)).isEqualTo(50);
    assertThat(LatencyHistogram.nextBound(999)).isEqualTo(1000);
  }

  @Test
  void counts_each_duration_once_between_the_first_and_last_bucket_used() {
    long[] sorted = {3, 4, 7, 9, 9, 12, 48, 51, 120, 0, 0};
    LatencyHistogram histogram = LatencyHistogram.of(sorted, 9); // the last two are not counted

    assertThat(histogram.boundsMillis()).containsExactly(2L, 5L, 10L, 20L, 50L, 100L, 200L);
    assertThat(histogram.counts()).containsExactly(2L, 3L, 1L, 1L, 1L, 1L);
    assertThat(histogram.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(9);
  }

  @Test
  void one_duration_is_one_bucket_and_none_is_no_histogram() {
    assertThat(LatencyHistogram.of(new long[] {0}, 1))
        .isEqualTo(new LatencyHistogram(List.of(0L, 1L), List.of(1L)));
    assertThat(LatencyHistogram.of(new long[] {1000}, 1))
        .isEqualTo(new LatencyHistogram(List.of(1000L, 2000L), List.of(1L)));
    assertThat(LatencyHistogram.of(new long[0], 0)).isNull();
  }
}
