package dev.kubereplay.intellij.recordings;

import static dev.kubereplay.intellij.recordings.TrafficSamples.REPORT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.cluster.actions.ClusterActions;
import dev.kubereplay.intellij.cluster.tree.Tone;
import dev.kubereplay.intellij.recordings.actions.RecordingAction;
import dev.kubereplay.intellij.recordings.actions.RecordingsActions;
import dev.kubereplay.intellij.recordings.tree.RecordingNode;
import dev.kubereplay.intellij.recordings.tree.RecordingText;
import dev.kubereplay.intellij.testing.Await;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.traffic.CancelParams;
import dev.kubereplay.protocol.traffic.CancelResponse;
import dev.kubereplay.protocol.traffic.DeleteSnapshotResponse;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.DidProgressParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotResponse;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import dev.kubereplay.protocol.traffic.ImportFileResponse;
import dev.kubereplay.protocol.traffic.ListPairsParams;
import dev.kubereplay.protocol.traffic.OperationErrorDto;
import dev.kubereplay.protocol.traffic.RenameSnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotResponse;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Recordings model and actions against a fake server over real JSON-RPC framing. */
class RecordingsModelTest {

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

  private List<String> labels(RecordingNode node) {
    return node.children().stream().map(RecordingNode::label).toList();
  }

  private RecordingNode loaded() {
    model.refresh();
    Await.until("snapshots", () -> model.tree().children().size() == 2);
    return model.tree();
  }

  @Test
  void snapshots_hosts_endpoints_and_pairs_from_the_dtos() {
    RecordingNode root = loaded();
    assertThat(labels(root))
        .containsExactly(
            "checkout-flow  IN 1,204 · OUT 318 · 2026-11-25 14:05 · har",
            "orders collection  IN 14 · OUT 0 · 2026-11-24 14:05 · postman");
    assertThat(labels(root.children().get(0))).containsExactly("Loading…");
    assertThat(fake.count("traffic/listEndpoints")).isZero();

    model.openSnapshot("s-1");
    Await.until("endpoints", () -> model.tree().children().get(0).children().size() == 2);
    RecordingNode checkout = model.tree().children().get(0);
    assertThat(labels(checkout))
        .containsExactly("api.shop.local  IN 1,204 · OUT 0", "payments.internal  IN 0 · OUT 318");
    assertThat(labels(checkout.children().get(0)))
        .containsExactly(
            "GET /orders/{id}  812 · p50 12 ms · p95 48 ms · ▁▄█▇▁ ▁",
            "POST /checkout  392 · p50 85 ms · p95 240 ms · ▂█▆▂▁▁");
    assertThat(labels(checkout.children().get(1))).containsExactly("POST /v1/charges  318");
    assertThat(fake.params("traffic/listEndpoints")).containsExactly(new SnapshotParams("s-1"));

    model.openEndpoint("s-1", "api.shop.local", "GET", "/orders/{id}");
    Await.until(
        "pairs",
        () ->
            model.tree().children().get(0).children().get(0).children().get(0).children().size()
                == 5);
    List<RecordingNode> pairs =
        model.tree().children().get(0).children().get(0).children().get(0).children();
    assertThat(pairs.stream().map(RecordingNode::label))
        .containsExactly(
            "200  /orders/7  12 ms · IN · 14:05:16.500",
            "404  /orders/8  3 ms · IN · 14:05:18.000",
            "503  /orders/9  1002 ms · IN · 14:05:19.500",
            "302  /orders/10  5 ms · IN · 14:05:21.000",
            "Load more (4 of 812)");
    assertThat(pairs.stream().map(RecordingNode::tone))
        .containsExactly(Tone.OK, Tone.CAUTION, Tone.ALERT, Tone.INFO, Tone.INFO);
    assertThat(pairs.get(4).kind()).isEqualTo(RecordingNode.Kind.LOAD_MORE);
    assertThat(fake.params("traffic/listPairs"))
        .containsExactly(
            new ListPairsParams("s-1", "api.shop.local", "GET", "/orders/{id}", 0, 200));
  }

