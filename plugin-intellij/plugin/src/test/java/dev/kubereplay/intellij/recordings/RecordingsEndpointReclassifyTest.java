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
import dev.kubereplay.protocol.traffic.SnapshotState;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Marking one endpoint's pairs as outbound (mocks) or inbound (tests) from its row or one of its
 * pairs, against a fake that keeps each pair's direction and answers as the server does.
 */
class RecordingsEndpointReclassifyTest {

  private static final String SHOP = "shop.example.test";
  private static final String PAYMENTS = "payments.internal";

  private record Pair(long id, String host, String method, String pathTemplate, String url) {}

  /** Orders (both IN), a login endpoint with one pair on each side, and a payment call (IN). */
  private static final List<Pair> PAIRS =
      List.of(
          new Pair(11, SHOP, "GET", "/orders/{id}", "/orders/7"),
          new Pair(12, SHOP, "GET", "/orders/{id}", "/orders/8"),
          new Pair(21, SHOP, "POST", "/api/login", "/api/login"),
          new Pair(22, SHOP, "POST", "/api/login", "/api/login"),
          new Pair(31, PAYMENTS, "POST", "/v1/charges", "/v1/charges"));

  private final Map<Long, PairDirection> sides =
      new ConcurrentHashMap<>(
          Map.of(
              11L,
              PairDirection.IN,
              12L,
              PairDirection.IN,
              21L,
              PairDirection.IN,
              22L,
              PairDirection.OUT,
              31L,
              PairDirection.IN));

