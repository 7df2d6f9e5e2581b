package dev.kubereplay.server.traffic.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.server.traffic.ImportReport;
import dev.kubereplay.server.traffic.ImportRequest;
import dev.kubereplay.server.traffic.PairQuery;
import dev.kubereplay.server.traffic.TrafficFormat;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.TrafficTesting;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.StoredPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A HAR written by a real browser: headless Chromium driven by Playwright's recordHar against a
 * page on 127.0.0.1 (test-fixtures/traffic/record-playwright-har.mjs).
 */
class PlaywrightHarTest {

  @TempDir Path dir;

  @Test
  void every_replayable_entry_is_counted_and_every_skipped_one_explained() {
    TrafficService service = TrafficTesting.service(dir.resolve("data"));

    ImportReport report =
        service.importFile(
            ImportRequest.of(Recordings.copy(dir, "playwright-loopback.har")),
            TrafficService.ImportListener.NONE,
            TrafficFormat.Cancellation.NEVER);

    assertThat(report.format()).isEqualTo("har");
    assertThat(report.snapshot().pairCount()).isEqualTo(7);
    assertThat(report.skippedCount()).isEqualTo(2);
    assertThat(report.skipped())
        .extracting(ImportReport.Skipped::reason)
        .hasSize(2)
        .satisfiesExactly(
            reason ->
                assertThat(reason)
                    .matches("WebSocket upgrade \\(ws://127\\.0\\.0\\.1:\\d+/live\\)"),
            reason ->
                assertThat(reason).isEqualTo("aborted request, no response (net::ERR_ABORTED)"));
    assertThat(report.hosts())
        .singleElement()
        .satisfies(h -> assertThat(h.host()).startsWith("127.0.0.1:"));

    List<RRPair> pairs =
        service
            .pairs(new PairQuery(report.snapshot().id(), null, null, null, 0, 20))
            .pairs()
            .stream()
            .map(StoredPair::pair)
            .toList();
    assertThat(pairs)
        .extracting(
            p ->
                p.method() + " " + dev.kubereplay.server.http.Urls.path(p.url()) + " " + p.status())
        .containsExactly(
            "GET / 200",
            "GET /logo.png 200",
            "GET /api/items 200",
            "POST /api/login 200",
            "GET /old-cart 302",
            "GET /cart 200",
            "GET /api/report 200");
    assertThat(pairs.get(1).responseBody())
        .startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    assertThat(new String(pairs.get(3).requestBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"user\":\"ada\",\"password\":\"-REDACTED-\"}");
    assertThat(new String(pairs.get(3).responseBody(), StandardCharsets.UTF_8))
        .contains("\"access_token\":\"-REDACTED-\"");
    assertThat(new String(pairs.get(6).responseBody(), StandardCharsets.UTF_8))
        .as("a gzip response is in the HAR decoded")
        .startsWith("{\"rows\":[");
  }
}
