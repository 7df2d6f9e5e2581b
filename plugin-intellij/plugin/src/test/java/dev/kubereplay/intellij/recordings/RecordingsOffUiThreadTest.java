package dev.kubereplay.intellij.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.recordings.actions.RecordingAction;
import dev.kubereplay.intellij.recordings.actions.RecordingsActions;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import dev.kubereplay.intellij.rpc.UiThreadGuard;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.intellij.testing.Screens;
import dev.kubereplay.protocol.traffic.DeleteSnapshotResponse;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.ReclassifyParams;
import dev.kubereplay.protocol.traffic.ReclassifyResponse;
import dev.kubereplay.protocol.traffic.RenameSnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.SnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Recordings actions performed on the UI thread, as IntelliJ performs them, against a fake
 * server over real JSON-RPC framing: their requests go out from the model's thread (the guard, on
 * in every plugin test, would refuse them on the UI thread) and their results arrive.
 */
class RecordingsOffUiThreadTest {

  private final FakeServer fake = TrafficSamples.traffic(new FakeServer());
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final RecordingsModel model = session.recordings();
  private final RecordingsActions actions =
      new RecordingsActions(
          model,
          Optional::empty,
          Optional::of,
          (title, message, options, initial) -> Optional.of("checkout v2"),
          (title, message, confirmText) -> true);

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
  void renaming_on_the_ui_thread_sends_from_the_model_thread_and_says_so() throws Exception {
    fake.answer(
        "traffic/renameSnapshot",
        params ->
            CompletableFuture.completedFuture(
                new SnapshotResponse(
                    renamed(TrafficSamples.CHECKOUT, ((RenameSnapshotParams) params).name()))));

    Screens.runOnEdt(() -> actions.perform(RecordingAction.RENAME, snapshotRow()));

    Await.until("renamed", () -> model.status().equals("Renamed to \"checkout v2\""));
    assertThat(fake.params("traffic/renameSnapshot"))
        .containsExactly(new RenameSnapshotParams("s-1", "checkout v2"));
    assertThat(UiThreadGuard.takeViolations()).isEmpty();
  }

  @Test
  void deleting_on_the_ui_thread_sends_from_the_model_thread_and_lists_again() throws Exception {
    fake.answer("traffic/deleteSnapshot", new DeleteSnapshotResponse(true));
    int listed = fake.count("traffic/listSnapshots");

    Screens.runOnEdt(() -> actions.perform(RecordingAction.DELETE, snapshotRow()));

    Await.until("deleted", () -> model.status().equals("Deleted \"checkout-flow\""));
    assertThat(fake.params("traffic/deleteSnapshot")).containsExactly(new SnapshotParams("s-1"));
    Await.until("listed again", () -> fake.count("traffic/listSnapshots") > listed);
    assertThat(UiThreadGuard.takeViolations()).isEmpty();
  }

  @Test
  void marking_a_host_on_the_ui_thread_sends_from_the_model_thread_and_says_so() throws Exception {
    fake.answer("traffic/reclassify", new ReclassifyResponse(1204, TrafficSamples.CHECKOUT));
    model.openSnapshot("s-1");
    Await.until("hosts", () -> snapshotRow().children().size() == 2);
    RecordingNode api = snapshotRow().children().get(0);

    Screens.runOnEdt(() -> actions.perform(RecordingAction.MARK_OUTBOUND, api));

    Await.until("marked", () -> model.status().startsWith("Marked api.shop.local"));
    assertThat(model.status())
        .isEqualTo("Marked api.shop.local as Outbound (Mock): 1,204 pairs changed");
    assertThat(fake.params("traffic/reclassify"))
        .containsExactly(new ReclassifyParams("s-1", "api.shop.local", PairDirection.OUT));
    assertThat(UiThreadGuard.takeViolations()).isEmpty();
  }

  @Test
  void closing_on_the_ui_thread_as_the_ide_disposes_shuts_the_server_down_from_elsewhere()
      throws Exception {
    Screens.runOnEdt(session::close);

    session.stopped().get(30, TimeUnit.SECONDS);
    assertThat(fake.shutdownCalls).hasValue(1);
    assertThat(UiThreadGuard.takeViolations()).isEmpty();
  }

  private RecordingNode snapshotRow() {
    return model.tree().children().get(0);
  }

  private static SnapshotDto renamed(SnapshotDto s, String name) {
    return new SnapshotDto(
        s.id(),
        name,
        s.source(),
        s.created(),
        s.inCount(),
        s.outCount(),
        s.hosts(),
        s.firstTimestamp(),
        s.lastTimestamp(),
        s.skippedCount(),
        s.state());
  }
}
