package dev.kubereplay.server.traffic.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.http.ContentCodingsFixtures;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redaction reads coded bodies through the one bounded decoder: a bomb is kept as it came, tagged
 * with why, without the heap it would take to expand it.
 */
class CodedBodyRedactionTest {

  private static final List<Header> JSON = List.of(new Header("Content-Type", "application/json"));

  private final Redactor redactor = new Redactor(RedactionRules.defaults());

  private static RRPair pair(
      byte[] requestBody,
      String requestCoding,
      byte[] responseBody,
      String responseCoding,
      Map<String, String> tags) {
    return new RRPair(
        null,
        Direction.IN,
        Instant.EPOCH,
        1,
        "http",
        "a.test",
        "POST",
        "https://a.test/upload?token=secret",
        "HTTP/1.1",
        JSON,
        requestBody,
        requestCoding,
        200,
        "OK",
        JSON,
        responseBody,
        responseCoding,
        tags);
  }

  @Test
  void a_gzip_bomb_is_kept_as_it_came_and_tagged_without_expanding_it() {
    byte[] bomb = ContentCodingsFixtures.gzipBomb();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();

    RRPair redacted = redactor.redact(pair(new byte[0], null, bomb, "gzip", Map.of("a", "b")));

    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(allocated).as("bytes allocated redacting a gzip bomb").isLessThan(8L << 20);
    assertThat(redacted.responseBody()).isSameAs(bomb);
    assertThat(redacted.responseBodyEncoding()).isEqualTo("gzip");
    assertThat(redacted.url()).isEqualTo("https://a.test/upload?token=-REDACTED-");
    assertThat(redacted.tags())
        .containsEntry("a", "b")
        .containsEntry(
            Redactor.KEPT_CODED,
            "response body kept gzip-coded, not checked for credentials:"
                + " gzip expands past the 64 MiB decoding limit");
    assertThat(redactor.redact(redacted)).as("redacting again changes nothing").isSameAs(redacted);
    assertThat(Redactor.request(redacted)).isEqualTo("POST https://a.test/upload");
  }

  @Test
  void bombs_in_both_bodies_and_an_unknown_coding_are_each_named() {
    RRPair both =
        redactor.redact(
            pair(ContentCodingsFixtures.deflateBomb(), "deflate", new byte[] {1, 2}, "zstd", null));

    assertThat(both.tags())
        .containsOnlyKeys(Redactor.KEPT_CODED)
        .containsEntry(
            Redactor.KEPT_CODED,
            "request body kept deflate-coded, not checked for credentials:"
                + " deflate expands past the 64 MiB decoding limit;"
                + " response body kept zstd-coded, not checked for credentials:"
                + " kubereplay cannot decode the zstd coding");
  }

  @Test
  void a_kept_coded_tag_from_the_source_is_not_taken_on_trust() {
    byte[] gzipped =
        ContentCodingsFixtures.gzip("{\"password\":\"hunter2\"}".getBytes(StandardCharsets.UTF_8));

    RRPair redacted =
        redactor.redact(
            pair(new byte[0], null, gzipped, "gzip", Map.of(Redactor.KEPT_CODED, "trust me")));

    assertThat(redacted.tags()).doesNotContainKey(Redactor.KEPT_CODED);
    assertThat(redacted.responseBody()).isNotEqualTo(gzipped); // decoded, redacted, coded again
  }
}
