package dev.kubereplay.intellij.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.cluster.tree.Tone;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.protocol.traffic.ListSnapshotsResponse;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A snapshot's state on its row: being recorded, complete, or cut short by the server. */
class SnapshotStateTest {

  private final FakeServer fake = TrafficSamples.traffic(new FakeServer());
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final RecordingsModel model = session.recordings();

  @BeforeEach
  void zone() {
    RecordingText.zone(ZoneOffset.UTC);
  }

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  @Test
  void recording_is_red_interrupted_amber_and_complete_says_nothing() {
    fake.answer(
        "traffic/listSnapshots",
        new ListSnapshotsResponse(
            List.of(TrafficSamples.LIVE, TrafficSamples.CHECKOUT, TrafficSamples.CUT)));
    model.refresh();
    Await.until("listed", () -> model.tree().children().size() == 3);
    List<RecordingNode> rows = model.tree().children();

    assertThat(rows.get(0).label())
        .isEqualTo(
            "recording of http://localhost:8080  recording…  IN 37 · OUT 0 · 2026-11-25 16:05"
                + " · record");
    assertThat(rows.get(0).tone()).isEqualTo(Tone.ALERT);
    assertThat(rows.get(0).hint())
        .isEqualTo(
            "\"recording of http://localhost:8080\" is being recorded: pairs are still arriving."
                + " Refresh shows the latest; stopping the recording completes it.");

    assertThat(rows.get(1).mark()).isEmpty();
    assertThat(rows.get(1).tone()).isEqualTo(Tone.NEUTRAL);
    assertThat(rows.get(1).hint()).isEqualTo(rows.get(1).label());

    assertThat(rows.get(2).label())
        .isEqualTo("staging smoke  interrupted  IN 96 · OUT 12 · 2026-11-23 14:05 · record");
    assertThat(rows.get(2).tone()).isEqualTo(Tone.CAUTION);
    assertThat(rows.get(2).hint())
        .isEqualTo(
            "\"staging smoke\" was interrupted: the kubereplay server went away before the"
                + " recording was stopped. It holds the pairs that arrived until then.");
  }

  @Test
  void a_snapshot_without_a_state_from_an_older_server_is_complete() {
    SnapshotDto old = TrafficSamples.CHECKOUT;
    SnapshotDto stateless =
        new SnapshotDto(
            old.id(),
            old.name(),
            old.source(),
            old.created(),
            old.inCount(),
            old.outCount(),
            old.hosts(),
            old.firstTimestamp(),
            old.lastTimestamp(),
            old.skippedCount(),
            null);
    assertThat(RecordingText.stateMark(stateless)).isEmpty();
    assertThat(RecordingText.stateTone(stateless)).isEqualTo(Tone.NEUTRAL);
    assertThat(RecordingText.stateTooltip(stateless)).isEmpty();
  }

  @Test
  void a_started_desktop_recording_lists_its_snapshot_being_recorded() {
    model.refresh();
    Await.until("listed", () -> model.tree().children().size() == 2);
    fake.answer(
            "traffic/startRecording",
            new dev.kubereplay.protocol.traffic.StartRecordingResponse(
                "r-1", "127.0.0.1:41234", TrafficSamples.LIVE.id()))
        .answer(
            "traffic/listSnapshots",
            new ListSnapshotsResponse(
                List.of(TrafficSamples.LIVE, TrafficSamples.CHECKOUT, TrafficSamples.POSTMAN)));

    model.startRecording("127.0.0.1:0", "http://localhost:8080", null).join();

    Await.until("listed again", () -> model.tree().children().size() == 3);
    assertThat(model.tree().children().get(0).mark()).isEqualTo("recording…");
  }
}