  @Test
  void a_selected_pair_shows_request_and_response_and_binary_as_a_note() {
    loaded();
    model.openSnapshot("s-1");
    model.openEndpoint("s-1", "api.shop.local", "GET", "/orders/{id}");
    Await.until(
        "pairs",
        () ->
            model.tree().children().get(0).children().size() == 2
                && model
                        .tree()
                        .children()
                        .get(0)
                        .children()
                        .get(0)
                        .children()
                        .get(0)
                        .children()
                        .size()
                    == 5);
    List<RecordingNode> pairs =
        model.tree().children().get(0).children().get(0).children().get(0).children();

    model.select(pairs.get(0));
    Await.until("document", () -> model.document().startsWith("### Request"));
    assertThat(model.document())
        .contains("GET /orders/7 HTTP/1.1\nAccept: application/json\nAuthorization: -REDACTED-\n")
        .contains(
            "### Response · 12 ms\n200 OK\nContent-Type: application/json\n\n{\n  \"id\": 7,");

    model.select(pairs.get(1));
    Await.until("binary", () -> model.document().contains("binary"));
    assertThat(model.document())
        .contains("(binary body: 20,480 bytes, application/pdf, gzip, not shown)")
        .doesNotContain("JVBERi0=");
  }

  @Test
  void a_selected_endpoint_shows_its_latency_and_a_pair_after_it_its_own_document() {
    loaded();
    model.openSnapshot("s-1");
    Await.until("endpoints", () -> model.tree().children().get(0).children().size() == 2);
    RecordingNode checkout = model.tree().children().get(0);
    RecordingNode orders = checkout.children().get(0).children().get(0);
    RecordingNode charges = checkout.children().get(1).children().get(0);

    model.select(orders);
    Await.until("endpoint", () -> model.selectedEndpoint() != null);
    assertThat(model.selectedEndpoint().latency()).isEqualTo(TrafficSamples.ORDERS_LATENCY);
    assertThat(model.document())
        .isEqualTo(
            """
            GET api.shop.local/orders/{id}
            812 pairs · IN 812 · OUT 0
            p50 12 ms · p95 48 ms · max 210 ms

            Duration    Pairs
            2–5 ms         25
            5–10 ms       160
            10–20 ms      330
            20–50 ms      260
            50–100 ms      30
            100–200 ms      0
            200–500 ms      7
            """);
    assertThat(fake.count("traffic/getPair")).isZero();

    // Without durations: no sparkline on the row, no chart, the document says so.
    assertThat(charges.label()).isEqualTo("POST /v1/charges  318");
    model.select(charges);
    Await.until("no durations", () -> model.document().contains("No durations recorded"));
    assertThat(model.selectedEndpoint().latency()).isNull();

    // A pair shows its document again; the endpoint is no longer selected.
    model.openEndpoint("s-1", "api.shop.local", "GET", "/orders/{id}");
    Await.until(
        "pairs",
        () ->
            model.tree().children().get(0).children().get(0).children().get(0).children().size()
                == 5);
    model.select(
        model.tree().children().get(0).children().get(0).children().get(0).children().get(0));
    Await.until("pair", () -> model.document().startsWith("### Request"));
    assertThat(model.selectedEndpoint()).isNull();
  }

  @Test
  void import_shows_progress_then_the_report_and_lists_the_new_snapshot() {
    loaded();
    fake.answer("traffic/importFile", new ImportFileResponse("op-1"));
    model.importFile("/home/me/browser.har").join();
    assertThat(fake.params("traffic/importFile"))
        .containsExactly(
            new ImportFileParams("/home/me/browser.har", null, null, null, null, null, null));
    assertThat(model.importRun().phase()).isEqualTo(ImportRun.Phase.RUNNING);

    fake.sendDidProgress(new DidProgressParams("op-1", 250_000, 1_000_000, "entry 18"));
    Await.until("progress", () -> model.importRun().done() == 250_000);
    assertThat(model.importRun().percent()).isEqualTo(25);
    assertThat(model.importRun().status()).isEqualTo("Importing browser.har · 25% · entry 18");

    fake.sendDidProgress(new DidProgressParams("op-other", 9, 10, "not ours"));
    int listedBefore = fake.count("traffic/listSnapshots");
    fake.sendDidFinishImport(new DidFinishImportParams("op-1", REPORT, null));
    Await.until("done", () -> model.importRun().phase() == ImportRun.Phase.DONE);
    assertThat(model.importRun().done()).isEqualTo(250_000);
    assertThat(model.importRun().status()).isEqualTo("Imported browser.har into \"browser.har\"");
    assertThat(RecordingText.report(model.importRun().report()))
        .isEqualTo(
            "Snapshot \"browser.har\" · har · IN 41 · OUT 0 · 310 ms\n"
                + "  www.example.com  IN 38 · OUT 0\n"
                + "  cdn.example.com  IN 3 · OUT 0\n"
                + "Skipped 2:\n"
                + "  entry 7 (GET wss://www.example.com/live): WebSocket upgrade\n"
                + "  entry 19 (POST /track): aborted request: no response\n"
                + "Unresolved variables: baseUrl\n");
    Await.until("listed again", () -> fake.count("traffic/listSnapshots") == listedBefore + 1);
  }

