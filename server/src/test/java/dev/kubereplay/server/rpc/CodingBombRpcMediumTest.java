package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.traffic.BodyDto;
import dev.kubereplay.protocol.traffic.DidFinishImportParams;
import dev.kubereplay.protocol.traffic.ExportSnapshotParams;
import dev.kubereplay.protocol.traffic.GetPairParams;
import dev.kubereplay.protocol.traffic.ImportFileParams;
import dev.kubereplay.protocol.traffic.ImportWarningDto;
import dev.kubereplay.protocol.traffic.ListPairsParams;
import dev.kubereplay.protocol.traffic.ListSnapshotsParams;
import dev.kubereplay.protocol.traffic.PairDto;
import dev.kubereplay.protocol.traffic.PairSummaryDto;
import dev.kubereplay.protocol.traffic.TrafficRpcService;
import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.http.ContentCodingsFixtures;
import dev.kubereplay.server.traffic.redact.Redactor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gzip bomb through the protocol, against the real server in this JVM: the import report names
 * the line and the request, the pair view shows the stored bytes still coded (never expanded), the
 * export keeps them coded, and the server goes on answering.
 */
class CodingBombRpcMediumTest {

  private static final String KEPT =
      "response body kept gzip-coded, not checked for credentials:"
          + " gzip expands past the 64 MiB decoding limit";

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

  @Test
  void a_gzip_bomb_is_reported_shown_coded_and_exported_coded_and_the_server_answers_on()
      throws Exception {
    byte[] bomb = ContentCodingsFixtures.gzipBomb();
    Path file = dir.resolve("bomb.jsonl");
    Files.writeString(
        file,
        "{\"direction\":\"IN\",\"timestamp\":\"2026-11-25T16:00:00Z\",\"protocol\":\"http\","
            + "\"host\":\"shop.test\",\"method\":\"GET\",\"url\":\"http://shop.test/feed\","
            + "\"requestHeaders\":[],\"requestBody\":\"\",\"status\":200,\"responseHeaders\":"
            + "[[\"Content-Type\",\"application/json\"],[\"Content-Encoding\",\"gzip\"]],"
            + "\"responseBody\":\""
            + Base64.getEncoder().encodeToString(bomb)
            + "\",\"responseBodyEncoding\":\"gzip\"}\n");

    String operation =
        get(traffic()
                .importFile(
                    new ImportFileParams(file.toString(), null, null, null, null, null, null)))
            .operationId();
    DidFinishImportParams finished =
        session.client().awaitImportFinished(operation, Duration.ofSeconds(60));

    assertThat(finished.error()).isNull();
    assertThat(finished.report().warnings())
        .containsExactly(new ImportWarningDto("line 1", "GET http://shop.test/feed: " + KEPT));
    assertThat(finished.report().warningCount()).isEqualTo(1);
    String id = finished.report().snapshot().id();
    List<PairSummaryDto> summaries =
        get(traffic().listPairs(new ListPairsParams(id, null, null, null, 0, 10))).pairs();
    assertThat(summaries).hasSize(1);

    PairDto pair = get(traffic().getPair(new GetPairParams(id, summaries.get(0).pairId()))).pair();
    BodyDto body = pair.response().body();
    assertThat(body.contentEncoding()).isEqualTo("gzip");
    assertThat(body.size()).isEqualTo(bomb.length);
    assertThat(body.text()).isNull();
    assertThat(Base64.getDecoder().decode(body.base64())).isEqualTo(bomb);
    assertThat(pair.tags()).containsEntry(Redactor.KEPT_CODED, KEPT);

    Path har = dir.resolve("bomb.har");
    get(traffic().exportSnapshot(new ExportSnapshotParams(id, "har", har.toString())));
    assertThat(Files.size(har)).isLessThan(2L * bomb.length);
    assertThat(Files.readString(har)).contains("\"_encoding\":\"gzip\"");

    assertThat(get(traffic().listSnapshots(new ListSnapshotsParams())).snapshots()).hasSize(1);
  }
}
