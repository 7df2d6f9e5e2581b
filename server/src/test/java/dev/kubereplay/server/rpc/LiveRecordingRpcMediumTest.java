package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotResponse;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import dev.kubereplay.protocol.traffic.ListPairsParams;
import dev.kubereplay.protocol.traffic.ListSnapshotsParams;
import dev.kubereplay.protocol.traffic.RenameSnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.SnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotState;
import dev.kubereplay.protocol.traffic.StartRecordingResponse;
import dev.kubereplay.protocol.traffic.StopRecordingParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.Test;

/**
 * A recording running while the user works with the store: its snapshot is listed and grows, and
 * imports, renames and deletes beside it go through (a write that had to wait for the recording
 * past the store's busy timeout would fail with an error, which these tests would see).
 */
class LiveRecordingRpcMediumTest extends RecordingRpcTesting {

  private String importShop(String name) throws Exception {
    DidFinishImportParams finished = importShopAndWait(name);
    assertThat(finished.error()).isNull();
    return finished.report().snapshot().id();
  }

  private DidFinishImportParams importShopAndWait(String name) throws Exception {
    Path har = Recordings.copy(dir, "chromium-shop.har");
    String operation =
        get(traffic()
                .importFile(
                    new ImportFileParams(har.toString(), null, name, null, null, null, null)))
            .operationId();
    return session.client().awaitImportFinished(operation, Duration.ofSeconds(60));
  }

  /** Sends requests through the proxy until stopped; counts the answered ones. */
  private static final class Traffic implements AutoCloseable {
    final AtomicInteger answered = new AtomicInteger();
    final AtomicBoolean running = new AtomicBoolean(true);
    final CompletableFuture<Void> done;

    Traffic(LiveRecordingRpcMediumTest test, String address) {
      done =
          CompletableFuture.runAsync(
              () -> {
                int i = 0;
                while (running.get()) {
                  try {
                    test.call(address, "/items/" + i++, null);
                    answered.incrementAndGet();
                    Thread.sleep(5);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }
              });
    }

    @Override
    public void close() throws Exception {
      running.set(false);
      done.get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void imports_renames_and_deletes_of_other_snapshots_go_through_while_a_recording_runs()
      throws Exception {
    String kept = importShop("kept");
    String doomed = importShop("doomed");
    StartRecordingResponse started = startReverse("long session");
    SnapshotDto sealed;
    int answered;
    try (Traffic traffic = new Traffic(this, started.address())) {
      SnapshotDto early = awaitListed(started.snapshotId(), s -> s.inCount() > 0);
      assertThat(early.state()).isEqualTo(SnapshotState.RECORDING);

      DidFinishImportParams imported = importShopAndWait("imported meanwhile");
      assertThat(imported.error()).as("an import while recording").isNull();
      assertThat(imported.report().snapshot().inCount()).isPositive();
      SnapshotDto renamed =
          get(traffic().renameSnapshot(new RenameSnapshotParams(kept, "renamed"))).snapshot();
      assertThat(renamed.name()).as("a rename while recording").isEqualTo("renamed");
      assertThat(get(traffic().deleteSnapshot(new SnapshotParams(doomed))).deleted())
          .as("a delete while recording")
          .isTrue();

      SnapshotDto later = awaitListed(started.snapshotId(), s -> s.inCount() > early.inCount());
      assertThat(later.state())
          .as("still recording, and growing")
          .isEqualTo(SnapshotState.RECORDING);
      assertThat(later.lastTimestamp()).isAfter(early.lastTimestamp());
      traffic.close();
      answered = traffic.answered.get();
      sealed =
          get(traffic().stopRecording(new StopRecordingParams(started.recordingId()))).snapshot();
    }

    assertThat(sealed.state()).isEqualTo(SnapshotState.COMPLETE);
    assertThat(sealed.inCount()).as("every answered exchange").isEqualTo(answered);
    assertThat(
            get(traffic().listPairs(new ListPairsParams(sealed.id(), null, null, null, 0, 1)))
                .total())
        .isEqualTo(answered);
    assertThat(get(traffic().listSnapshots(new ListSnapshotsParams())).snapshots())
        .extracting(SnapshotDto::name)
        .containsExactlyInAnyOrder("long session", "imported meanwhile", "renamed");
  }

  @Test
  void a_snapshot_being_recorded_can_be_renamed_and_exported_but_not_deleted() throws Exception {
    StartRecordingResponse started = startReverse("in progress");
    call(started.address(), "/a", null);
    call(started.address(), "/b", null);
    awaitListed(started.snapshotId(), s -> s.inCount() == 2);

    assertThatThrownBy(
            () -> get(traffic().deleteSnapshot(new SnapshotParams(started.snapshotId()))))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ResponseErrorException.class)
        .hasMessage(
            "snapshot " + started.snapshotId() + " is being recorded; stop the recording first")
        .satisfies(
            e ->
                assertThat(((ResponseErrorException) e).getResponseError().getCode())
                    .isEqualTo(ErrorCode.CONFLICT.code()));
    SnapshotDto renamed =
        get(traffic().renameSnapshot(new RenameSnapshotParams(started.snapshotId(), "renamed")))
            .snapshot();
    assertThat(renamed.name()).isEqualTo("renamed");
    assertThat(renamed.state()).isEqualTo(SnapshotState.RECORDING);
    Path export = dir.resolve("so-far.jsonl");
    ExportSnapshotResponse exported =
        get(
            traffic()
                .exportSnapshot(
                    new ExportSnapshotParams(started.snapshotId(), "jsonl", export.toString())));
    assertThat(exported.pairs()).as("what is committed so far").isEqualTo(2);
    assertThat(Files.readString(export)).contains("/a").contains("/b");

    call(started.address(), "/c", null);
    SnapshotDto sealed =
        get(traffic().stopRecording(new StopRecordingParams(started.recordingId()))).snapshot();

    assertThat(sealed.name()).isEqualTo("renamed");
    assertThat(sealed.inCount()).isEqualTo(3);
    assertThat(get(traffic().deleteSnapshot(new SnapshotParams(sealed.id()))).deleted()).isTrue();
    assertThat(listed(sealed.id())).isNull();
  }
}
