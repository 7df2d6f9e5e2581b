package dev.kubereplay.server.it.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.http.ContentCodingsFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compression bombs imported by the built jar in a JVM with the heap users' runs get ({@code
 * -Xmx160m}): each would expand past a gigabyte, the import finishes and says which were kept
 * coded.
 */
class CodingBombJarIT {

  @TempDir Path dir;
  private CliProcesses cli;

  @BeforeEach
  void startCli() {
    cli = new CliProcesses(dir.resolve("data"));
  }

  @AfterEach
  void killLeftovers() {
    cli.close();
  }

  private static String line(String path, byte[] body, String coding) {
    return "{\"direction\":\"IN\",\"timestamp\":\"2026-11-25T16:00:00Z\",\"protocol\":\"http\","
        + "\"host\":\"shop.test\",\"method\":\"GET\",\"url\":\"http://shop.test"
        + path
        + "\",\"requestHeaders\":[],\"requestBody\":\"\",\"status\":200,\"responseHeaders\":"
        + "[[\"Content-Encoding\",\""
        + coding
        + "\"]],\"responseBody\":\""
        + Base64.getEncoder().encodeToString(body)
        + "\",\"responseBodyEncoding\":\""
        + coding
        + "\"}\n";
  }

  @Test
  void an_import_of_bombs_finishes_in_a_small_heap_and_names_each_kept_body() throws Exception {
    Path file = dir.resolve("bombs.jsonl");
    Files.writeString(
        file,
        line("/a", ContentCodingsFixtures.gzipBomb(), "gzip")
            + line("/b", ContentCodingsFixtures.deflateBomb(), "deflate")
            + line("/c", ContentCodingsFixtures.brotliBomb(), "br")
            + line("/d", ContentCodingsFixtures.gzipBomb(), "gzip"));

    Process importing = cli.start("import", file.toString());
    String out = new String(importing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(importing.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(importing.exitValue())
        .as(new String(importing.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
    assertThat(out)
        .contains("imported 4 pairs")
        .contains("4 entries imported with warnings:")
        .contains(
            "  line 1: GET http://shop.test/a: response body kept gzip-coded, not checked for"
                + " credentials: gzip expands past the 64 MiB decoding limit")
        .contains("  line 2: GET http://shop.test/b: response body kept deflate-coded")
        .contains("  line 3: GET http://shop.test/c: response body kept br-coded")
        .contains("  line 4: GET http://shop.test/d: response body kept gzip-coded");
    assertThat(cli.snapshots()).hasSize(1);
  }
}
