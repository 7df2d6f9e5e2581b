package dev.kubereplay.intellij.recordings.details;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kubereplay.intellij.recordings.TrafficSamples;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.LatencyHistogramDto;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The latency chart's geometry, without Swing: text is 7 pixels a character, lines 14 high. */
class LatencyBarsTest {

  private static final LatencyBars.Measure SEVEN = text -> 7 * text.length();

  private static final EndpointDto ORDERS =
      TrafficSamples.CHECKOUT_ENDPOINTS.hosts().get(0).endpoints().get(0);

  private static LatencyBars lay(EndpointDto e, int width, int height) {
    return LatencyBars.of(e, width, height, 16, 14, SEVEN);
  }

  private static EndpointDto endpoint(Long p50, Long p95, List<Long> bounds, List<Long> counts) {
    long total = counts.stream().mapToLong(Long::longValue).sum();
    return new EndpointDto(
        "GET", "/x", total, 0, p50, p95, null, new LatencyHistogramDto(bounds, counts));
  }

  @Test
  void one_bar_per_bucket_its_height_proportional_to_its_count() {
    LatencyBars chart = lay(ORDERS, 480, 220);
    // 25, 160, 330, 260, 30, 0, 7
    List<LatencyBars.Bar> bars = chart.bars();
    assertThat(bars).hasSize(7);
    int plot = chart.axis() - chart.plotTop();
    assertThat(plot).isGreaterThan(80);
    assertThat(bars.get(2).height()).isEqualTo(plot); // the largest fills the plot
    for (LatencyBars.Bar bar : bars) {
      assertThat((double) bar.height()).isCloseTo(bar.count() * plot / 330.0, within(1.0));
      assertThat(bar.top() + bar.height()).isEqualTo(chart.axis());
    }
    assertThat(bars.get(3).height()).isLessThan(bars.get(2).height());
    assertThat(bars.get(1).height()).isLessThan(bars.get(3).height());
    assertThat(bars.get(0).height()).isLessThan(bars.get(1).height());
    assertThat(bars.get(5).height()).isZero(); // 100–200 ms is empty
    assertThat(bars.get(5).label()).isEmpty();
    assertThat(bars.get(6).height()).isPositive();
    assertThat(bars.get(6).label()).isEqualTo("7");
    assertThat(bars.get(2).label()).isEqualTo("330");
    // The counts sit above their bars, inside the chart.
    assertThat(bars.get(2).labelTop()).isGreaterThanOrEqualTo(chart.titleTop() + 16);
    assertThat(bars.get(2).labelTop() + 14).isLessThanOrEqualTo(bars.get(2).top());
  }

  @Test
  void a_bucket_of_one_among_thousands_still_shows() {
    assertThat(LatencyBars.height(1, 100_000, 120)).isEqualTo(1);
    assertThat(LatencyBars.height(0, 100_000, 120)).isZero();
    assertThat(LatencyBars.height(50_000, 100_000, 120)).isEqualTo(60);
    assertThat(LatencyBars.height(100_000, 100_000, 120)).isEqualTo(120);
  }

  @Test
  void bars_stand_side_by_side_in_equal_slots_between_their_bounds() {
    LatencyBars chart = lay(ORDERS, 480, 220);
    List<LatencyBars.Tick> ticks = chart.ticks();
    assertThat(ticks)
        .extracting(LatencyBars.Tick::label)
        .containsExactly("2 ms", "5", "10", "20", "50", "100", "200", "500");
    assertThat(ticks).allMatch(LatencyBars.Tick::shown);
    assertThat(ticks.get(0).x()).isEqualTo(chart.plotLeft());
    assertThat(ticks.get(7).x()).isEqualTo(chart.plotRight());
    for (int i = 0; i < 7; i++) {
      LatencyBars.Bar bar = chart.bars().get(i);
      assertThat(bar.x()).isGreaterThan(ticks.get(i).x());
      assertThat(bar.x() + bar.width()).isLessThan(ticks.get(i + 1).x());
      assertThat(bar.from()).isEqualTo(ticks.get(i).millis());
      assertThat(bar.to()).isEqualTo(ticks.get(i + 1).millis());
    }
    // The first bound's label has room left of the plot, the last one right of it.
    assertThat(chart.plotLeft() - 7 * 4 / 2).isGreaterThanOrEqualTo(LatencyBars.PAD);
    assertThat(chart.plotRight() + 7 * 3 / 2).isLessThanOrEqualTo(480 - LatencyBars.PAD);
  }

