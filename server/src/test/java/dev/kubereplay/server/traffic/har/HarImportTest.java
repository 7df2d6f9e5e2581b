package dev.kubereplay.server.traffic.har;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.server.traffic.ImportReport;
import dev.kubereplay.server.traffic.ImportRequest;
import dev.kubereplay.server.traffic.PairQuery;
import dev.kubereplay.server.traffic.TrafficFormat;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.TrafficTesting;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.StoredPair;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarImportTest {

  private static final String PNG =
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

  @TempDir Path dir;

  private ImportReport importFixture(TrafficService service, Set<String> outbound) {
    Path har = Recordings.copy(dir, "chromium-shop.har");
    return service.importFile(
        new ImportRequest(har, null, null, outbound, 0, List.of(), null),
        TrafficService.ImportListener.NONE,
        TrafficFormat.Cancellation.NEVER);
  }

  private static List<RRPair> pairs(TrafficService service, String snapshot) {
    return service.pairs(new PairQuery(snapshot, null, null, null, 0, 100)).pairs().stream()
        .map(StoredPair::pair)
        .toList();
  }

  @Test
  void a_chromium_har_imports_every_replayable_entry_and_explains_every_skipped_one() {
    TrafficService service = TrafficTesting.service(dir.resolve("data"));

    ImportReport report = importFixture(service, Set.of("payments.example.test"));

    assertThat(report.format()).isEqualTo("har");
    assertThat(report.snapshot().pairCount()).isEqualTo(8);
    assertThat(report.snapshot().inCount()).isEqualTo(7);
    assertThat(report.snapshot().outCount()).isEqualTo(1);
    assertThat(report.skippedCount()).isEqualTo(2);
    assertThat(report.skipped())
        .extracting(ImportReport.Skipped::entry, ImportReport.Skipped::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "entry 7", "WebSocket upgrade (wss://shop.example.test/live)"),
            org.assertj.core.groups.Tuple.tuple(
                "entry 8", "aborted request, no response (net::ERR_ABORTED)"));
    assertThat(report.hosts())
        .extracting(ImportReport.HostCount::host)
        .containsExactly("cdn.example.test", "payments.example.test", "shop.example.test");
    assertThat(report.snapshot().first()).isEqualTo(Instant.parse("2026-11-25T15:00:00.125Z"));
    assertThat(report.snapshot().skippedCount()).isEqualTo(2);
  }

  @Test
  void bodies_are_kept_as_the_file_has_them_text_decoded_and_base64_binary() {
    TrafficService service = TrafficTesting.service(dir.resolve("data"));
    List<RRPair> pairs = pairs(service, importFixture(service, Set.of()).snapshot().id());

    RRPair page = pairs.get(0);
    assertThat(new String(page.responseBody(), StandardCharsets.UTF_8))
        .startsWith("<!doctype html>");
    assertThat(page.responseBodyEncoding()).as("HAR bodies are stored decoded").isNull();
    assertThat(page.responseHeaders()).contains(new Header("content-encoding", "br"));
    assertThat(page.requestHeaders())
        .as("HTTP/2 pseudo-headers are implied by the request line")
        .extracting(Header::name)
        .noneMatch(name -> name.startsWith(":"));
    assertThat(page.durationMillis()).isEqualTo(85);
    assertThat(page.httpVersion()).isEqualTo("http/2.0");
    assertThat(page.tags())
        .containsEntry("resourceType", "document")
        .containsEntry("page", "page_1");

    RRPair products = pairs.get(1);
    assertThat(new String(products.responseBody(), StandardCharsets.UTF_8))
        .contains("Teekanne \u00e9t\u00e9");

    RRPair logo = pairs.get(3);
    assertThat(logo.responseBody()).isEqualTo(Base64.getDecoder().decode(PNG));
    assertThat(logo.host()).isEqualTo("cdn.example.test");
  }

  @Test
  void redirects_forms_and_entries_without_optional_fields_are_imported() {
    TrafficService service = TrafficTesting.service(dir.resolve("data"));
    List<RRPair> pairs = pairs(service, importFixture(service, Set.of()).snapshot().id());

    RRPair redirect = pairs.get(4);
    assertThat(redirect.status()).isEqualTo(301);
    assertThat(redirect.url()).isEqualTo("http://shop.example.test/old-cart");
    assertThat(redirect.responseHeaders())
        .contains(new Header("Location", "https://shop.example.test/cart"));
    assertThat(pairs.get(5).url()).isEqualTo("https://shop.example.test/cart");

    RRPair charge = pairs.get(6);
    assertThat(new String(charge.requestBody(), StandardCharsets.UTF_8))
        .isEqualTo("amount=3350&currency=eur");
    assertThat(charge.direction()).isEqualTo(Direction.IN);

    RRPair minimal = pairs.get(7);
    assertThat(minimal.method()).isEqualTo("DELETE");
    assertThat(minimal.status()).isEqualTo(204);
    assertThat(minimal.httpVersion()).isNull();
    assertThat(minimal.requestHeaders()).isEmpty();
    assertThat(minimal.responseBody()).isEmpty();
    assertThat(minimal.durationMillis()).isEqualTo(9);
  }

  @Test
  void urls_that_are_not_http_and_entries_without_a_response_are_skipped_with_the_reason()
      throws Exception {
    Path har = dir.resolve("odd.har");
    Files.writeString(
        har,
        """
        {"log": {"version": "1.2", "entries": [
          {"request": {"method": "GET", "url": "data:image/png;base64,AAAA"},
           "response": {"status": 200}},
          {"request": {"method": "GET", "url": "chrome-extension://abc/x.js"},
           "response": {"status": 200}},
          {"request": {"method": "GET", "url": "https://a.test/no-response"}},
          {"request": {"method": "GET", "url": "https://a.test/failed"},
           "response": {"status": -1, "_failureText": "net::ERR_CONNECTION_REFUSED"}},
          {"request": {"method": "GET", "url": "https://a.test/ok"},
           "response": {"status": 200, "content": {"text": "ok"}}}
        ]}}
        """);
    TrafficService service = TrafficTesting.service(dir.resolve("data"));

    ImportReport report =
        service.importFile(
            ImportRequest.of(har),
            TrafficService.ImportListener.NONE,
            TrafficFormat.Cancellation.NEVER);

    assertThat(report.snapshot().pairCount()).isEqualTo(1);
    assertThat(report.skipped())
        .extracting(ImportReport.Skipped::reason)
        .containsExactly(
            "not an HTTP(S) URL (data:)",
            "not an HTTP(S) URL (chrome-extension:)",
            "aborted request, no response",
            "aborted request, no response (net::ERR_CONNECTION_REFUSED)");
  }
}