  @Test
  void cancel_sends_traffic_cancel_and_the_cancelled_import_says_nothing_was_stored() {
    loaded();
    fake.answer("traffic/importFile", new ImportFileResponse("op-2"));
    fake.answer("traffic/cancel", new CancelResponse(true));
    model.importFile("/tmp/big.har").join();

    model.cancelImport();
    Await.until("cancel sent", () -> fake.count("traffic/cancel") == 1);
    assertThat(fake.params("traffic/cancel")).containsExactly(new CancelParams("op-2"));
    assertThat(model.importRun().phase()).isEqualTo(ImportRun.Phase.CANCELLING);
    model.cancelImport(); // a second click sends nothing more

    fake.sendDidFinishImport(
        new DidFinishImportParams(
            "op-2",
            null,
            new OperationErrorDto(
                ErrorCode.REQUEST_CANCELLED, "import cancelled", "/tmp/big.har")));
    Await.until("cancelled", () -> model.importRun().phase() == ImportRun.Phase.CANCELLED);
    assertThat(model.importRun().status())
        .isEqualTo("Import of big.har cancelled: nothing was stored");
    assertThat(fake.count("traffic/cancel")).isEqualTo(1);
  }

  @Test
  void a_failed_import_says_where_it_broke() {
    loaded();
    fake.answer("traffic/importFile", new ImportFileResponse("op-3"));
    model.importFile("/tmp/broken.har").join();
    fake.sendDidFinishImport(
        new DidFinishImportParams(
            "op-3",
            null,
            new OperationErrorDto(
                ErrorCode.IMPORT_FAILED,
                "/tmp/broken.har: malformed JSON at line 12, column 7",
                "/tmp/broken.har")));
    Await.until("failed", () -> model.importRun().phase() == ImportRun.Phase.FAILED);
    assertThat(model.importRun().status())
        .isEqualTo(
            "Import of broken.har failed: /tmp/broken.har: malformed JSON at line 12, column 7");
  }

  @Test
  void notifications_that_overtake_the_answer_are_not_lost() {
    loaded();
    CompletableFuture<Object> answer = new CompletableFuture<>();
    fake.answer("traffic/importFile", params -> answer);
    CompletableFuture<Void> sent = model.importFile("/tmp/fast.har");
    Await.until("asked", () -> fake.count("traffic/importFile") == 1);

    fake.sendDidFinishImport(new DidFinishImportParams("op-4", REPORT, null));
    Await.until("held", () -> model.importRun() != null);
    answer.complete(new ImportFileResponse("op-4"));
    sent.join();

    Await.until("done", () -> model.importRun().phase() == ImportRun.Phase.DONE);
  }

