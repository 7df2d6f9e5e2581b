package dev.kubereplay.intellij.recordings.tree;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.recordings.TrafficSamples;
import dev.kubereplay.protocol.traffic.LatencyHistogramDto;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An endpoint's latency as one line of bars on its row, as the CLI draws it. */
class SparklineTest {

  private static LatencyHistogramDto histogram(List<Long> bounds, List<Long> counts) {
    return new LatencyHistogramDto(bounds, counts);
  }

  @Test
  void a_sparkline_scales_each_bucket_to_the_largest_and_leaves_empty_ones_blank() {
    // count 0 → ' ', else LEVELS[min(7, (count * 8 - 1) / max)]
    assertThat(
            Sparkline.of(
                histogram(
                    List.of(2L, 5L, 10L, 20L, 50L, 100L, 200L, 500L),
                    List.of(3L, 40L, 180L, 320L, 150L, 60L, 9L))))
        .isEqualTo("▁▁▅█▄▂▁");
    assertThat(Sparkline.of(histogram(List.of(0L, 1L, 2L, 5L, 10L), List.of(8L, 0L, 0L, 1L))))
        .isEqualTo("█  ▁");
    // Every level once: count k of 8 is level k - 1.
    assertThat(
            Sparkline.of(
                histogram(
                    List.of(1L, 2L, 5L, 10L, 20L, 50L, 100L, 200L, 500L),
                    List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L))))
        .isEqualTo("▁▂▃▄▅▆▇█");
    // One bucket is full height, whatever its count.
    assertThat(Sparkline.of(histogram(List.of(10L, 20L), List.of(1L)))).isEqualTo("█");
    assertThat(Sparkline.of(TrafficSamples.ORDERS_LATENCY)).isEqualTo("▁▄█▇▁ ▁");
  }

  @Test
  void no_histogram_or_an_empty_one_has_no_sparkline() {
    assertThat(Sparkline.of(null)).isEmpty();
    assertThat(Sparkline.of(histogram(List.of(5L), List.of()))).isEmpty();
    assertThat(Sparkline.of(histogram(List.of(5L, 10L), List.of(0L)))).isEmpty();
  }

  @Test
  void a_sparkline_is_told_from_other_words() {
    assertThat(Sparkline.is("▁▄█▇▁ ▁")).isTrue();
    assertThat(Sparkline.is("█")).isTrue();
    assertThat(Sparkline.is("   ")).isFalse();
    assertThat(Sparkline.is("p95 48 ms")).isFalse();
    assertThat(Sparkline.is("")).isFalse();
  }
}
