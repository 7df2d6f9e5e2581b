package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.protocol.traffic.BodyDto;
import dev.kubereplay.server.http.ContentCodingsFixtures;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** What a pair's body looks like to the IDEs. */
class TrafficDtosTest {

  @Test
  void a_coded_json_body_is_shown_decoded_and_pretty_while_its_size_and_coding_stay_stored()
      throws Exception {
    byte[] gzipped =
        ContentCodingsFixtures.gzip("{\"id\":7,\"ok\":true}".getBytes(StandardCharsets.UTF_8));
    BodyDto body = TrafficDtos.body(gzipped, "application/json", "gzip");
    assertThat(body.text()).isEqualTo("{\n  \"id\": 7,\n  \"ok\": true\n}");
    assertThat(body.prettyPrinted()).isTrue();
    assertThat(body.size()).isEqualTo(gzipped.length);
    assertThat(body.contentEncoding()).isEqualTo("gzip");
    assertThat(body.base64()).isNull();

    BodyDto brotli =
        TrafficDtos.body(ContentCodingsFixtures.brotliOrders(), "application/json", "br");
    assertThat(brotli.text()).contains("\"note\": \"fragile goods\"");
  }

  @Test
  void a_body_in_an_unknown_coding_is_shown_as_its_stored_bytes() {
    byte[] opaque = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 9};
    BodyDto body = TrafficDtos.body(opaque, "application/json", "zstd");
    assertThat(body.text()).isNull();
    assertThat(Base64.getDecoder().decode(body.base64())).isEqualTo(opaque);
    assertThat(body.contentEncoding()).isEqualTo("zstd");
  }

  @Test
  void a_brotli_bomb_is_shown_as_its_stored_bytes_never_expanded() {
    byte[] bomb = ContentCodingsFixtures.brotliBomb();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    BodyDto body = TrafficDtos.body(bomb, "application/json", "br");
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
    assertThat(body.text()).isNull();
    assertThat(Base64.getDecoder().decode(body.base64())).isEqualTo(bomb);
    assertThat(body.contentEncoding()).isEqualTo("br");
    assertThat(body.size()).isEqualTo(bomb.length);
    assertThat(allocated).as("bytes allocated showing a bomb").isLessThan(8L << 20);
  }

  @Test
  void identity_is_no_coding() {
    BodyDto body =
        TrafficDtos.body("hello".getBytes(StandardCharsets.UTF_8), "text/plain", "identity");
    assertThat(body.text()).isEqualTo("hello");
    assertThat(body.contentEncoding()).isNull();
  }
}