  @Test
  void actions_rename_delete_after_confirming_and_export() {
    loaded();
    fake.answer("traffic/renameSnapshot", new SnapshotResponse(TrafficSamples.POSTMAN));
    fake.answer("traffic/deleteSnapshot", new DeleteSnapshotResponse(true));
    fake.answer("traffic/exportSnapshot", new ExportSnapshotResponse("/tmp/out.har", 1522, 4096));
    List<String> asked = new ArrayList<>();
    List<Boolean> confirm = new ArrayList<>(List.of(false, true));
    List<String> answers = new ArrayList<>(List.of("checkout v2", "har", "/tmp/out.har"));
    ClusterActions.Chooser chooser =
        (title, message, options, initial) -> {
          asked.add(title + ": " + message + " " + options);
          return Optional.of(answers.remove(0));
        };
    ClusterActions.Confirmer confirmer =
        (title, message, confirmText) -> {
          asked.add(title + ": " + message);
          return confirm.remove(0);
        };
    RecordingsActions actions =
        new RecordingsActions(model, () -> Optional.empty(), Optional::of, chooser, confirmer);
    RecordingNode checkout = model.tree().children().get(0);

    assertThat(actions.enabled(RecordingAction.DELETE, null)).isFalse();
    assertThat(actions.enabled(RecordingAction.DELETE, checkout)).isTrue();

    actions.perform(RecordingAction.RENAME, checkout);
    Await.until("renamed", () -> fake.count("traffic/renameSnapshot") == 1);
    assertThat(fake.params("traffic/renameSnapshot"))
        .containsExactly(new RenameSnapshotParams("s-1", "checkout v2"));

    actions.perform(RecordingAction.DELETE, checkout); // declined
    actions.perform(RecordingAction.DELETE, checkout);
    Await.until("deleted", () -> fake.count("traffic/deleteSnapshot") == 1);
    assertThat(fake.params("traffic/deleteSnapshot")).containsExactly(new SnapshotParams("s-1"));
    assertThat(asked.get(1))
        .isEqualTo(
            "Delete Snapshot: Delete snapshot \"checkout-flow\" and all its pairs? This cannot be undone.");

    actions.perform(RecordingAction.EXPORT, checkout);
    Await.until("exported", () -> fake.count("traffic/exportSnapshot") == 1);
    assertThat(fake.params("traffic/exportSnapshot"))
        .containsExactly(new ExportSnapshotParams("s-1", "har", "/tmp/out.har"));
    Await.until("said", () -> model.status().startsWith("Exported"));
    assertThat(model.status()).isEqualTo("Exported 1,522 pairs (4,096 bytes) to /tmp/out.har");
  }

  @Test
  void an_export_shows_while_it_runs_refuses_a_second_and_then_says_what_it_wrote() {
    loaded();
    CompletableFuture<ExportSnapshotResponse> writing = new CompletableFuture<>();
    fake.answer("traffic/exportSnapshot", params -> writing);

    model.export("s-1", "har", "/tmp/out.har");
    Await.until("sent", () -> fake.count("traffic/exportSnapshot") == 1);
    assertThat(model.exportRun().status()).isEqualTo("Exporting “checkout-flow” to out.har…");

    model.export("s-1", "jsonl", "/tmp/out.jsonl").join();
    assertThat(model.status())
        .isEqualTo("An export is running already: Exporting “checkout-flow” to out.har…");

    writing.complete(new ExportSnapshotResponse("/tmp/out.har", 1522, 4096));
    Await.until("ended", () -> model.exportRun() == null);
    assertThat(model.status()).isEqualTo("Exported 1,522 pairs (4,096 bytes) to /tmp/out.har");
    assertThat(fake.params("traffic/exportSnapshot"))
        .containsExactly(new ExportSnapshotParams("s-1", "har", "/tmp/out.har"));
  }

  @Test
  void a_cancel_that_arrives_after_the_server_finished_says_what_was_written() {
    loaded();
    // The server's side of an export that has moved its file into place: it refuses the cancel.
    CompletableFuture<Void> cancelArrived = new CompletableFuture<>();
    CompletableFuture<ExportSnapshotResponse> committed =
        new CompletableFuture<>() {
          @Override
          public boolean cancel(boolean mayInterruptIfRunning) {
            cancelArrived.complete(null);
            return false;
          }
        };
    fake.answer("traffic/exportSnapshot", params -> committed);

    model.export("s-1", "har", "/tmp/out.har");
    Await.until("sent", () -> fake.count("traffic/exportSnapshot") == 1);
    model.cancelExport();
    Await.until("the server saw $/cancelRequest", cancelArrived::isDone);
    assertThat(model.exportRun().status())
        .isEqualTo("Exporting “checkout-flow” to out.har · cancelling…");

    committed.complete(new ExportSnapshotResponse("/tmp/out.har", 1522, 4096));

    Await.until("ended", () -> model.exportRun() == null);
    assertThat(model.status()).isEqualTo("Exported 1,522 pairs (4,096 bytes) to /tmp/out.har");
  }

