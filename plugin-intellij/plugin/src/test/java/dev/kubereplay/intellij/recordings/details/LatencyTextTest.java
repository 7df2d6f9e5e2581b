package dev.kubereplay.intellij.recordings.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.recordings.TrafficSamples;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.LatencyHistogramDto;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The words of a latency histogram: bound and duration labels, counts, the document. */
class LatencyTextTest {

  private static LatencyHistogramDto histogram(List<Long> bounds, List<Long> counts) {
    return new LatencyHistogramDto(bounds, counts);
  }

  @Test
  void bounds_read_as_milliseconds_then_seconds() {
    assertThat(LatencyText.bound(0, true)).isEqualTo("0 ms");
    assertThat(LatencyText.bound(5, true)).isEqualTo("5 ms");
    assertThat(LatencyText.bound(5, false)).isEqualTo("5");
    assertThat(LatencyText.bound(20, false)).isEqualTo("20");
    assertThat(LatencyText.bound(500, false)).isEqualTo("500");
    assertThat(LatencyText.bound(1000, false)).isEqualTo("1 s");
    assertThat(LatencyText.bound(2000, true)).isEqualTo("2 s");
    assertThat(LatencyText.bound(50_000, false)).isEqualTo("50 s");
  }

  @Test
  void durations_counts_and_ranges() {
    assertThat(LatencyText.duration(0)).isEqualTo("0 ms");
    assertThat(LatencyText.duration(48)).isEqualTo("48 ms");
    assertThat(LatencyText.duration(999)).isEqualTo("999 ms");
    assertThat(LatencyText.duration(1000)).isEqualTo("1 s");
    assertThat(LatencyText.duration(1320)).isEqualTo("1.32 s");
    assertThat(LatencyText.duration(12_500)).isEqualTo("12.5 s");
    assertThat(LatencyText.marker("p95", 48)).isEqualTo("p95 48 ms");

    assertThat(LatencyText.shortCount(7)).isEqualTo("7");
    assertThat(LatencyText.shortCount(999)).isEqualTo("999");
    assertThat(LatencyText.shortCount(1000)).isEqualTo("1k");
    assertThat(LatencyText.shortCount(4_260)).isEqualTo("4.2k");
    assertThat(LatencyText.shortCount(9_999)).isEqualTo("9.9k");
    assertThat(LatencyText.shortCount(18_400)).isEqualTo("18k");
    assertThat(LatencyText.shortCount(2_500_000)).isEqualTo("2.5M");

    assertThat(LatencyText.range(10, 20)).isEqualTo("10–20 ms");
    assertThat(LatencyText.range(500, 1000)).isEqualTo("500 ms–1 s");
    assertThat(LatencyText.range(1000, 2000)).isEqualTo("1–2 s");
  }

  @Test
  void the_title_names_the_endpoint_and_its_pairs() {
    EndpointDto orders = TrafficSamples.CHECKOUT_ENDPOINTS.hosts().get(0).endpoints().get(0);
    assertThat(LatencyText.title(orders)).isEqualTo("Latency of GET /orders/{id} · 812 pairs");
    EndpointDto one =
        new EndpointDto(
            "POST", "/v1/charges", 0, 1, 7L, 7L, 7L, histogram(List.of(5L, 10L), List.of(1L)));
    assertThat(LatencyText.title(one)).isEqualTo("Latency of POST /v1/charges · 1 pair");
  }

  @Test
  void the_document_counts_pairs_without_a_duration() {
    EndpointDto e =
        new EndpointDto(
            "POST",
            "/checkout",
            1_204,
            0,
            900L,
            1_800L,
            4_000L,
            histogram(List.of(500L, 1000L, 2000L, 5000L), List.of(600L, 500L, 100L)));
    assertThat(LatencyText.document("api.shop.local", e))
        .isEqualTo(
            """
            POST api.shop.local/checkout
            1,204 pairs · IN 1,204 · OUT 0
            p50 900 ms · p95 1.8 s · max 4 s

            Duration    Pairs
            500 ms–1 s    600
            1–2 s         500
            2–5 s         100

            4 pairs have no duration
            """);
  }
}
