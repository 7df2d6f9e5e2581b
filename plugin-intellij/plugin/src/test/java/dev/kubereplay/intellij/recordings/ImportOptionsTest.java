package dev.kubereplay.intellij.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.recordings.actions.RecordingAction;
import dev.kubereplay.intellij.recordings.actions.RecordingsActions;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import dev.kubereplay.protocol.traffic.ImportFileResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the import dialog's choices send in {@code traffic/importFile}. */
class ImportOptionsTest {

  private final FakeServer fake =
      TrafficSamples.traffic(new FakeServer())
          .answer("traffic/importFile", new ImportFileResponse("op-1"));
  private final KubeReplaySession session = new KubeReplaySession(fake::start);
  private final RecordingsModel model = session.recordings();

  @AfterEach
  void close() {
    session.close();
    fake.close();
  }

  @Test
  void the_defaults_are_auto_detect_the_file_name_and_nothing_outbound_and_send_only_the_path() {
    ImportOptions defaults = ImportOptions.defaults("/home/me/Downloads/shop.har");
    assertThat(defaults.format()).isNull();
    assertThat(defaults.name()).isEqualTo("shop.har");
    assertThat(defaults.outboundHosts()).isEmpty();
    assertThat(defaults.environmentPath()).isNull();
    assertThat(defaults.params())
        .isEqualTo(
            new ImportFileParams(
                "/home/me/Downloads/shop.har", null, null, null, null, null, null));
  }

  @Test
  void chosen_options_are_sent_trimmed_with_hosts_split_at_commas() {
    ImportOptions chosen =
        new ImportOptions(
            "C:\\exports\\orders.postman_collection.json",
            ImportOptions.format("postman"),
            "  orders v2 ",
            ImportOptions.hosts(" payments.internal, https://stripe.local:8443/v1/charges ,,"),
            " /home/me/staging.postman_environment.json ");
    assertThat(chosen.params())
        .isEqualTo(
            new ImportFileParams(
                "C:\\exports\\orders.postman_collection.json",
                "postman",
                "orders v2",
                List.of("payments.internal", "https://stripe.local:8443/v1/charges"),
                null,
                null,
                "/home/me/staging.postman_environment.json"));
    assertThat(chosen.hostsText())
        .isEqualTo("payments.internal, https://stripe.local:8443/v1/charges");
  }

  @Test
  void hosts_drop_blanks_and_repeats_and_formats_are_checked() {
    assertThat(ImportOptions.hosts("a.local b.local,a.local, "))
        .containsExactly("a.local", "b.local");
    assertThat(ImportOptions.hosts("  ")).isEmpty();
    assertThat(ImportOptions.format(ImportOptions.AUTO_DETECT)).isNull();
    assertThat(ImportOptions.format(" WireMock ")).isEqualTo("wiremock");
    assertThatThrownBy(() -> ImportOptions.format("pcap"))
        .hasMessage("Unknown format \"pcap\": one of har, postman, jsonl, wiremock, speedscale");
  }

  @Test
  void import_asks_for_the_file_then_shows_the_defaults_and_sends_what_was_accepted() {
    List<ImportOptions> shown = new ArrayList<>();
    RecordingsActions actions =
        new RecordingsActions(
            model,
            () -> Optional.of("/tmp/mocks.json"),
            defaults -> {
              shown.add(defaults);
              return Optional.of(
                  new ImportOptions(
                      defaults.path(),
                      "wiremock",
                      defaults.name(),
                      List.of("payments.internal"),
                      null));
            },
            (title, message, options, initial) -> Optional.empty(),
            (title, message, confirmText) -> false);

    actions.perform(RecordingAction.IMPORT, null);

    assertThat(shown).containsExactly(ImportOptions.defaults("/tmp/mocks.json"));
    Await.until("sent", () -> fake.count("traffic/importFile") == 1);
    assertThat(fake.params("traffic/importFile"))
        .containsExactly(
            new ImportFileParams(
                "/tmp/mocks.json",
                "wiremock",
                null,
                List.of("payments.internal"),
                null,
                null,
                null));
  }

  @Test
  void a_cancelled_options_dialog_imports_nothing() {
    RecordingsActions actions =
        new RecordingsActions(
            model,
            () -> Optional.of("/tmp/mocks.json"),
            defaults -> Optional.empty(),
            (title, message, options, initial) -> Optional.empty(),
            (title, message, confirmText) -> false);

    actions.perform(RecordingAction.IMPORT, null);
    model.refresh(); // sent after anything the import would have sent
    Await.until("listed", () -> fake.count("traffic/listSnapshots") == 1);

    assertThat(model.importRun()).isNull();
    assertThat(fake.count("traffic/importFile")).isZero();
  }
}
