package dev.kubereplay.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
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

  @Test
  void gzip_deflate_both_kinds_and_brotli_are_undone() throws IOException {
    assertThat(ContentCodings.decode(gzip(TEXT), "gzip")).contains(TEXT);
    assertThat(ContentCodings.decode(gzip(TEXT), "X-GZIP")).contains(TEXT);
    assertThat(ContentCodings.decode(deflate(TEXT, false), "deflate")).contains(TEXT);
    assertThat(ContentCodings.decode(deflate(TEXT, true), "deflate")).contains(TEXT);
    String orders =
        new String(
            ContentCodings.decode(BROTLI_ORDERS, "br").orElseThrow(), StandardCharsets.UTF_8);
    assertThat(orders).startsWith("{\"orders\":[{\"id\":0,\"status\":\"shipped\"").hasSize(2082);
  }

  @Test
  void several_codings_are_undone_last_first() throws IOException {
    byte[] twice = gzip(deflate(TEXT, false)); // deflate applied first, then gzip
    assertThat(ContentCodings.decode(twice, "deflate, gzip")).contains(TEXT);
    assertThat(ContentCodings.decode(twice, "gzip, deflate")).isEmpty();
  }

  @Test
  void identity_leaves_the_bytes_and_unknown_or_false_codings_give_nothing() throws IOException {
    assertThat(ContentCodings.isIdentity(null)).isTrue();
    assertThat(ContentCodings.isIdentity(" identity ")).isTrue();
    assertThat(ContentCodings.isIdentity("gzip")).isFalse();
    assertThat(ContentCodings.decode(TEXT, null)).contains(TEXT);
    assertThat(ContentCodings.decode(TEXT, "zstd")).isEmpty();
    assertThat(ContentCodings.decode(TEXT, "gzip")).isEmpty(); // claims gzip, is not
    assertThat(ContentCodings.decode(TEXT, "br")).isEmpty();
  }

  @Test
  void a_body_that_would_expand_past_the_limit_is_not_decoded() throws IOException {
    byte[] big = gzip(new byte[1 << 20]); // 1 MiB of zeros in about a kilobyte
    assertThat(big.length).isLessThan(2048);
    assertThat(ContentCodings.decode(big, "gzip", 64 * 1024)).isEmpty();
    assertThat(ContentCodings.decode(big, "gzip", 1 << 20))
        .hasValueSatisfying(b -> assertThat(b).hasSize(1 << 20));
  }
}
