package dev.kubereplay.intellij.recordings;

import static dev.kubereplay.intellij.recordings.TrafficSamples.REPORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.recordings.actions.RecordingAction;
import dev.kubereplay.intellij.recordings.actions.RecordingsActions;
import dev.kubereplay.intellij.settings.RedactionSettings;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import dev.kubereplay.protocol.traffic.ImportFileResponse;
import dev.kubereplay.protocol.traffic.SnapshotResponse;
import dev.kubereplay.protocol.traffic.StartRecordingParams;
import dev.kubereplay.protocol.traffic.StartRecordingResponse;
import dev.kubereplay.protocol.traffic.StopRecordingParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The settings' extra redaction keys in every {@code traffic/importFile} and {@code
 * traffic/startRecording}, through the real JSON-RPC framing to a fake server.
 */
class RedactKeysSentTest {

  private final RedactionSettings settings = new RedactionSettings();
  private final FakeServer fake =
      TrafficSamples.traffic(new FakeServer())
          .answer("traffic/importFile", new ImportFileResponse("op-1"))
          .answer(
              "traffic/startRecording",
              new StartRecordingResponse("r-1", "127.0.0.1:41234", "s-9"));
  private final KubeReplaySession session = new KubeReplaySession(fake::start, settings);
  private final RecordingsModel model = session.recordings();

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  private ImportFileParams lastImport() {
    List<Object> sent = fake.params("traffic/importFile");
    return (ImportFileParams) sent.get(sent.size() - 1);
  }

  private StartRecordingParams lastStart() {
    List<Object> sent = fake.params("traffic/startRecording");
    return (StartRecordingParams) sent.get(sent.size() - 1);
  }

  @Test
  void an_import_carries_the_configured_keys() {
    settings.setRedactKeys(List.of("card_number", "ssn"));

    model.importFile("/home/me/shop.har").join();

    assertThat(fake.params("traffic/importFile"))
        .containsExactly(
            new ImportFileParams(
                "/home/me/shop.har", null, null, null, null, List.of("card_number", "ssn"), null));
  }

  @Test
  void an_import_through_the_options_dialog_carries_them_beside_what_was_chosen() {
    settings.setRedactKeys(List.of("iban"));
    RecordingsActions actions =
        new RecordingsActions(
            model,
            () -> Optional.of("/tmp/orders.postman_collection.json"),
            defaults ->
                Optional.of(
                    new ImportOptions(
                        defaults.path(), "postman", "orders", List.of("payments.internal"), null)),
            (title, message, options, initial) -> Optional.empty(),
            (title, message, confirmText) -> false);

    actions.perform(RecordingAction.IMPORT, null);

    Await.until("sent", () -> fake.count("traffic/importFile") == 1);
    assertThat(lastImport())
        .isEqualTo(
            new ImportFileParams(
                "/tmp/orders.postman_collection.json",
                "postman",
                "orders",
                List.of("payments.internal"),
                null,
                List.of("iban"),
                null));
  }

  @Test
  void an_import_carries_no_keys_when_none_are_set() {
    model.importFile("/home/me/shop.har").join();

    assertThat(lastImport().redactKeys()).isNull();
    assertThat(lastImport())
        .isEqualTo(new ImportFileParams("/home/me/shop.har", null, null, null, null, null, null));
  }

  @Test
  void the_keys_are_read_as_each_import_is_sent() {
    settings.setRedactKeys(List.of("ssn"));
    model.importFile("/home/me/a.har").join();
    assertThat(lastImport().redactKeys()).containsExactly("ssn");
    fake.sendDidFinishImport(new DidFinishImportParams("op-1", REPORT, null));
    Await.until("done", () -> model.importRun().phase() == ImportRun.Phase.DONE);

    settings.setRedactKeys(List.of());
    model.importFile("/home/me/b.har").join();

    assertThat(fake.count("traffic/importFile")).isEqualTo(2);
    assertThat(lastImport().path()).isEqualTo("/home/me/b.har");
    assertThat(lastImport().redactKeys()).isNull();
  }

  @Test
  void a_desktop_recording_carries_the_configured_keys() {
    settings.setRedactKeys(List.of("card_number", "ssn"));
    List<String> answers = new ArrayList<>(List.of("http://localhost:8080", "127.0.0.1:0"));
    RecordingsActions actions =
        new RecordingsActions(
            model,
            () -> Optional.empty(),
            Optional::of,
            (title, message, options, initial) -> Optional.of(answers.remove(0)),
            (title, message, confirmText) -> true);

    actions.perform(RecordingAction.RECORD, null);

    Await.until("sent", () -> fake.count("traffic/startRecording") == 1);
    assertThat(lastStart())
        .isEqualTo(
            new StartRecordingParams(
                "127.0.0.1:0",
                "http://localhost:8080",
                false,
                null,
                List.of("card_number", "ssn")));
  }

  @Test
  void a_desktop_recording_carries_no_keys_when_none_are_set_and_reads_them_as_it_starts() {
    model.startRecording("127.0.0.1:0", null, "proxy").join();

    assertThat(lastStart())
        .isEqualTo(new StartRecordingParams("127.0.0.1:0", null, true, "proxy", null));

    fake.answer("traffic/stopRecording", new SnapshotResponse(TrafficSamples.CHECKOUT));
    model.stopRecording().join();
    assertThat(fake.params("traffic/stopRecording"))
        .containsExactly(new StopRecordingParams("r-1"));
    settings.setRedactKeys(List.of("dob"));
    model.startRecording("127.0.0.1:0", null, "proxy").join();

    assertThat(fake.count("traffic/startRecording")).isEqualTo(2);
    assertThat(lastStart().redactKeys()).containsExactly("dob");
  }
}
