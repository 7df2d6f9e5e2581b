package dev.kubereplay.intellij.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.recordings.mocks.MockLogEntry;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.replay.ListMocksResponse;
import dev.kubereplay.protocol.replay.StartMocksParams;
import dev.kubereplay.protocol.replay.StopMocksParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mocks started, stopped and listed, and their log, through the session's client against a fake
 * server over real JSON-RPC framing (notifications included).
 */
class MocksModelTest {

  private final FakeServer fake = MockSamples.mocks(new FakeServer());
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final RecordingsModel model = session.recordings();

  @BeforeEach
  void listSnapshots() {
    model.refresh();
    Await.until("snapshots listed", () -> model.snapshot("s-1") != null);
  }

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  @Test
  void starting_mocks_asks_for_any_free_loopback_port_and_the_row_says_where_they_listen() {
    model.startMocks("s-1", null).join();

    assertThat(fake.params("replay/startMocks"))
        .containsExactly(
            new StartMocksParams("s-1", "127.0.0.1:0", null, null, null, null, null, null));
    assertThat(snapshotRow().label()).startsWith("checkout-flow  mocks on 127.0.0.1:41234  IN");
    assertThat(snapshotRow().mocks()).isEqualTo("mocks on 127.0.0.1:41234");
    assertThat(model.mocks("s-1")).isEqualTo(MockSamples.CHECKOUT_MOCKS);
    assertThat(model.status())
        .isEqualTo("Mocks of “checkout-flow” listen on 127.0.0.1:41234 · 318 recorded calls");
    assertThat(model.tree().children().get(1).mocks()).isEmpty(); // the other snapshot
  }

  @Test
  void the_projects_kubereplay_json_is_sent_as_settings_only_when_it_exists(@TempDir Path dir)
      throws Exception {
    Path settings = dir.resolve("kubereplay.json");
    model.startMocks("s-1", settings).join(); // not there yet
    model.stopMocks("s-1").join();
    Files.writeString(settings, "{\"mocks\": {\"ignoreHeaders\": [\"x-request-id\"]}}");
    model.startMocks("s-1", settings).join();

    assertThat(fake.params("replay/startMocks"))
        .extracting(p -> ((StartMocksParams) p).settingsPath())
        .containsExactly(null, settings.toString());
  }

  @Test
  void stopping_sends_the_mocks_id_and_the_row_no_longer_shows_them_while_their_log_stays() {
    model.startMocks("s-1", null).join();
    fake.sendDidMatch(MockSamples.BATCH);
    Await.until("log", () -> model.mockLog().size() == 5);

    model.stopMocks("s-1").join();

    assertThat(fake.params("replay/stopMocks")).containsExactly(new StopMocksParams("m-1"));
    assertThat(model.mocks("s-1")).isNull();
    assertThat(snapshotRow().mocks()).isEmpty();
    assertThat(model.status()).isEqualTo("Stopped the mocks of “checkout-flow” on 127.0.0.1:41234");
    assertThat(model.mockLog()).hasSize(5);
  }

  @Test
  void mocks_that_cannot_start_say_why_and_the_row_stays_as_it_was() {
    fake.fail("replay/startMocks", ErrorCode.CONFLICT, "127.0.0.1:0 is in use");

    model.startMocks("s-1", null).join();

    assertThat(model.status())
        .isEqualTo("Could not start mocks of “checkout-flow”: 127.0.0.1:0 is in use");
    assertThat(model.mocks("s-1")).isNull();
    assertThat(model.mocksStarting("s-1")).isFalse();
    assertThat(snapshotRow().mocks()).isEmpty();
  }

  @Test
  void refresh_shows_the_mocks_the_server_runs() {
    fake.answer("replay/listMocks", new ListMocksResponse(List.of(MockSamples.CHECKOUT_MOCKS)));

    model.refresh();

    Await.until("listed", () -> model.mocks("s-1") != null);
    Await.until("row", () -> !snapshotRow().mocks().isEmpty());
    assertThat(model.runningMocks()).containsOnlyKeys("s-1");
  }

  @Test
  void did_match_batches_fill_the_log_in_the_order_answered() {
    model.startMocks("s-1", null).join();

    fake.sendDidMatch(MockSamples.BATCH);

    Await.until("log", () -> model.mockLog().size() == 5);
    assertThat(model.mockLog())
        .extracting(MockLogEntry::text)
        .containsExactly(
            "POST https://payments.internal/v1/charges → pair 301, 201",
            "GET https://payments.internal/v1/customers/42 → pair 305, 200",
            "POST https://payments.internal/v1/charges → no match, 598",
            "GET https://inventory.internal/stock/sku-1 → pair 310, 200",
            "12 more not shown");
  }

  @Test
  void selecting_a_miss_shows_the_request_that_missed_beside_its_closest_recorded_pair() {
    model.startMocks("s-1", null).join();
    fake.sendDidMatch(MockSamples.BATCH);
    Await.until("log", () -> model.mockLog().size() == 5);

    model.selectLogEntry(model.mockLog().get(2));

    Await.until("pair", () -> model.document().contains("\"amount\": 3350"));
    assertThat(model.document())
        .startsWith(
            "Request that missed (answered 598):\n"
                + "  POST https://payments.internal/v1/charges\n"
                + "  closest: pair 301, POST https://payments.internal/v1/charges\n"
                + "  body $.amount: expected 3350, got 9999\n")
        .contains("Closest recorded pair 301:");
    assertThat(model.document().indexOf("Closest recorded pair 301"))
        .isLessThan(model.document().indexOf("\"amount\": 3350"));
    assertThat(fake.params("traffic/getPair"))
        .containsExactly(new dev.kubereplay.protocol.traffic.GetPairParams("s-1", 301));
  }

  @Test
  void the_servers_end_ends_its_mocks_in_the_view() {
    model.startMocks("s-1", null).join();

    fake.crash("killed", List.of());

    Await.until("gone", () -> model.mocks("s-1") == null);
    Await.until("row", () -> snapshotRow().mocks().isEmpty());
  }

  private RecordingNode snapshotRow() {
    return model.tree().children().get(0);
  }
}
