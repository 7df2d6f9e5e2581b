package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.fixtures.traffic.HarGenerator;
import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.traffic.BodyDto;
import dev.kubereplay.protocol.traffic.CancelParams;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.DidProgressParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotResponse;
import dev.kubereplay.protocol.traffic.GetPairParams;
import dev.kubereplay.protocol.traffic.HostEndpointsDto;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import dev.kubereplay.protocol.traffic.ListEndpointsResponse;
import dev.kubereplay.protocol.traffic.ListPairsParams;
import dev.kubereplay.protocol.traffic.ListPairsResponse;
import dev.kubereplay.protocol.traffic.ListSnapshotsParams;
import dev.kubereplay.protocol.traffic.PairDirection;
import dev.kubereplay.protocol.traffic.PairDto;
import dev.kubereplay.protocol.traffic.PairSummaryDto;
import dev.kubereplay.protocol.traffic.ReclassifyParams;
import dev.kubereplay.protocol.traffic.RenameSnapshotParams;
import dev.kubereplay.protocol.traffic.SnapshotDto;
import dev.kubereplay.protocol.traffic.SnapshotParams;
import dev.kubereplay.protocol.traffic.TrafficRpcService;
import dev.kubereplay.server.ServerEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traffic segment through the protocol, against the real server in this JVM. */
class TrafficRpcMediumTest {

  @TempDir Path dir;
  private TestSession session;

  @BeforeEach
  void start() throws Exception {
    ServerEnvironment environment =
        new ServerEnvironment(
            Map.of("KUBEREPLAY_HOME", dir.resolve("data").toString()), dir.resolve("home"));
    session = TestSession.inProcess((in, out) -> RpcServer.start(environment, in, out, null));
    session.initialize();
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private TrafficRpcService traffic() {
    return session.server().getTrafficService();
  }

  private static <T> T get(CompletableFuture<T> future) throws Exception {
    return future.get(30, TimeUnit.SECONDS);
  }

  private static ImportFileParams params(Path file) {
    return new ImportFileParams(file.toString(), null, null, null, null, null, null);
  }

  private DidFinishImportParams importAndWait(ImportFileParams params) throws Exception {
    String operation = get(traffic().importFile(params)).operationId();
    DidFinishImportParams finished =
        session.client().awaitImportFinished(operation, Duration.ofSeconds(60));
    assertThat(finished).as("traffic/didFinishImport for " + operation).isNotNull();
    return finished;
  }

  private static ErrorCode code(Throwable failure) {
    return ErrorCode.fromCode(
        ((ResponseErrorException) failure.getCause()).getResponseError().getCode());
  }

  @Test
  void an_import_answers_at_once_then_reports_progress_and_its_report() throws Exception {
    Path big = dir.resolve("big.har");
    new HarGenerator(3).write(big, 40_000, Long.MAX_VALUE);

    String operation = get(traffic().importFile(params(big))).operationId();
    DidFinishImportParams finished =
        session.client().awaitImportFinished(operation, Duration.ofSeconds(120));

    assertThat(finished.error()).isNull();
    assertThat(finished.report().snapshot().inCount()).isEqualTo(39_200);
    assertThat(finished.report().skippedCount()).isEqualTo(800);
    List<DidProgressParams> progress = session.client().progress(operation);
    assertThat(progress).isNotEmpty();
    assertThat(progress.get(progress.size() - 1).done()).isEqualTo(Files.size(big));
    assertThat(get(traffic().listSnapshots(new ListSnapshotsParams())).snapshots())
        .extracting(SnapshotDto::id)
        .containsExactly(finished.report().snapshot().id());
  }

  @Test
  void a_har_is_browsed_host_by_host_endpoint_by_endpoint_down_to_one_pair() throws Exception {
    Path har = Recordings.copy(dir, "chromium-shop.har");
    DidFinishImportParams finished =
        importAndWait(
            new ImportFileParams(
                har.toString(), "har", "shop", List.of("payments.example.test"), null, null, null));
    String id = finished.report().snapshot().id();
    assertThat(finished.report().skipped()).hasSize(2);

    ListEndpointsResponse endpoints = get(traffic().listEndpoints(new SnapshotParams(id)));
    assertThat(endpoints.hosts())
        .extracting(HostEndpointsDto::host)
        .containsExactly("cdn.example.test", "payments.example.test", "shop.example.test");
    HostEndpointsDto shop = endpoints.hosts().get(2);
    assertThat(shop.inCount()).isEqualTo(6);
    assertThat(shop.endpoints()).hasSize(6);

    ListPairsResponse products =
        get(
            traffic()
                .listPairs(
                    new ListPairsParams(id, "shop.example.test", "GET", "/api/products", 0, 50)));
    assertThat(products.total()).isEqualTo(1);
    PairSummaryDto summary = products.pairs().get(0);
    PairDto pair = get(traffic().getPair(new GetPairParams(id, summary.pairId()))).pair();
    BodyDto body = pair.response().body();
    assertThat(body.prettyPrinted()).isTrue();
    assertThat(body.text()).contains("\n  \"page\": 2").contains("Teekanne \u00e9t\u00e9");
    assertThat(body.contentType()).isEqualTo("application/json");

    long logo =
        get(traffic().listPairs(new ListPairsParams(id, "cdn.example.test", null, null, 0, 5)))
            .pairs()
            .get(0)
            .pairId();
    BodyDto png = get(traffic().getPair(new GetPairParams(id, logo))).pair().response().body();
    assertThat(png.text()).isNull();
    assertThat(png.base64()).startsWith("iVBORw0KGgo");
    assertThat(png.size()).isEqualTo(70);
  }

  @Test
  void snapshots_are_renamed_reclassified_exported_and_deleted() throws Exception {
    String id =
        importAndWait(params(Recordings.copy(dir, "chromium-shop.har"))).report().snapshot().id();

    assertThat(
            get(traffic().renameSnapshot(new RenameSnapshotParams(id, "checkout")))
                .snapshot()
                .name())
        .isEqualTo("checkout");
    var reclassified =
        get(
            traffic()
                .reclassify(new ReclassifyParams(id, "payments.example.test", PairDirection.OUT)));
    assertThat(reclassified.changed()).isEqualTo(1);
    assertThat(reclassified.snapshot().outCount()).isEqualTo(1);
    // One endpoint of a host: the login call becomes a mock, the rest of the shop stays IN.
    var login =
        get(
            traffic()
                .reclassify(
                    new ReclassifyParams(
                        id, "shop.example.test", "post", "/api/login", PairDirection.OUT)));
    assertThat(login.changed()).isEqualTo(1);
    assertThat(login.snapshot().outCount()).isEqualTo(2);
    assertThat(
            get(traffic()
                    .reclassify(
                        new ReclassifyParams(
                            id, "shop.example.test", "post", "/api/login", PairDirection.IN)))
                .snapshot()
                .outCount())
        .isEqualTo(1);
    assertThatThrownBy(
            () ->
                get(
                    traffic()
                        .reclassify(
                            new ReclassifyParams(
                                id, "shop.example.test", "GET", null, PairDirection.OUT))))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_PARAMS))
        .hasMessageContaining("needs the endpoint's path");

