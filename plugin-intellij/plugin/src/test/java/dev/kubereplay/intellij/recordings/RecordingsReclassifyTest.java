package dev.kubereplay.intellij.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.recordings.actions.RecordingAction;
import dev.kubereplay.intellij.recordings.actions.RecordingsActions;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.traffic.EndpointDto;
import dev.kubereplay.protocol.traffic.HostEndpointsDto;
import dev.kubereplay.protocol.traffic.ListEndpointsResponse;
import dev.kubereplay.protocol.traffic.ListPairsParams;
import dev.kubereplay.protocol.traffic.ListPairsResponse;
import dev.kubereplay.protocol.traffic.ListSnapshotsResponse;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.PairSummaryDto;
import dev.kubereplay.protocol.traffic.ReclassifyParams;
import dev.kubereplay.protocol.traffic.ReclassifyResponse;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Marking a host's pairs as outbound (mocks) or inbound (tests) from its rows. */
class RecordingsReclassifyTest {

  /** A HAR import where the payment provider's calls came in as IN, like everything else. */
  private static final SnapshotDto BEFORE =
      new SnapshotDto(
          "s-1",
          "checkout-flow",
          "har",
          TrafficSamples.CREATED,
          1522,
          0,
          List.of("api.shop.local", "payments.internal"),
          null,
          null,
          0,
          dev.kubereplay.protocol.traffic.SnapshotState.COMPLETE);

  private final FakeServer fake = TrafficSamples.traffic(new FakeServer());
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final RecordingsModel model = session.recordings();
  private volatile PairDirection payments = PairDirection.IN;

  private final RecordingsActions actions =
      new RecordingsActions(
          model,
          Optional::empty,
          Optional::of,
          (title, message, options, initial) -> Optional.empty(),
          (title, message, confirmText) -> false);

  @BeforeEach
  void serve() {
    RecordingText.zone(ZoneOffset.UTC);
    fake.answer(
            "traffic/listSnapshots",
            params ->
                CompletableFuture.completedFuture(
                    new ListSnapshotsResponse(
                        List.of(payments == PairDirection.IN ? BEFORE : TrafficSamples.CHECKOUT))))
        .answer("traffic/listEndpoints", params -> CompletableFuture.completedFuture(endpoints()))
        .answer(
            "traffic/listPairs",
            params ->
                CompletableFuture.completedFuture(
                    ((ListPairsParams) params).host().equals("payments.internal")
                        ? new ListPairsResponse(List.of(charge(31), charge(32)), 318)
                        : TrafficSamples.ORDER_PAIRS));
  }

  private ListEndpointsResponse endpoints() {
    boolean in = payments == PairDirection.IN;
    return new ListEndpointsResponse(
        in ? BEFORE : TrafficSamples.CHECKOUT,
        List.of(
            TrafficSamples.CHECKOUT_ENDPOINTS.hosts().get(0),
            new HostEndpointsDto(
                "payments.internal",
                in ? 318 : 0,
                in ? 0 : 318,
                List.of(
                    new EndpointDto(
                        "POST", "/v1/charges", in ? 318 : 0, in ? 0 : 318, null, null, null)))));
  }

  private PairSummaryDto charge(long id) {
    return new PairSummaryDto(
        id,
        payments,
        TrafficSamples.CREATED.plusSeconds(id),
        80,
        "payments.internal",
        "POST",
        "/v1/charges",
        "/v1/charges",
        201,
        64,
        128);
  }

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  private RecordingNode snapshot() {
    return model.tree().children().get(0);
  }

  private RecordingNode host(int i) {
    return snapshot().children().get(i);
  }

  private List<RecordingNode> chargeRows() {
    return host(1).children().get(0).children();
  }

  private void opened() {
    model.refresh();
    Await.until("listed", () -> snapshot().kind() == RecordingNode.Kind.SNAPSHOT);
    model.openSnapshot("s-1");
    Await.until("hosts", () -> snapshot().children().size() == 2);
    model.openEndpoint("s-1", "api.shop.local", "GET", "/orders/{id}");
    model.openEndpoint("s-1", "payments.internal", "POST", "/v1/charges");
    Await.until(
        "pairs",
        () -> host(0).children().get(0).children().size() == 5 && chargeRows().size() == 3);
  }

