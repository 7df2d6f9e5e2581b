package dev.kubereplay.server.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.sources.TrafficSamples;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every registered format is picked by content when no format is named, and imports whole. */
class GuessedFormatsTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "chromium-shop.har, har",
    "playwright-loopback.har, har",
    "postman/shop.postman_collection.json, postman",
    "wiremock/shop, wiremock",
    "wiremock/payments-stub.json, wiremock",
    "speedscale/raw.jsonl, speedscale"
  })
  void a_sample_is_imported_by_the_format_its_content_shows(String sample, String format) {
    Path file = TrafficSamples.copy(dir, sample);
    TrafficService service = TrafficTesting.service(dir.resolve("data"));

    ImportReport report =
        service.importFile(
            ImportRequest.of(file),
            TrafficService.ImportListener.NONE,
            TrafficFormat.Cancellation.NEVER);

    assertThat(report.format()).isEqualTo(format);
    assertThat(report.snapshot().pairCount()).isPositive();
    assertThat(service.snapshots()).hasSize(1);
  }
}
