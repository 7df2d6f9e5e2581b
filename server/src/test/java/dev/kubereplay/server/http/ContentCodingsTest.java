package dev.kubereplay.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.http.ContentCodings.Decoded;
import dev.kubereplay.server.http.ContentCodings.Problem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ContentCodingsTest {

  private static final byte[] BROTLI_ORDERS = ContentCodingsFixtures.brotliOrders();

  private static final byte[] TEXT =
      "{\"password\":\"hunter2\",\"items\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);

  private static byte[] gzip(byte[] body) {
    return ContentCodingsFixtures.gzip(body);
  }

  private static byte[] deflate(byte[] body, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate =
        new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
      deflate.write(body);
    }
    return out.toByteArray();
  }

  private static byte[] decoded(byte[] body, String encoding) {
    Decoded decoded = ContentCodings.decode(body, encoding);
    assertThat(decoded.ok()).as(decoded.reason()).isTrue();
    return decoded.body();
  }

  @Test
  void gzip_deflate_both_kinds_and_brotli_are_undone() throws IOException {
    assertThat(decoded(gzip(TEXT), "gzip")).isEqualTo(TEXT);
    assertThat(decoded(gzip(TEXT), "X-GZIP")).isEqualTo(TEXT);
    assertThat(decoded(deflate(TEXT, false), "deflate")).isEqualTo(TEXT);
    assertThat(decoded(deflate(TEXT, true), "deflate")).isEqualTo(TEXT);
    String orders = new String(decoded(BROTLI_ORDERS, "br"), StandardCharsets.UTF_8);
    assertThat(orders).startsWith("{\"orders\":[{\"id\":0,\"status\":\"shipped\"").hasSize(2082);
  }

  @Test
  void several_codings_are_undone_last_first() throws IOException {
    byte[] twice = gzip(deflate(TEXT, false)); // deflate applied first, then gzip
    assertThat(decoded(twice, "deflate, gzip")).isEqualTo(TEXT);
    assertThat(ContentCodings.decode(twice, "gzip, deflate").problem())
        .isEqualTo(Problem.MALFORMED);
  }

  @Test
  void identity_leaves_the_bytes_and_unknown_or_false_codings_say_why() {
    assertThat(ContentCodings.isIdentity(null)).isTrue();
    assertThat(ContentCodings.isIdentity(" identity ")).isTrue();
    assertThat(ContentCodings.isIdentity("gzip")).isFalse();
    assertThat(ContentCodings.decode(TEXT, null).body()).isSameAs(TEXT);
    Decoded zstd = ContentCodings.decode(TEXT, "zstd");
    assertThat(zstd.problem()).isEqualTo(Problem.UNKNOWN_CODING);
    assertThat(zstd.reason()).isEqualTo("kubereplay cannot decode the zstd coding");
    Decoded notGzip = ContentCodings.decode(TEXT, "gzip"); // claims gzip, is not
    assertThat(notGzip.problem()).isEqualTo(Problem.MALFORMED);
    assertThat(notGzip.reason()).isEqualTo("the bytes are not valid gzip");
    assertThat(notGzip.orElse(TEXT)).isSameAs(TEXT);
    assertThat(ContentCodings.decode(TEXT, "br").problem()).isEqualTo(Problem.MALFORMED);
  }

  @Test
  void a_body_that_would_expand_past_the_limit_is_not_decoded() {
    byte[] big = gzip(new byte[1 << 20]); // 1 MiB of zeros in about a kilobyte
    assertThat(big.length).isLessThan(2048);
    Decoded refused = ContentCodings.decode(big, "gzip", 64 * 1024);
    assertThat(refused.problem()).isEqualTo(Problem.TOO_LARGE);
    assertThat(refused.reason()).isEqualTo("gzip expands past the 65536-byte decoding limit");
    assertThat(ContentCodings.decode(big, "gzip", 1 << 20).body()).hasSize(1 << 20);
  }

  @Test
  void a_body_larger_than_the_first_pass_is_decoded_whole_and_exactly() {
    byte[] noise = new byte[ContentCodings.FIRST_PASS * 5 / 2];
    new Random(7).nextBytes(noise);
    Arrays.fill(noise, 0, 1000, (byte) 'x');
    assertThat(decoded(gzip(noise), "gzip")).isEqualTo(noise);
    assertThat(ContentCodings.decode(gzip(noise), "gzip", noise.length - 1).problem())
        .isEqualTo(Problem.TOO_LARGE);
    assertThat(ContentCodings.decode(gzip(noise), "gzip", noise.length).body()).isEqualTo(noise);
  }

  @Test
  void gzip_deflate_and_brotli_bombs_are_refused_naming_the_coding_and_the_limit() {
    assertRefused(ContentCodingsFixtures.gzipBomb(), "gzip");
    assertRefused(ContentCodingsFixtures.deflateBomb(), "deflate");
    assertRefused(ContentCodingsFixtures.brotliBomb(), "br");
    assertThat(ContentCodingsFixtures.brotliBomb().length).isLessThan(2048);
  }

  @Test
  void a_bomb_of_a_few_kilobytes_nested_in_another_coding_is_refused() {
    byte[] nested = gzip(ContentCodingsFixtures.gzipBomb());
    assertThat(nested.length).isLessThan(16 * 1024);
    assertRefused(nested, "gzip, gzip");
  }

  private static void assertRefused(byte[] bomb, String coding) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    Decoded decoded = ContentCodings.decode(bomb, coding);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(decoded.problem()).isEqualTo(Problem.TOO_LARGE);
    assertThat(decoded.body()).isNull();
    assertThat(decoded.reason()).isEqualTo(coding + " expands past the 64 MiB decoding limit");
    // never the limit, let alone the gigabyte: the server keeps its heap
    assertThat(allocated).as("bytes allocated decoding a %s bomb", coding).isLessThan(8L << 20);
  }

  @Test
  void the_gzip_bomb_of_these_tests_really_expands_past_a_gigabyte() throws IOException {
    byte[] gzip = ContentCodingsFixtures.gzipBomb();
    assertThat(gzip.length).isLessThan(1_200_000);
    assertThat(count(new GZIPInputStream(new ByteArrayInputStream(gzip))))
        .isEqualTo(ContentCodingsFixtures.BOMB_SIZE)
        .isGreaterThan(1L << 30);
    // deflate's is the same blocks in another wrapper; Brotli's was counted by Node's decoder when
    // it was made. That each gives more than the limit shows above.
  }

  private static long count(InputStream in) throws IOException {
    try (in) {
      byte[] buffer = new byte[1 << 16];
      long total = 0;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
      }
      return total;
    }
  }
}
