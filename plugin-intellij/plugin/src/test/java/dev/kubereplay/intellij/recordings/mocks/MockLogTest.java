package dev.kubereplay.intellij.recordings.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.recordings.MockSamples;
import dev.kubereplay.protocol.replay.DidMatchParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MockLogTest {

  private final MockLog log = new MockLog();

  @Test
  void a_batch_becomes_hits_misses_and_what_was_not_shown_in_the_order_answered() {
    log.add(MockSamples.BATCH);

    assertThat(log.entries())
        .extracting(MockLogEntry::label)
        .containsExactly(
            "POST https://payments.internal/v1/charges → pair 301, 201",
            "GET https://payments.internal/v1/customers/42 → pair 305, 200  ×3",
            "POST https://payments.internal/v1/charges → no match, 598\n"
                + "  closest: pair 301, POST https://payments.internal/v1/charges\n"
                + "  body $.amount: expected 3350, got 9999\n"
                + "  header idempotency-key: expected ch-7, missing\n"
                + "  1 more close calls",
            "GET https://inventory.internal/stock/sku-1 → pair 310, 200",
            "12 more not shown");
    assertThat(log.entries())
        .extracting(MockLogEntry::kind)
        .containsExactly(
            MockLogEntry.Kind.HIT,
            MockLogEntry.Kind.HIT,
            MockLogEntry.Kind.MISS,
            MockLogEntry.Kind.HIT,
            MockLogEntry.Kind.UNSENT);
  }

  @Test
  void a_hit_opens_its_own_pair_and_a_miss_its_closest_one() {
    log.add(MockSamples.BATCH);

    assertThat(log.entries())
        .extracting(MockLogEntry::pairId)
        .containsExactly(301L, 305L, 301L, 310L, null);
  }

  @Test
  void identical_hits_from_other_mocks_or_after_a_miss_get_their_own_row() {
    var hit = MockSamples.hit(305, "GET", "https://payments.internal/v1/customers/42", 200);
    log.add(new DidMatchParams("m-1", List.of(hit), 0));
    log.add(new DidMatchParams("m-2", List.of(hit), 0));
    log.add(new DidMatchParams("m-2", List.of(MockSamples.CHARGE_MISS, hit), 0));

    assertThat(log.entries()).extracting(MockLogEntry::count).containsExactly(1, 1, 1, 1);
  }

  @Test
  void keeps_the_newest_rows_when_a_busy_app_passes_the_limit() {
    List<dev.kubereplay.protocol.replay.MatchDto> many = new ArrayList<>();
    for (int i = 0; i < MockLog.LIMIT + 5; i++) {
      many.add(MockSamples.hit(i, "GET", "https://api.internal/items/" + i, 200));
    }
    log.add(new DidMatchParams("m-1", many, 0));

    assertThat(log.entries()).hasSize(MockLog.LIMIT);
    assertThat(log.entries().get(0).text()).contains("/items/5 ");
    assertThat(log.entries().get(MockLog.LIMIT - 1).text())
        .contains("/items/" + (MockLog.LIMIT + 4) + " ");
  }

  @Test
  void clearing_empties_the_log() {
    log.add(MockSamples.BATCH);
    log.clear();

    assertThat(log.entries()).isEmpty();
  }
}