  @Test
  void seconds_bounds_and_labels_thinned_when_the_slots_are_narrow() {
    EndpointDto slow =
        endpoint(
            900L,
            20_000L,
            List.of(
                1L, 2L, 5L, 10L, 20L, 50L, 100L, 200L, 500L, 1000L, 2000L, 5000L, 10_000L, 20_000L,
                50_000L),
            List.of(1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L, 1L));
    LatencyBars wide = lay(slow, 900, 220);
    assertThat(wide.ticks()).allMatch(LatencyBars.Tick::shown);
    assertThat(wide.ticks())
        .extracting(LatencyBars.Tick::label)
        .endsWith("500", "1 s", "2 s", "5 s", "10 s", "20 s", "50 s");

    LatencyBars narrow = lay(slow, 300, 220);
    List<LatencyBars.Tick> shown = narrow.ticks().stream().filter(LatencyBars.Tick::shown).toList();
    assertThat(shown.size()).isLessThan(narrow.ticks().size()).isGreaterThan(2);
    assertThat(shown.get(0).label()).isEqualTo("1 ms");
    for (int i = 1; i < shown.size(); i++) {
      int gap = shown.get(i).x() - shown.get(i - 1).x();
      assertThat(gap).isGreaterThanOrEqualTo(7 * 4 + 6); // "50 s" is the widest
    }
  }

  @Test
  void counts_are_left_out_when_they_do_not_fit_above_their_bars() {
    EndpointDto busy =
        endpoint(
            12L,
            40L,
            List.of(1L, 2L, 5L, 10L, 20L, 50L, 100L),
            List.of(1_500L, 48_000L, 120_000L, 30_000L, 900L, 12L));
    assertThat(lay(busy, 480, 220).countsShown()).isTrue();
    assertThat(lay(busy, 480, 220).bars().get(2).label()).isEqualTo("120k");
    assertThat(lay(busy, 140, 220).countsShown()).isFalse();
  }

  @Test
  void markers_stand_at_p50_and_p95_inside_their_buckets() {
    LatencyBars chart = lay(ORDERS, 480, 220);
    assertThat(chart.markers())
        .extracting(LatencyBars.Marker::label)
        .containsExactly("p50 12 ms", "p95 48 ms");
    LatencyBars.Marker p50 = chart.markers().get(0);
    LatencyBars.Marker p95 = chart.markers().get(1);
    List<LatencyBars.Tick> ticks = chart.ticks();
    // 12 ms: a fifth into 10–20; 48 ms: near the end of 20–50.
    double slot = (ticks.get(3).x() - ticks.get(2).x());
    assertThat((double) p50.x()).isCloseTo(ticks.get(2).x() + 0.2 * slot, within(1.0));
    assertThat((double) p95.x()).isCloseTo(ticks.get(3).x() + 28 / 30.0 * slot, within(1.0));
    // Their labels stand apart on one row above the counts, right of their lines.
    assertThat(p50.top()).isEqualTo(p95.top());
    assertThat(p50.labelX()).isGreaterThan(p50.x());
    assertThat(p50.labelX() + 7 * 9).isLessThan(p95.labelX());
    assertThat(p50.top() + 14).isLessThanOrEqualTo(chart.bars().get(2).labelTop());
    assertThat(p50.top()).isGreaterThanOrEqualTo(chart.titleTop() + 16);
  }

  @Test
  void close_markers_take_two_rows_and_a_marker_at_the_right_edge_labels_leftwards() {
    EndpointDto close = endpoint(11L, 14L, List.of(5L, 10L, 20L, 50L), List.of(10L, 80L, 10L));
    LatencyBars chart = lay(close, 480, 220);
    LatencyBars.Marker p50 = chart.markers().get(0);
    LatencyBars.Marker p95 = chart.markers().get(1);
    assertThat(p95.top()).isEqualTo(p50.top() + 14);

    EndpointDto late = endpoint(12L, 49L, List.of(5L, 10L, 20L, 50L), List.of(10L, 80L, 10L));
    LatencyBars.Marker edge = lay(late, 480, 220).markers().get(1);
    assertThat(edge.labelX() + 7 * "p95 49 ms".length()).isLessThan(edge.x());

    EndpointDto none = endpoint(null, null, List.of(5L, 10L), List.of(3L));
    LatencyBars bare = lay(none, 480, 220);
    assertThat(bare.markers()).isEmpty();
    assertThat(bare.plotTop()).isLessThan(chart.plotTop());
  }
}