  @Test
  void a_host_endpoint_or_pair_offers_to_move_the_host_to_the_side_it_is_not_on() {
    opened();
    RecordingNode pair = chargeRows().get(0);
    RecordingNode endpoint = host(1).children().get(0);
    for (RecordingNode row : List.of(host(1), endpoint, pair)) {
      assertThat(actions.enabled(RecordingAction.MARK_OUTBOUND, row)).isTrue();
      assertThat(actions.enabled(RecordingAction.MARK_INBOUND, row)).isFalse(); // all IN already
      assertThat(actions.text(RecordingAction.MARK_OUTBOUND, row))
          .isEqualTo("Mark Host payments.internal as Outbound (Mock)");
    }
    assertThat(actions.enabled(RecordingAction.MARK_OUTBOUND, snapshot())).isFalse();
    assertThat(actions.text(RecordingAction.MARK_INBOUND, snapshot()))
        .isEqualTo("Mark Host as Inbound (Test)");
  }

  @Test
  void mark_as_outbound_sends_the_host_and_the_tree_shows_the_new_counts_and_directions() {
    opened();
    int orderPages = fake.count("traffic/listPairs");
    assertThat(snapshot().label()).startsWith("checkout-flow  IN 1,522 · OUT 0 ·");
    assertThat(chargeRows().get(0).label()).contains("· IN ·");
    fake.answer(
        "traffic/reclassify",
        params -> {
          payments = PairDirection.OUT;
          return CompletableFuture.completedFuture(
              new ReclassifyResponse(318, TrafficSamples.CHECKOUT));
        });

    actions.perform(RecordingAction.MARK_OUTBOUND, chargeRows().get(1));

    Await.until("reloaded", () -> chargeRows().get(0).label().contains("· OUT ·"));
    assertThat(fake.params("traffic/reclassify"))
        .containsExactly(new ReclassifyParams("s-1", "payments.internal", PairDirection.OUT));
    Await.until("counts", () -> host(1).label().equals("payments.internal  IN 0 · OUT 318"));
    assertThat(snapshot().label()).startsWith("checkout-flow  IN 1,204 · OUT 318 ·");
    assertThat(model.status())
        .isEqualTo("Marked payments.internal as Outbound (Mock): 318 pairs changed");
    // Only the reclassified host's pairs were asked again.
    assertThat(
            fake.params("traffic/listPairs").subList(orderPages, fake.count("traffic/listPairs")))
        .containsExactly(
            new ListPairsParams("s-1", "payments.internal", "POST", "/v1/charges", 0, 200));
    assertThat(actions.enabled(RecordingAction.MARK_OUTBOUND, host(1))).isFalse();
    assertThat(actions.enabled(RecordingAction.MARK_INBOUND, host(1))).isTrue();
  }

  @Test
  void a_failed_reclassify_says_why_and_changes_nothing() {
    opened();
    fake.fail("traffic/reclassify", ErrorCode.SNAPSHOT_NOT_FOUND, "no snapshot s-1");

    model.reclassify("s-1", "payments.internal", PairDirection.OUT).join();

    assertThat(model.status())
        .isEqualTo("Could not mark payments.internal as Outbound (Mock): no snapshot s-1");
    assertThat(host(1).label()).isEqualTo("payments.internal  IN 318 · OUT 0");
  }

  @Test
  void a_snapshot_being_recorded_cannot_be_reclassified() {
    fake.answer("traffic/listSnapshots", new ListSnapshotsResponse(List.of(TrafficSamples.LIVE)));
    model.refresh();
    Await.until("listed", () -> snapshot().kind() == RecordingNode.Kind.SNAPSHOT);
    model.openSnapshot(TrafficSamples.LIVE.id());
    Await.until("hosts", () -> snapshot().children().size() == 2);

    // Both hosts have IN pairs, so only the recording keeps them from being marked.
    assertThat(actions.enabled(RecordingAction.MARK_OUTBOUND, host(0))).isFalse();
    assertThat(actions.enabled(RecordingAction.MARK_OUTBOUND, host(1))).isFalse();
    // Nor their endpoints, nor the endpoint of a pair.
    RecordingNode orders = host(0).children().get(0);
    assertThat(orders.text()).isEqualTo("GET /orders/{id}");
    assertThat(actions.enabled(RecordingAction.MARK_ENDPOINT_OUTBOUND, orders)).isFalse();
    model.openEndpoint(TrafficSamples.LIVE.id(), "api.shop.local", "GET", "/orders/{id}");
    Await.until("pairs", () -> host(0).children().get(0).children().size() == 5);
    RecordingNode pair = host(0).children().get(0).children().get(0);
    assertThat(pair.kind()).isEqualTo(RecordingNode.Kind.PAIR);
    assertThat(actions.enabled(RecordingAction.MARK_ENDPOINT_OUTBOUND, pair)).isFalse();
  }
}