    Path out = dir.resolve("shop.jsonl");
    ExportSnapshotResponse exported =
        get(traffic().exportSnapshot(new ExportSnapshotParams(id, "jsonl", out.toString())));
    assertThat(exported.pairs()).isEqualTo(8);
    assertThat(Files.size(out)).isEqualTo(exported.bytes());
    DidFinishImportParams again = importAndWait(params(out));
    assertThat(again.report().format()).isEqualTo("jsonl");
    assertThat(again.report().snapshot().outCount()).isEqualTo(1);

    assertThat(get(traffic().deleteSnapshot(new SnapshotParams(id))).deleted()).isTrue();
    assertThat(get(traffic().deleteSnapshot(new SnapshotParams(id))).deleted()).isFalse();
    assertThatThrownBy(() -> get(traffic().listEndpoints(new SnapshotParams(id))))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.SNAPSHOT_NOT_FOUND));
    assertThatThrownBy(
            () ->
                get(
                    traffic()
                        .getPair(new GetPairParams(again.report().snapshot().id(), 1_000_000))))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.PAIR_NOT_FOUND));
    assertThatThrownBy(
            () ->
                get(
                    traffic()
                        .listPairs(
                            new ListPairsParams(
                                again.report().snapshot().id(), null, null, null, 0, 0))))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_PARAMS));
  }

  @Test
  void a_bad_file_finishes_with_import_failed_and_leaves_no_snapshot() throws Exception {
    Path broken = dir.resolve("broken.har");
    Files.writeString(broken, "{\"log\": {\"entries\": [ {\"request\": ");

    DidFinishImportParams finished = importAndWait(params(broken));

    assertThat(finished.report()).isNull();
    assertThat(finished.error().code()).isEqualTo(ErrorCode.IMPORT_FAILED);
    assertThat(finished.error().message())
        .startsWith(broken + ": line 1, column ")
        .contains("truncated");
    assertThat(finished.error().subject()).isEqualTo(broken.toString());
    assertThat(get(traffic().listSnapshots(new ListSnapshotsParams())).snapshots()).isEmpty();
    assertThatThrownBy(
            () ->
                get(
                    traffic()
                        .importFile(
                            new ImportFileParams(
                                broken.toString(), "pcap", null, null, null, null, null))))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_PARAMS));
    assertThatThrownBy(
            () ->
                get(
                    traffic()
                        .importFile(
                            new ImportFileParams(
                                broken.toString(),
                                null,
                                null,
                                List.of("payments.shop", "not a host"),
                                null,
                                null,
                                null))))
        .satisfies(e -> assertThat(code(e)).isEqualTo(ErrorCode.INVALID_PARAMS))
        .hasMessageContaining("'not a host' is not a host");
  }

  @Test
  void a_cancelled_import_finishes_with_request_cancelled_and_leaves_no_snapshot()
      throws Exception {
    // The HAR arrives through a named pipe whose writer waits for the test: the import is
    // certainly mid-way (pairs read, the rest not yet written) when the cancel lands, however
    // fast or loaded the machine.
    Path har = dir.resolve("whole.har");
    new HarGenerator(5).write(har, 2_000, Long.MAX_VALUE);
    byte[] bytes = Files.readAllBytes(har);
    Path pipe = dir.resolve("arriving.har");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    CountDownLatch cancelled = new CountDownLatch(1);
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream out = Files.newOutputStream(pipe)) {
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                assertThat(cancelled.await(60, TimeUnit.SECONDS)).isTrue();
                out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
              } catch (IOException stoppedReading) {
                // the cancelled import closed the pipe before the rest was written: as it should
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });

    String operation =
        get(traffic()
                .importFile(
                    new ImportFileParams(pipe.toString(), "har", "piped", null, null, null, null)))
            .operationId();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (session.client().progress(operation).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(session.client().progress(operation)).as("progress while reading").isNotEmpty();
    assertThat(get(traffic().cancel(new CancelParams(operation))).cancelled()).isTrue();
    cancelled.countDown();
    DidFinishImportParams finished =
        session.client().awaitImportFinished(operation, Duration.ofSeconds(60));
    writer.get(60, TimeUnit.SECONDS);

    assertThat(finished.error().code()).isEqualTo(ErrorCode.REQUEST_CANCELLED);
    assertThat(get(traffic().cancel(new CancelParams(operation))).cancelled()).isFalse();
    assertThat(get(traffic().listSnapshots(new ListSnapshotsParams())).snapshots()).isEmpty();
  }

  @Test
  void a_har_arriving_through_a_pipe_imports_whole_when_its_format_is_named() throws Exception {
    Path har = dir.resolve("whole.har");
    new HarGenerator(5).write(har, 300, Long.MAX_VALUE);
    Path pipe = dir.resolve("arriving.har");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
    CompletableFuture<Long> writer =
        CompletableFuture.supplyAsync(
            () -> {
              try (OutputStream out = Files.newOutputStream(pipe)) {
                return Files.copy(har, out);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    DidFinishImportParams piped =
        importAndWait(
            new ImportFileParams(pipe.toString(), "har", "piped", null, null, null, null));
    writer.get(60, TimeUnit.SECONDS);
    DidFinishImportParams fromFile = importAndWait(params(har));

    assertThat(piped.error()).isNull();
    assertThat(piped.report().snapshot().name()).isEqualTo("piped");
    assertThat(piped.report().snapshot().inCount())
        .isPositive()
        .isEqualTo(fromFile.report().snapshot().inCount());
    assertThat(piped.report().snapshot().outCount())
        .isEqualTo(fromFile.report().snapshot().outCount());
  }

  @Test
  void a_pipe_without_a_format_is_refused_before_anything_is_read() throws Exception {
    Path pipe = dir.resolve("unnamed.har");
    assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();

    DidFinishImportParams finished = importAndWait(params(pipe));

    assertThat(finished.error().message())
        .contains("cannot tell the format of a pipe or device; name it with --format");
  }
}
