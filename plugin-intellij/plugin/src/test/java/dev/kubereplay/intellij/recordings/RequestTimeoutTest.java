package dev.kubereplay.intellij.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.protocol.traffic.ExportSnapshotResponse;
import dev.kubereplay.protocol.traffic.ListSnapshotsResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests time out (here after 300 ms instead of 60 s), except an export, which the user watches
 * and can cancel: through the whole session, over real JSON-RPC framing.
 */
class RequestTimeoutTest {

  private static final Duration LIMIT = Duration.ofMillis(300);

  private final FakeServer fake = TrafficSamples.traffic(new FakeServer());
  private final KubeReplaySession session = new KubeReplaySession(fake::start, LIMIT);
  private final RecordingsModel model = session.recordings();

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  @Test
  void a_list_answered_too_late_fails_with_no_answer_in_time() {
    fake.answer(
        "traffic/listSnapshots",
        params ->
            CompletableFuture.supplyAsync(
                () -> new ListSnapshotsResponse(List.of()),
                CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS)));

    model.refresh();

    Await.until(
        "failed",
        () -> model.tree().children().stream().anyMatch(n -> n.label().startsWith("Could not")));
    assertThat(model.tree().children().get(0).label())
        .isEqualTo("Could not list snapshots: The kubereplay server did not answer in time.");
  }

  @Test
  void an_export_longer_than_the_limit_still_says_what_it_wrote() {
    model.refresh();
    Await.until("snapshots", () -> model.tree().children().size() == 2);
    fake.answer(
        "traffic/exportSnapshot",
        params ->
            CompletableFuture.supplyAsync(
                () -> new ExportSnapshotResponse("/tmp/out.har", 1522, 4096),
                CompletableFuture.delayedExecutor(1500, TimeUnit.MILLISECONDS)));

    model.export("s-1", "har", "/tmp/out.har").join();

    assertThat(model.status()).isEqualTo("Exported 1,522 pairs (4,096 bytes) to /tmp/out.har");
  }
}
