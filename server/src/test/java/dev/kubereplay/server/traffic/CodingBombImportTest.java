package dev.kubereplay.server.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.http.ContentCodingsFixtures;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.model.StoredPair;
import dev.kubereplay.server.traffic.redact.Redactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compression bomb (about a megabyte of gzip, or 1.7 KB of Brotli, expanding past a gigabyte) in
 * each importable format: the import goes on, the bomb's pair is stored with its body as it came,
 * still coded and tagged, the report names the entry and the request, and the store goes on
 * working.
 */
class CodingBombImportTest {

  private static final String GZIP_KEPT =
      "response body kept gzip-coded, not checked for credentials:"
          + " gzip expands past the 64 MiB decoding limit";

  @TempDir Path dir;

  private TrafficService service() {
    return TrafficTesting.service(dir.resolve("data"));
  }

  private static ImportReport importFile(TrafficService service, Path file, String format) {
    return service.importFile(
        new ImportRequest(file, format, null, Set.of(), 0, List.of(), null),
        TrafficService.ImportListener.NONE,
        TrafficFormat.Cancellation.NEVER);
  }

  private static List<RRPair> stored(TrafficService service, Snapshot snapshot) {
    return service.pairs(new PairQuery(snapshot.id(), null, null, null, 0, 100)).pairs().stream()
        .map(StoredPair::pair)
        .toList();
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /** The store still imports and reads after the bomb. */
  private void assertStillWorks(TrafficService service) throws IOException {
    Path plain = dir.resolve("after.jsonl");
    Files.writeString(plain, jsonl("http://shop.test/after", "{\"ok\":true}".getBytes(), null));
    ImportReport after = importFile(service, plain, "jsonl");
    assertThat(after.warnings()).isEmpty();
    assertThat(new String(stored(service, after.snapshot()).get(0).responseBody()))
        .isEqualTo("{\"ok\":true}");
    assertThat(service.snapshots()).hasSize(2);
  }

  private static String jsonl(String url, byte[] body, String coding) {
    return "{\"direction\":\"IN\",\"timestamp\":\"2026-11-25T16:00:00Z\",\"protocol\":\"http\","
        + "\"host\":\"shop.test\",\"method\":\"GET\",\"url\":\""
        + url
        + "\",\"requestHeaders\":[],\"requestBody\":\"\",\"status\":200,"
        + "\"responseHeaders\":[[\"Content-Type\",\"application/json\"]"
        + (coding == null ? "" : ",[\"Content-Encoding\",\"" + coding + "\"]")
        + "],\"responseBody\":\""
        + base64(body)
        + "\""
        + (coding == null ? "" : ",\"responseBodyEncoding\":\"" + coding + "\"")
        + "}\n";
  }

  @Test
  void keeps_a_gzip_bomb_in_a_jsonl_line_coded_naming_the_line_and_url() throws IOException {
    TrafficService service = service();
    byte[] bomb = ContentCodingsFixtures.gzipBomb();
    Path file = dir.resolve("bomb.jsonl");
    Files.writeString(
        file,
        jsonl("http://shop.test/ok", "{\"id\":1}".getBytes(), null)
            + jsonl("http://shop.test/feed?token=abc", bomb, "gzip"));

    ImportReport report = importFile(service, file, "jsonl");

    assertThat(report.snapshot().pairCount()).isEqualTo(2);
    assertThat(report.skippedCount()).isZero();
    assertThat(report.warningCount()).isEqualTo(1);
    assertThat(report.warnings())
        .containsExactly(
            new ImportReport.Warning("line 2", "GET http://shop.test/feed: " + GZIP_KEPT));
    RRPair kept = stored(service, report.snapshot()).get(1);
    assertThat(kept.responseBody()).isEqualTo(bomb);
    assertThat(kept.responseBodyEncoding()).isEqualTo("gzip");
    assertThat(kept.tags()).containsEntry(Redactor.KEPT_CODED, GZIP_KEPT);
    assertThat(stored(service, report.snapshot()).get(0).tags()).isEmpty();
    assertStillWorks(service);
  }

  @Test
  void keeps_a_brotli_bomb_in_a_har_entry_coded_naming_the_entry_and_url() throws IOException {
    TrafficService service = service();
    byte[] bomb = ContentCodingsFixtures.brotliBomb();
    Path file = dir.resolve("bomb.har");
    Files.writeString(
        file,
        """
        {"log": {"version": "1.2", "creator": {"name": "t", "version": "1"}, "entries": [
          {"startedDateTime": "2026-11-25T16:00:00Z", "time": 5,
           "request": {"method": "GET", "url": "http://shop.test/a", "httpVersion": "HTTP/1.1",
             "headers": [], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
           "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1",
             "headers": [], "cookies": [], "redirectURL": "", "headersSize": -1, "bodySize": 2,
             "content": {"size": 2, "mimeType": "application/json", "text": "{}"}},
           "cache": {}, "timings": {"send": 0, "wait": 5, "receive": 0}},
          {"startedDateTime": "2026-11-25T16:00:01Z", "time": 5,
           "request": {"method": "GET", "url": "http://shop.test/feed", "httpVersion": "HTTP/1.1",
             "headers": [], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
           "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1",
             "headers": [{"name": "Content-Encoding", "value": "br"}], "cookies": [],
             "redirectURL": "", "headersSize": -1, "bodySize": 1743,
             "content": {"size": 1743, "mimeType": "application/json",
               "text": "%s", "encoding": "base64", "_encoding": "br"}},
           "cache": {}, "timings": {"send": 0, "wait": 5, "receive": 0}}
        ]}}
        """
            .formatted(base64(bomb)));

    ImportReport report = importFile(service, file, "har");

    assertThat(report.snapshot().pairCount()).isEqualTo(2);
    String kept =
        "response body kept br-coded, not checked for credentials:"
            + " br expands past the 64 MiB decoding limit";
    assertThat(report.warnings())
        .containsExactly(new ImportReport.Warning("entry 2", "GET http://shop.test/feed: " + kept));
    RRPair pair = stored(service, report.snapshot()).get(1);
    assertThat(pair.responseBody()).isEqualTo(bomb);
    assertThat(pair.responseBodyEncoding()).isEqualTo("br");
    assertThat(pair.tags()).containsEntry(Redactor.KEPT_CODED, kept);
    assertStillWorks(service);
  }

  @Test
  void keeps_a_gzip_bomb_in_a_wiremock_stub_coded_naming_the_mapping() throws IOException {
    TrafficService service = service();
    byte[] bomb = ContentCodingsFixtures.gzipBomb();
    Path mappings = Files.createDirectories(dir.resolve("stubs/mappings"));
    Files.writeString(
        mappings.resolve("feed.json"),
        """
        {"name": "feed", "request": {"method": "GET", "url": "/feed"},
         "response": {"status": 200,
           "headers": {"Content-Type": "application/json", "Content-Encoding": "gzip"},
           "base64Body": "%s"}}
        """
            .formatted(base64(bomb)),
        StandardCharsets.UTF_8);

    ImportReport report = importFile(service, dir.resolve("stubs"), "wiremock");

    assertThat(report.snapshot().pairCount()).isEqualTo(1);
    assertThat(report.warnings()).hasSize(1);
    assertThat(report.warnings())
        .containsExactly(
            new ImportReport.Warning(
                "mappings/feed.json, mapping 1 (feed)", "GET http://wiremock/feed: " + GZIP_KEPT));
    RRPair pair = stored(service, report.snapshot()).get(0);
    assertThat(pair.responseBody()).isEqualTo(bomb);
    assertThat(pair.responseBodyEncoding()).isEqualTo("gzip");
    assertStillWorks(service);
  }

  @Test
  void keeps_a_gzip_bomb_in_a_speedscale_line_coded_naming_the_line() throws IOException {
    TrafficService service = service();
    byte[] bomb = ContentCodingsFixtures.gzipBomb();
    Path file = dir.resolve("raw.jsonl");
    Files.writeString(
        file,
        ("{\"msgType\":\"rrpair\",\"ts\":\"2025-03-04T10:15:30Z\",\"l7protocol\":\"http\","
                + "\"direction\":\"IN\",\"http\":{\"req\":{\"url\":\"/feed\",\"method\":\"GET\","
                + "\"host\":\"orders.shop.svc\"},\"res\":{\"statusCode\":200,\"headers\":"
                + "{\"Content-Encoding\":[\"gzip\"]},\"bodyBase64\":\"%s\"}}}\n")
            .formatted(base64(bomb)));

    ImportReport report = importFile(service, file, "speedscale");

    assertThat(report.warnings())
        .containsExactly(
            new ImportReport.Warning("line 1", "GET http://orders.shop.svc/feed: " + GZIP_KEPT));
    RRPair pair = stored(service, report.snapshot()).get(0);
    assertThat(pair.responseBody()).isEqualTo(bomb);
    assertThat(pair.responseBodyEncoding()).isEqualTo("gzip");
    assertStillWorks(service);
  }

  @Test
  void exports_a_kept_bomb_still_coded_and_imports_it_back_the_same() throws IOException {
    TrafficService service = service();
    byte[] bomb = ContentCodingsFixtures.deflateBomb();
    Path file = dir.resolve("bomb.jsonl");
    Files.writeString(file, jsonl("http://shop.test/feed", bomb, "deflate"));
    Snapshot snapshot = importFile(service, file, "jsonl").snapshot();

    Path har = dir.resolve("export.har");
    assertThat(service.export(snapshot.id(), "har", har).pairs()).isEqualTo(1);
    Path jsonl = dir.resolve("export.jsonl");
    assertThat(service.export(snapshot.id(), "jsonl", jsonl).pairs()).isEqualTo(1);

    // never expanded into the file: the base64 of the coded bytes and their coding
    assertThat(Files.size(har)).isLessThan(2L * bomb.length);
    assertThat(Files.readString(har)).contains("\"_encoding\":\"deflate\"");
    for (Path export : List.of(har, jsonl)) {
      ImportReport again = importFile(service, export, null);
      assertThat(again.warnings()).extracting(ImportReport.Warning::message).hasSize(1);
      RRPair pair = stored(service, again.snapshot()).get(0);
      assertThat(pair.responseBody()).isEqualTo(bomb);
      assertThat(pair.responseBodyEncoding()).isEqualTo("deflate");
    }
    assertThat(service.snapshots()).hasSize(3);
  }
}
