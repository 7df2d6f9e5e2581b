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
import dev.kubereplay.protocol.replay.StartMocksParams;
import dev.kubereplay.protocol.replay.StopMocksParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start Mocks, Stop Mocks and Copy Environment performed on the UI thread, as IntelliJ performs
 * them, against a fake server over real JSON-RPC framing: the requests go out from the model's
 * thread (the guard stays quiet) and their results show on the snapshot's row.
 */
class MocksOffUiThreadTest {

  @TempDir Path project;
  private final List<String> clipboard = new CopyOnWriteArrayList<>();
  private final FakeServer fake = MockSamples.mocks(new FakeServer());
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final RecordingsModel model = session.recordings();
  private RecordingsActions actions;

  @BeforeEach
  void listSnapshots() {
    actions =
        new RecordingsActions(
            model,
            Optional::empty,
            Optional::of,
            (title, message, options, initial) -> Optional.empty(),
            (title, message, confirmText) -> true,
            new RecordingsActions.Workspace() {
              @Override
              public Optional<Path> mocksSettings() {
                return Optional.of(project.resolve("kubereplay.json"));
              }

              @Override
              public void copyToClipboard(String text) {
                clipboard.add(text);
              }
            });
    model.refresh();
    Await.until("snapshots listed", () -> model.snapshot("s-1") != null);
  }

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  @Test
  void start_mocks_on_the_ui_thread_sends_from_the_model_thread_with_the_projects_settings()
      throws Exception {
    Files.writeString(project.resolve("kubereplay.json"), "{}");
    assertThat(actions.enabled(RecordingAction.START_MOCKS, snapshotRow())).isTrue();
    assertThat(actions.enabled(RecordingAction.STOP_MOCKS, snapshotRow())).isFalse();

    Screens.runOnEdt(() -> actions.perform(RecordingAction.START_MOCKS, snapshotRow()));

    Await.until("row", () -> snapshotRow().mocks().equals("mocks on 127.0.0.1:41234"));
    assertThat(fake.params("replay/startMocks"))
        .containsExactly(
            new StartMocksParams(
                "s-1",
                "127.0.0.1:0",
                null,
                null,
                null,
                null,
                null,
                project.resolve("kubereplay.json").toString()));
    assertThat(actions.enabled(RecordingAction.START_MOCKS, snapshotRow())).isFalse();
    assertThat(actions.enabled(RecordingAction.STOP_MOCKS, snapshotRow())).isTrue();
    assertThat(actions.enabled(RecordingAction.COPY_ENVIRONMENT, snapshotRow())).isTrue();
    assertThat(UiThreadGuard.takeViolations()).isEmpty();
  }

  @Test
  void a_second_start_while_the_first_is_on_its_way_sends_nothing() throws Exception {
    CompletableFuture<Object> answer = new CompletableFuture<>();
    fake.answer("replay/startMocks", params -> answer);

    Screens.runOnEdt(() -> actions.perform(RecordingAction.START_MOCKS, snapshotRow()));
    Await.until("asked", () -> fake.count("replay/startMocks") == 1);
    assertThat(actions.enabled(RecordingAction.START_MOCKS, snapshotRow())).isFalse();
    model.startMocks("s-1", null).join();
    answer.complete(
        new dev.kubereplay.protocol.replay.StartMocksResponse(MockSamples.CHECKOUT_MOCKS));

    Await.until("started", () -> model.mocks("s-1") != null);
    assertThat(fake.count("replay/startMocks")).isEqualTo(1);
  }

  @Test
  void stop_mocks_on_the_ui_thread_stops_them_from_the_model_thread() throws Exception {
    model.startMocks("s-1", null).join();

    Screens.runOnEdt(() -> actions.perform(RecordingAction.STOP_MOCKS, snapshotRow()));

    Await.until("stopped", () -> snapshotRow().mocks().isEmpty());
    assertThat(fake.params("replay/stopMocks")).containsExactly(new StopMocksParams("m-1"));
    assertThat(UiThreadGuard.takeViolations()).isEmpty();
  }

  @Test
  void copy_environment_puts_the_export_lines_on_the_clipboard_and_says_so() throws Exception {
    model.startMocks("s-1", null).join();
    int asked = fake.calls.size();

    Screens.runOnEdt(() -> actions.perform(RecordingAction.COPY_ENVIRONMENT, snapshotRow()));

    assertThat(clipboard).hasSize(1);
    assertThat(clipboard.get(0))
        .startsWith("export HTTP_PROXY='http://127.0.0.1:41234'\n")
        .contains("export SSL_CERT_FILE='/home/me/.local/share/kubereplay/ca/bundle.pem'\n");
    Await.until("said", () -> model.status().startsWith("Copied"));
    assertThat(model.status())
        .isEqualTo("Copied the environment of the mocks of “checkout-flow” (11 variables)");
    assertThat(fake.calls.size()).isEqualTo(asked); // the environment is known: nothing asked
  }

  @Test
  void mocks_start_only_on_snapshots_and_not_on_one_being_recorded() {
    fake.answer(
        "traffic/listSnapshots",
        new dev.kubereplay.protocol.traffic.ListSnapshotsResponse(List.of(TrafficSamples.LIVE)));
    model.refresh();
    Await.until("listed", () -> model.snapshot(TrafficSamples.LIVE.id()) != null);

    assertThat(actions.enabled(RecordingAction.START_MOCKS, snapshotRow())).isFalse();
    assertThat(actions.enabled(RecordingAction.START_MOCKS, null)).isFalse();
  }

  private RecordingNode snapshotRow() {
    return model.tree().children().get(0);
  }
}
