package dev.kubereplay.server.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Endpoint;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.model.StoredPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browsing and managing snapshots: endpoints, pages, one pair, rename, delete, reclassify. */
class TrafficServiceTest {

  @TempDir Path dir;
  private TrafficService service;
  private Snapshot snapshot;

  @BeforeEach
  void importShop() {
    service = TrafficTesting.service(dir.resolve("data"));
    snapshot =
        service
            .importFile(
                new ImportRequest(
                    Recordings.copy(dir, "chromium-shop.har"),
                    "har",
                    "shop",
                    Set.of("payments.example.test"),
                    0,
                    List.of(),
                    null),
                TrafficService.ImportListener.NONE,
                TrafficFormat.Cancellation.NEVER)
            .snapshot();
  }

  @Test
  void endpoints_are_grouped_by_host_method_and_path_template_with_latencies() {
    List<Endpoint> endpoints = service.endpoints(snapshot.id());

    assertThat(endpoints)
        .extracting(e -> e.host() + " " + e.method() + " " + e.pathTemplate())
        .containsExactly(
            "cdn.example.test GET /img/logo.png",
            "payments.example.test POST /v1/charges",
            "shop.example.test DELETE /api/cart/items/{id}",
            "shop.example.test GET /",
            "shop.example.test GET /api/products",
            "shop.example.test GET /cart",
            "shop.example.test GET /old-cart",
            "shop.example.test POST /api/login");
    Endpoint charges = endpoints.get(1);
    assertThat(charges.outCount()).isEqualTo(1);
    assertThat(charges.inCount()).isZero();
    assertThat(charges.medianMillis()).isEqualTo(83);
    assertThat(charges.p95Millis()).isEqualTo(83);
  }

  @Test
  void pairs_page_in_recorded_order_filtered_by_host_and_endpoint() {
    TrafficService.Page first = service.pairs(new PairQuery(snapshot.id(), null, null, null, 0, 3));
    TrafficService.Page rest = service.pairs(new PairQuery(snapshot.id(), null, null, null, 3, 10));
    TrafficService.Page shopGets =
        service.pairs(new PairQuery(snapshot.id(), "shop.example.test", "GET", "/cart", 0, 10));

    assertThat(first.total()).isEqualTo(8);
    assertThat(first.pairs()).hasSize(3);
    assertThat(rest.pairs()).hasSize(5);
    List<String> urls = new ArrayList<>();
    first.pairs().forEach(p -> urls.add(p.pair().url()));
    rest.pairs().forEach(p -> urls.add(p.pair().url()));
    assertThat(urls).startsWith("https://shop.example.test/").doesNotHaveDuplicates();
    assertThat(shopGets.total()).isEqualTo(1);
    StoredPair cart = shopGets.pairs().get(0);
    assertThat(service.pair(snapshot.id(), cart.id()).pair().url())
        .isEqualTo("https://shop.example.test/cart");
  }

  @Test
  void an_unknown_snapshot_or_pair_is_not_found() {
    assertThatThrownBy(() -> service.endpoints("nope"))
        .isInstanceOfSatisfying(
            TrafficException.class,
            e -> assertThat(e.reason()).isEqualTo(TrafficException.Reason.SNAPSHOT_NOT_FOUND))
        .hasMessage("no snapshot 'nope'");
    assertThatThrownBy(() -> service.pair(snapshot.id(), 999_999))
        .isInstanceOfSatisfying(
            TrafficException.class,
            e -> assertThat(e.reason()).isEqualTo(TrafficException.Reason.PAIR_NOT_FOUND));
  }

  @Test
  void rename_reclassify_and_delete() throws Exception {
    assertThat(service.rename(snapshot.id(), " checkout ").name()).isEqualTo("checkout");
    assertThat(service.resolve("checkout").id()).isEqualTo(snapshot.id());
    assertThat(service.resolve(snapshot.id().substring(0, 5)).id()).isEqualTo(snapshot.id());

    Reclassified cdn = service.reclassify(snapshot.id(), "cdn.example.test", Direction.OUT);
    assertThat(cdn.changed()).isEqualTo(1);
    assertThat(cdn.snapshot().inCount()).isEqualTo(6);
    assertThat(cdn.snapshot().outCount()).isEqualTo(2);
    assertThat(service.reclassify(snapshot.id(), "cdn.example.test", Direction.OUT).changed())
        .isZero();
    assertThat(
            service
                .pairs(new PairQuery(snapshot.id(), "cdn.example.test", null, null, 0, 10))
                .pairs()
                .get(0)
                .pair()
                .direction())
        .isEqualTo(Direction.OUT);

    assertThat(service.delete(snapshot.id())).isTrue();
    assertThat(service.delete(snapshot.id())).isFalse();
    assertThat(service.snapshots()).isEmpty();
    assertThat(TrafficTesting.rows(dir.resolve("data"), "rr_pairs")).isZero();
  }

  @Test
  void export_to_a_missing_directory_fails_and_leaves_no_file() {
    Path target = dir.resolve("no/such/dir/out.jsonl");
    assertThatThrownBy(() -> service.export(snapshot.id(), "jsonl", target))
        .isInstanceOfSatisfying(
            TrafficException.class,
            e -> assertThat(e.reason()).isEqualTo(TrafficException.Reason.EXPORT_FAILED))
        .hasMessageStartingWith("cannot write " + target);
    assertThat(Files.exists(target)).isFalse();
    assertThatThrownBy(() -> service.export(snapshot.id(), "xml", dir.resolve("x.xml")))
        .hasMessage("unknown export format 'xml'; known: jsonl, har");
  }

  @Test
  void progress_is_reported_while_reading() throws Exception {
    Path big = dir.resolve("big.har");
    new dev.kubereplay.fixtures.traffic.HarGenerator(1).write(big, 20_000, Long.MAX_VALUE);
    List<long[]> progress = new ArrayList<>();

    ImportReport report =
        service.importFile(
            ImportRequest.of(big),
            (done, total, message) -> progress.add(new long[] {done, total}),
            TrafficFormat.Cancellation.NEVER);

    assertThat(progress).isNotEmpty();
    long[] last = progress.get(progress.size() - 1);
    assertThat(last[0]).isEqualTo(last[1]).isEqualTo(Files.size(big));
    assertThat(report.snapshot().pairCount()).isEqualTo(19_600);
    assertThat(report.skippedCount()).isEqualTo(400);
    assertThat(report.skipped()).hasSize(400);
  }
}