  private final FakeServer fake = new FakeServer();
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final RecordingsModel model = session.recordings();

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
                CompletableFuture.completedFuture(new ListSnapshotsResponse(List.of(snapshot()))))
        .answer("traffic/listEndpoints", params -> CompletableFuture.completedFuture(endpoints()))
        .answer("traffic/listPairs", params -> CompletableFuture.completedFuture(pairs(params)))
        .answer(
            "traffic/reclassify",
            params -> CompletableFuture.completedFuture(reclassify((ReclassifyParams) params)));
  }

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  // ---- the fake's store

  private SnapshotDto snapshot() {
    long in = sides.values().stream().filter(d -> d == PairDirection.IN).count();
    return new SnapshotDto(
        "s-1",
        "login-flow",
        "har",
        TrafficSamples.CREATED,
        in,
        PAIRS.size() - in,
        List.of(SHOP, PAYMENTS),
        null,
        null,
        0,
        SnapshotState.COMPLETE);
  }

  private ListEndpointsResponse endpoints() {
    Map<String, Map<String, long[]>> hosts = new LinkedHashMap<>();
    for (Pair p : PAIRS) {
      long[] counts =
          hosts
              .computeIfAbsent(p.host(), h -> new LinkedHashMap<>())
              .computeIfAbsent(p.method() + " " + p.pathTemplate(), e -> new long[2]);
      counts[sides.get(p.id()) == PairDirection.IN ? 0 : 1]++;
    }
    List<HostEndpointsDto> rows = new ArrayList<>();
    hosts.forEach(
        (host, endpoints) -> {
          List<EndpointDto> list = new ArrayList<>();
          endpoints.forEach(
              (key, c) -> {
                String[] parts = key.split(" ", 2);
                list.add(new EndpointDto(parts[0], parts[1], c[0], c[1], null, null, null));
              });
          rows.add(
              new HostEndpointsDto(
                  host,
                  list.stream().mapToLong(EndpointDto::inCount).sum(),
                  list.stream().mapToLong(EndpointDto::outCount).sum(),
                  list));
        });
    return new ListEndpointsResponse(snapshot(), rows);
  }

  private ListPairsResponse pairs(Object params) {
    ListPairsParams p = (ListPairsParams) params;
    List<PairSummaryDto> all =
        PAIRS.stream()
            .filter(
                pair ->
                    pair.host().equals(p.host())
                        && pair.method().equals(p.method())
                        && pair.pathTemplate().equals(p.pathTemplate()))
            .map(this::summary)
            .toList();
    return new ListPairsResponse(
        all.subList((int) Math.min(all.size(), p.offset()), all.size()).stream()
            .limit(p.limit())
            .toList(),
        all.size());
  }

  private PairSummaryDto summary(Pair p) {
    return new PairSummaryDto(
        p.id(),
        sides.get(p.id()),
        TrafficSamples.CREATED.plusSeconds(p.id()),
        80,
        p.host(),
        p.method(),
        p.url(),
        p.pathTemplate(),
        200,
        16,
        64);
  }

  /** As the server: the host's pairs, narrowed to the endpoint's path and method when given. */
  private ReclassifyResponse reclassify(ReclassifyParams r) {
    long changed = 0;
    for (Pair p : PAIRS) {
      if (p.host().equals(r.host())
          && (r.pathTemplate() == null || p.pathTemplate().equals(r.pathTemplate()))
          && (r.method() == null || p.method().equals(r.method()))
          && sides.put(p.id(), r.direction()) != r.direction()) {
        changed++;
      }
    }
    return new ReclassifyResponse(changed, snapshot());
  }

  // ---- the tree

  private RecordingNode snapshotRow() {
    return model.tree().children().get(0);
  }

  private RecordingNode host(String name) {
    return snapshotRow().children().stream()
        .filter(h -> name.equals(h.host()))
        .findFirst()
        .orElseThrow();
  }

  private RecordingNode endpoint(String host, String text) {
    return host(host).children().stream()
        .filter(e -> e.text().equals(text))
        .findFirst()
        .orElseThrow();
  }

  private RecordingNode orders() {
    return endpoint(SHOP, "GET /orders/{id}");
  }

  private RecordingNode login() {
    return endpoint(SHOP, "POST /api/login");
  }

  private RecordingNode charges() {
    return endpoint(PAYMENTS, "POST /v1/charges");
  }

  private static RecordingNode pair(RecordingNode endpoint, long id) {
    return endpoint.children().stream().filter(p -> p.pairId() == id).findFirst().orElseThrow();
  }

  private static boolean allPairs(RecordingNode endpoint, String direction) {
    return endpoint.children().stream()
        .allMatch(p -> p.kind() == RecordingNode.Kind.PAIR && p.label().contains(direction));
  }

  private void opened() {
    model.refresh();
    Await.until("listed", () -> snapshotRow().kind() == RecordingNode.Kind.SNAPSHOT);
    model.openSnapshot("s-1");
    Await.until("hosts", () -> snapshotRow().children().size() == 2);
    model.openEndpoint("s-1", SHOP, "GET", "/orders/{id}");
    model.openEndpoint("s-1", SHOP, "POST", "/api/login");
    model.openEndpoint("s-1", PAYMENTS, "POST", "/v1/charges");
    Await.until(
        "pairs",
        () ->
            orders().children().size() == 2
                && orders().children().get(0).kind() == RecordingNode.Kind.PAIR
                && login().children().size() == 2
                && login().children().get(0).kind() == RecordingNode.Kind.PAIR
                && charges().children().get(0).kind() == RecordingNode.Kind.PAIR);
  }

  private boolean enabled(RecordingAction action, RecordingNode row) {
    return actions.enabled(action, row);
  }

  // ---- offered

  @Test
  void an_endpoint_row_offers_to_move_the_endpoint_by_its_own_counts_beside_the_host() {
    opened();
    // The host has pairs on both sides, the orders endpoint only IN ones.
    assertThat(host(SHOP).label()).isEqualTo(SHOP + "  IN 3 · OUT 1");
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_OUTBOUND, orders())).isTrue();
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_INBOUND, orders())).isFalse();
    assertThat(enabled(RecordingAction.MARK_OUTBOUND, orders())).isTrue();
    assertThat(enabled(RecordingAction.MARK_INBOUND, orders())).isTrue();
    assertThat(actions.text(RecordingAction.MARK_ENDPOINT_OUTBOUND, orders()))
        .isEqualTo("Mark Endpoint GET /orders/{id} as Outbound (Mock)");
    assertThat(actions.text(RecordingAction.MARK_ENDPOINT_INBOUND, orders()))
        .isEqualTo("Mark Endpoint GET /orders/{id} as Inbound (Test)");
    assertThat(actions.text(RecordingAction.MARK_INBOUND, orders()))
        .isEqualTo("Mark Host " + SHOP + " as Inbound (Test)");

    // One pair on each side: both ways.
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_OUTBOUND, login())).isTrue();
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_INBOUND, login())).isTrue();

    // All IN, host and endpoint alike.
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_OUTBOUND, charges())).isTrue();
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_INBOUND, charges())).isFalse();
    assertThat(enabled(RecordingAction.MARK_INBOUND, charges())).isFalse();
  }

  @Test
  void hosts_and_snapshots_offer_no_endpoint_marking() {
    opened();
    for (RecordingNode row : List.of(host(SHOP), host(PAYMENTS), snapshotRow())) {
      assertThat(enabled(RecordingAction.MARK_ENDPOINT_OUTBOUND, row)).isFalse();
      assertThat(enabled(RecordingAction.MARK_ENDPOINT_INBOUND, row)).isFalse();
      assertThat(actions.text(RecordingAction.MARK_ENDPOINT_OUTBOUND, row))
          .isEqualTo("Mark Endpoint as Outbound (Mock)");
    }
    assertThat(enabled(RecordingAction.MARK_OUTBOUND, host(PAYMENTS))).isTrue();
    assertThat(actions.text(RecordingAction.MARK_OUTBOUND, host(PAYMENTS)))
        .isEqualTo("Mark Host " + PAYMENTS + " as Outbound (Mock)");
    assertThat(actions.text(RecordingAction.MARK_OUTBOUND, snapshotRow()))
        .isEqualTo("Mark Host as Outbound (Mock)");
  }

  @Test
  void a_pair_row_offers_to_move_its_endpoint_by_the_pairs_own_direction() {
    opened();
    RecordingNode in = pair(login(), 21);
    RecordingNode out = pair(login(), 22);
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_OUTBOUND, in)).isTrue();
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_INBOUND, in)).isFalse();
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_OUTBOUND, out)).isFalse();
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_INBOUND, out)).isTrue();
    assertThat(actions.text(RecordingAction.MARK_ENDPOINT_INBOUND, out))
        .isEqualTo("Mark Endpoint POST /api/login as Inbound (Test)");
    // The host actions stay as they were: by the host's counts.
    assertThat(enabled(RecordingAction.MARK_OUTBOUND, out)).isTrue();
    assertThat(enabled(RecordingAction.MARK_INBOUND, out)).isTrue();
    assertThat(actions.text(RecordingAction.MARK_OUTBOUND, out))
        .isEqualTo("Mark Host " + SHOP + " as Outbound (Mock)");
  }

  // ---- sent and shown

  @Test
  void mark_endpoint_sends_its_method_and_path_and_the_tree_shows_its_pairs_moved() {
    opened();

    actions.perform(RecordingAction.MARK_ENDPOINT_OUTBOUND, orders());

    Await.until("reloaded", () -> allPairs(orders(), "· OUT ·"));
    assertThat(fake.params("traffic/reclassify"))
        .containsExactly(
            new ReclassifyParams("s-1", SHOP, "GET", "/orders/{id}", PairDirection.OUT));
    Await.until("counts", () -> host(SHOP).label().equals(SHOP + "  IN 1 · OUT 3"));
    assertThat(snapshotRow().label()).startsWith("login-flow  IN 2 · OUT 3 ·");
    assertThat(model.status())
        .isEqualTo("Marked GET " + SHOP + "/orders/{id} as Outbound (Mock): 2 pairs changed");
    // The other endpoint of the host kept its sides.
    assertThat(pair(login(), 21).label()).contains("· IN ·");
    assertThat(pair(login(), 22).label()).contains("· OUT ·");
    assertThat(host(PAYMENTS).label()).isEqualTo(PAYMENTS + "  IN 1 · OUT 0");
    // Now it can only go back.
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_OUTBOUND, orders())).isFalse();
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_INBOUND, orders())).isTrue();
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_OUTBOUND, pair(orders(), 11))).isFalse();
  }

  @Test
  void mark_endpoint_from_a_pair_sends_the_pairs_endpoint() {
    opened();

    actions.perform(RecordingAction.MARK_ENDPOINT_INBOUND, pair(login(), 22));

    Await.until("reloaded", () -> allPairs(login(), "· IN ·"));
    assertThat(fake.params("traffic/reclassify"))
        .containsExactly(new ReclassifyParams("s-1", SHOP, "POST", "/api/login", PairDirection.IN));
    Await.until("counts", () -> host(SHOP).label().equals(SHOP + "  IN 4 · OUT 0"));
    assertThat(model.status())
        .isEqualTo("Marked POST " + SHOP + "/api/login as Inbound (Test): 1 pair changed");
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_INBOUND, login())).isFalse();
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_INBOUND, pair(login(), 22))).isFalse();
    assertThat(enabled(RecordingAction.MARK_INBOUND, host(SHOP))).isFalse();
  }

  @Test
  void marking_an_endpoint_asks_again_for_its_pairs_only_and_a_host_for_all_of_its_own() {
    opened();
    int before = fake.count("traffic/listPairs");
    int listings = fake.count("traffic/listEndpoints");

    model.reclassify("s-1", SHOP, "POST", "/api/login", PairDirection.OUT).join();

    assertThat(fake.params("traffic/listPairs").subList(before, fake.count("traffic/listPairs")))
        .containsExactly(new ListPairsParams("s-1", SHOP, "POST", "/api/login", 0, 200));
    assertThat(fake.count("traffic/listEndpoints")).isEqualTo(listings + 1);
    assertThat(pair(login(), 21).label()).contains("· OUT ·");

    int between = fake.count("traffic/listPairs");
    model.reclassify("s-1", SHOP, PairDirection.IN).join();

    assertThat(fake.params("traffic/reclassify").get(1))
        .isEqualTo(new ReclassifyParams("s-1", SHOP, null, null, PairDirection.IN));
    assertThat(fake.params("traffic/listPairs").subList(between, fake.count("traffic/listPairs")))
        .containsExactlyInAnyOrder(
            new ListPairsParams("s-1", SHOP, "GET", "/orders/{id}", 0, 200),
            new ListPairsParams("s-1", SHOP, "POST", "/api/login", 0, 200));
    assertThat(model.status()).isEqualTo("Marked " + SHOP + " as Inbound (Test): 2 pairs changed");
  }

  @Test
  void an_endpoint_moved_elsewhere_meanwhile_is_marked_with_nothing_changed_and_shown_as_it_is() {
    opened();
    // Another client moved the orders already; the tree still shows them IN.
    sides.put(11L, PairDirection.OUT);
    sides.put(12L, PairDirection.OUT);
    assertThat(enabled(RecordingAction.MARK_ENDPOINT_OUTBOUND, orders())).isTrue();

    actions.perform(RecordingAction.MARK_ENDPOINT_OUTBOUND, pair(orders(), 12));

    Await.until("reloaded", () -> allPairs(orders(), "· OUT ·"));
    assertThat(model.status())
        .isEqualTo("Marked GET " + SHOP + "/orders/{id} as Outbound (Mock): no pair changed");
    Await.until("counts", () -> host(SHOP).label().equals(SHOP + "  IN 1 · OUT 3"));
  }

  @Test
  void a_failed_endpoint_mark_says_what_and_why_and_changes_nothing() {
    opened();
    fake.fail("traffic/reclassify", ErrorCode.SNAPSHOT_NOT_FOUND, "no snapshot s-1");

    actions.perform(RecordingAction.MARK_ENDPOINT_INBOUND, login());

    Await.until("answered", () -> !model.status().isEmpty());
    assertThat(model.status())
        .isEqualTo("Could not mark POST " + SHOP + "/api/login as Inbound (Test): no snapshot s-1");
    assertThat(fake.params("traffic/reclassify"))
        .containsExactly(new ReclassifyParams("s-1", SHOP, "POST", "/api/login", PairDirection.IN));
    assertThat(pair(login(), 22).label()).contains("· OUT ·");
    assertThat(host(SHOP).label()).isEqualTo(SHOP + "  IN 3 · OUT 1");
  }
}
