package dev.kubereplay.server.cli.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.protocol.traffic.LatencyHistogramDto;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

  private final LatencyHistogramDto fast =
      new LatencyHistogramDto(List.of(5L, 10L, 20L), List.of(8L, 1L));
  private final LatencyHistogramDto slow =
      new LatencyHistogramDto(List.of(50L, 100L, 200L, 500L), List.of(2L, 0L, 4L));

  @Test
  void rows_share_one_range_so_a_column_is_the_same_bucket_in_each() {
    Sparkline spark = Sparkline.spanning(Arrays.asList(fast, null, slow));

    assertThat(spark.range()).isEqualTo("5ms..500ms");
    // Columns: 5, 10, 20, 50, 100, 200 ms.
    assertThat(spark.line(fast)).isEqualTo("█▁    ");
    assertThat(spark.line(slow)).isEqualTo("   ▄ █");
    assertThat(spark.line(null)).isEqualTo("-");
  }

  @Test
  void seconds_are_labelled_as_seconds_and_no_histogram_is_no_range() {
    assertThat(Sparkline.label(2000)).isEqualTo("2s");
    assertThat(Sparkline.label(500)).isEqualTo("500ms");
    assertThat(Sparkline.spanning(Arrays.asList((LatencyHistogramDto) null))).isNull();
  }
}
