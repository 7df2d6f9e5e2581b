package dev.kubereplay.server.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.PairSignature;
import dev.kubereplay.server.traffic.model.RequestSignature;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.model.StoredPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What replay reads: a snapshot's pairs as recorded, by direction, in recorded order. */
class RecordedPairsTest {

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

  private List<StoredPair> read(Direction direction) {
    List<StoredPair> pairs = new ArrayList<>();
    service.recordedPairs().forEach(snapshot.id(), direction, pairs::add);
    return pairs;
  }

  @Test
  void in_pairs_stream_in_recorded_order_with_their_bodies_as_raw_bytes() {
    List<StoredPair> in = read(Direction.IN);

    assertThat(in)
        .extracting(p -> p.pair().method() + " " + p.pair().url())
        .containsExactly(
            "GET https://shop.example.test/",
            "GET https://shop.example.test/api/products?page=2&sort=price",
            "POST https://shop.example.test/api/login",
            "GET https://cdn.example.test/img/logo.png",
            "GET http://shop.example.test/old-cart",
            "GET https://shop.example.test/cart",
            "DELETE https://shop.example.test/api/cart/items/42");
    assertThat(in).allSatisfy(p -> assertThat(p.snapshotId()).isEqualTo(snapshot.id()));
    byte[] png = in.get(3).pair().responseBody();
    assertThat(png)
        .as("the image's bytes, not text")
        .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    assertThat(in.get(2).pair().requestHeaders()).as("headers in order as recorded").isNotEmpty();
  }

  @Test
  void out_pairs_carry_the_signatures_a_responder_looks_them_up_by() {
    List<StoredPair> out = read(Direction.OUT);
    List<PairSignature> signatures = new ArrayList<>();
    service.recordedPairs().forEachSignature(snapshot.id(), Direction.OUT, signatures::add);

    assertThat(out)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.pair().host()).isEqualTo("payments.example.test");
              assertThat(new String(p.pair().requestBody(), StandardCharsets.UTF_8))
                  .contains("amount=");
            });
    assertThat(signatures)
        .containsExactly(
            new PairSignature(out.get(0).id(), RequestSignature.of(out.get(0).pair())));
    assertThat(service.recordedPairs().pair(snapshot.id(), signatures.get(0).pairId()).pair().url())
        .isEqualTo("https://payments.example.test/v1/charges");
  }

  @Test
  void an_unknown_snapshot_or_pair_is_refused_naming_it() {
    assertThatThrownBy(() -> service.recordedPairs().forEach("nope", Direction.IN, p -> {}))
        .isInstanceOf(TrafficException.class)
        .hasMessageContaining("nope")
        .satisfies(
            e ->
                assertThat(((TrafficException) e).reason())
                    .isEqualTo(TrafficException.Reason.SNAPSHOT_NOT_FOUND));
    assertThatThrownBy(() -> service.recordedPairs().pair(snapshot.id(), 999_999))
        .isInstanceOf(TrafficException.class)
        .hasMessageContaining("999999");
  }

  @Test
  void a_consumer_that_throws_stops_the_stream() {
    List<StoredPair> seen = new ArrayList<>();
    IllegalStateException stop = new IllegalStateException("enough");

    assertThatThrownBy(
            () ->
                service
                    .recordedPairs()
                    .forEach(
                        snapshot.id(),
                        Direction.IN,
                        p -> {
                          seen.add(p);
                          throw stop;
                        }))
        .isSameAs(stop);
    assertThat(seen).hasSize(1);
  }
}