  @Test
  void a_failed_export_says_why_and_is_not_taken_for_a_cancelled_one() {
    loaded();
    fake.fail("traffic/exportSnapshot", ErrorCode.EXPORT_FAILED, "disk full");

    model.export("s-1", "har", "/tmp/out.har").join();

    assertThat(model.exportRun()).isNull();
    assertThat(model.status()).isEqualTo("Could not export: disk full");
  }

  @Test
  void an_export_the_server_reports_cancelled_says_the_file_was_left_as_it_was() {
    loaded();
    fake.fail("traffic/exportSnapshot", ErrorCode.REQUEST_CANCELLED, "cancelled");

    model.export("s-1", "jsonl", "/tmp/shop.jsonl").join();

    assertThat(model.status())
        .isEqualTo("Export of “checkout-flow” cancelled; shop.jsonl was left as it was");
  }

  @Test
  void a_desktop_recording_counts_pairs_and_stopping_lists_its_snapshot() {
    loaded();
    fake.answer(
        "traffic/startRecording",
        new dev.kubereplay.protocol.traffic.StartRecordingResponse(
            "r-1", "127.0.0.1:41234", "s-9"));
    fake.answer(
        "traffic/stopRecording",
        new SnapshotResponse(
            new dev.kubereplay.protocol.traffic.SnapshotDto(
                "s-9",
                "recording of http://localhost:8080",
                "record",
                TrafficSamples.CREATED,
                12,
                0,
                List.of("localhost:8080"),
                null,
                null,
                0,
                dev.kubereplay.protocol.traffic.SnapshotState.COMPLETE)));
    List<String> answers = new ArrayList<>(List.of("http://localhost:8080", "127.0.0.1:0"));
    RecordingsActions actions =
        new RecordingsActions(
            model,
            () -> Optional.empty(),
            Optional::of,
            (title, message, options, initial) -> Optional.of(answers.remove(0)),
            (title, message, confirmText) -> true);

    actions.perform(RecordingAction.RECORD, null);
    Await.until(
        "recording",
        () ->
            model.recording() != null
                && model.recording().phase() == DesktopRecording.Phase.RECORDING);
    assertThat(fake.params("traffic/startRecording"))
        .containsExactly(
            new dev.kubereplay.protocol.traffic.StartRecordingParams(
                "127.0.0.1:0", "http://localhost:8080", false, null));
    assertThat(actions.enabled(RecordingAction.RECORD, null)).isFalse();
    // The new snapshot, being recorded, is listed.
    Await.until("listed with the recording", () -> fake.count("traffic/listSnapshots") == 2);

    fake.sendDidRecord(
        new dev.kubereplay.protocol.traffic.DidRecordParams(
            "r-1", 12, "GET http://localhost:8080/users/7"));
    Await.until("counted", () -> model.recording().pairs() == 12);
    assertThat(model.recording().status())
        .isEqualTo(
            "● Recording on 127.0.0.1:41234 → http://localhost:8080 · 12 pairs · last GET"
                + " http://localhost:8080/users/7");

    int listedBefore = fake.count("traffic/listSnapshots");
    model.stopRecording().join();
    assertThat(fake.params("traffic/stopRecording"))
        .containsExactly(new dev.kubereplay.protocol.traffic.StopRecordingParams("r-1"));
    assertThat(model.recording().status())
        .isEqualTo("Recorded 12 pairs into \"recording of http://localhost:8080\"");
    Await.until("listed again", () -> fake.count("traffic/listSnapshots") == listedBefore + 1);
    assertThat(actions.enabled(RecordingAction.RECORD, null)).isTrue();
  }

  @Test
  void a_store_that_fails_shows_on_the_tree() {
    fake.fail("traffic/listSnapshots", ErrorCode.STORE_FAILED, "database is locked");
    model.refresh();
    Await.until("error", () -> model.tree().children().get(0).tone() == Tone.ALERT);
    assertThat(model.tree().children().get(0).label())
        .isEqualTo("Could not list snapshots: database is locked");
  }
}
