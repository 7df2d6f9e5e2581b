package dev.kubereplay.server.traffic.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.ImportReport;
import dev.kubereplay.server.traffic.ImportRequest;
import dev.kubereplay.server.traffic.PairQuery;
import dev.kubereplay.server.traffic.TrafficFormat;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.TrafficTesting;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.model.StoredPair;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kubereplay JSONL is lossless: export then import gives the same pairs, byte for byte. */
class JsonlRoundTripTest {

  @TempDir Path dir;

  static List<RRPair> awkwardPairs() throws Exception {
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(gzipped)) {
      gzip.write(
          "{\"gr\u00fc\u00df\":\"\u00e4\u00f6\u00fc \ud83d\ude80\"}"
              .getBytes(StandardCharsets.UTF_8));
    }
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("service", "checkout");
    tags.put("z\u00e9ro", "\u2713");
    List<RRPair> pairs = new ArrayList<>();
    pairs.add(
        new RRPair(
            "0b8f6c7a-1d2e-4f3a-9b8c-7d6e5f4a3b2c",
            Direction.OUT,
            Instant.parse("2026-11-25T16:00:00.123456789Z"),
            1234,
            "http",
            "files.example.test:8443",
            "PUT",
            "https://files.example.test:8443/blobs/\u00fcber?name=caf\u00e9%20au%20lait&x=1&x=2",
            "HTTP/1.1",
            List.of(
                new Header("Content-Type", "application/octet-stream"),
                new Header("X-Trace", "a"),
                new Header("X-Trace", "b"),
                new Header("X-Emoji", "\ud83d\ude80 \u201cquoted\u201d\t\\")),
            binary,
            null,
            201,
            "Cr\u00e9\u00e9",
            List.of(
                new Header("Set-Cookie-Free", "x"),
                new Header("Content-Encoding", "gzip"),
                new Header("Content-Type", "application/json")),
            gzipped.toByteArray(),
            "gzip",
            tags));
    pairs.add(
        new RRPair(
            null,
            Direction.IN,
            Instant.parse("1999-12-31T23:59:59Z"),
            -1,
            "http",
            "a.test",
            "GET",
            "http://a.test/",
            null,
            List.of(),
            new byte[0],
            null,
            0,
            null,
            List.of(),
            new byte[0],
            null,
            Map.of()));
    pairs.add(
        new RRPair(
            null,
            Direction.IN,
            Instant.parse("2026-11-25T16:00:01Z"),
            3,
            "http",
            "a.test",
            "POST",
            "http://a.test/echo",
            "HTTP/2",
            List.of(new Header("Content-Type", "text/plain; charset=utf-8")),
            "line one\r\nline two\u0000\u00ff".getBytes(StandardCharsets.UTF_8),
            null,
            200,
            "OK",
            List.of(),
            new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1},
            "br",
            Map.of()));
    return pairs;
  }

  private static Path write(Path file, List<RRPair> pairs) throws Exception {
    JsonlWriter writer = new JsonlWriter();
    try (OutputStream out = Files.newOutputStream(file)) {
      writer.begin(
          out,
          new Snapshot(
              "s",
              "awkward",
              "test",
              Instant.EPOCH,
              0,
              0,
              List.of(),
              null,
              null,
              0,
              Snapshot.State.COMPLETE));
      for (RRPair pair : pairs) {
        writer.write(pair);
      }
      writer.end();
    }
    return file;
  }

  private static List<RRPair> stored(TrafficService service, Snapshot snapshot) {
    return service.pairs(new PairQuery(snapshot.id(), null, null, null, 0, 100)).pairs().stream()
        .map(StoredPair::pair)
        .toList();
  }

  private static Snapshot importFile(TrafficService service, Path file) {
    ImportReport report =
        service.importFile(
            ImportRequest.of(file),
            TrafficService.ImportListener.NONE,
            TrafficFormat.Cancellation.NEVER);
    assertThat(report.format()).isEqualTo("jsonl");
    return report.snapshot();
  }

  @Test
  void export_then_import_gives_the_same_pairs_byte_for_byte() throws Exception {
    TrafficService service = TrafficTesting.service(dir.resolve("data"));
    List<RRPair> original = awkwardPairs();
    Snapshot first = importFile(service, write(dir.resolve("in.jsonl"), original));

    List<RRPair> imported = stored(service, first);
    assertThat(imported).hasSameSizeAs(original);
    for (int i = 0; i < original.size(); i++) {
      assertThat(TrafficTesting.same(imported.get(i), original.get(i)))
          .as("pair %d survives import as it was", i)
          .isTrue();
    }

    Path exported = dir.resolve("out.jsonl");
    service.export(first.id(), "jsonl", exported);
    Snapshot second = importFile(service, exported);
    List<RRPair> again = stored(service, second);
    for (int i = 0; i < original.size(); i++) {
      assertThat(TrafficTesting.same(again.get(i), original.get(i)))
          .as("pair %d survives export and import", i)
          .isTrue();
    }

    Path reexported = dir.resolve("again.jsonl");
    service.export(second.id(), "jsonl", reexported);
    List<String> a = Files.readAllLines(exported);
    List<String> b = Files.readAllLines(reexported);
    assertThat(b.subList(1, b.size())).isEqualTo(a.subList(1, a.size()));
  }

  @Test
  void har_export_imports_back_with_directions_bodies_and_tags() throws Exception {
    TrafficService service = TrafficTesting.service(dir.resolve("data"));
    List<RRPair> original = awkwardPairs();
    Snapshot first = importFile(service, write(dir.resolve("in.jsonl"), original));

    Path har = dir.resolve("out.har");
    TrafficService.ExportResult result = service.export(first.id(), "har", har);
    assertThat(result.pairs()).isEqualTo(3);

    ImportReport report =
        service.importFile(
            ImportRequest.of(har),
            TrafficService.ImportListener.NONE,
            TrafficFormat.Cancellation.NEVER);
    assertThat(report.format()).isEqualTo("har");
    assertThat(report.skipped())
        .as("a pair without a response is not replayable from a HAR")
        .extracting(ImportReport.Skipped::entry)
        .containsExactly("entry 2");
    List<RRPair> back = stored(service, report.snapshot());
    RRPair put = back.get(0);
    assertThat(put.direction()).isEqualTo(Direction.OUT);
    assertThat(put.uuid()).isEqualTo(original.get(0).uuid());
    assertThat(put.requestBody()).isEqualTo(original.get(0).requestBody());
    assertThat(put.requestHeaders()).isEqualTo(original.get(0).requestHeaders());
    assertThat(put.tags()).isEqualTo(original.get(0).tags());
    assertThat(put.timestamp()).isEqualTo(Instant.parse("2026-11-25T16:00:00.123Z"));
    assertThat(back.get(1).requestBody()).isEqualTo(original.get(2).requestBody());
  }
}
