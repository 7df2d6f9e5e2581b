package dev.kubereplay.server.traffic.har;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kubereplay.server.http.ContentCodingsFixtures;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** HAR bodies are decoded content, as browsers write them: stored codings are undone on export. */
class HarExportTest {

  private static final String JSON = "{\"orders\":[{\"id\":7}]}";

  private static RRPair pair(byte[] responseBody, String coding) {
    return new RRPair(
        null,
        Direction.IN,
        Instant.parse("2026-11-25T10:00:00Z"),
        12,
        "http",
        "api.shop.local",
        "GET",
        "http://api.shop.local/orders",
        "HTTP/1.1",
        List.of(new Header("Accept-Encoding", "gzip, br")),
        new byte[0],
        null,
        200,
        "OK",
        List.of(
            new Header("Content-Type", "application/json"),
            new Header("Content-Encoding", coding == null ? "identity" : coding)),
        responseBody,
        coding,
        Map.of());
  }

  private static JsonObject content(RRPair pair) {
    HarWriter writer = new HarWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.begin(
        out,
        new Snapshot(
            "s", "n", "t", Instant.EPOCH, 1, 0, List.of(), null, null, 0, Snapshot.State.COMPLETE));
    writer.write(pair);
    writer.end();
    JsonObject har = JsonParser.parseString(out.toString(StandardCharsets.UTF_8)).getAsJsonObject();
    return har.getAsJsonObject("log")
        .getAsJsonArray("entries")
        .get(0)
        .getAsJsonObject()
        .getAsJsonObject("response")
        .getAsJsonObject("content");
  }

  @Test
  void a_gzip_coded_body_is_exported_as_its_text_with_the_bytes_saved() throws Exception {
    byte[] gzipped = ContentCodingsFixtures.gzip(JSON.getBytes(StandardCharsets.UTF_8));
    JsonObject content = content(pair(gzipped, "gzip"));
    assertThat(content.get("text").getAsString()).isEqualTo(JSON);
    assertThat(content.has("encoding")).isFalse();
    assertThat(content.get("size").getAsInt()).isEqualTo(JSON.length());
    assertThat(content.get("compression").getAsInt()).isEqualTo(JSON.length() - gzipped.length);
  }

  @Test
  void a_brotli_coded_body_is_exported_as_its_text() {
    JsonObject content = content(pair(ContentCodingsFixtures.brotliOrders(), "br"));
    assertThat(content.get("text").getAsString()).startsWith("{\"orders\":[{\"id\":0,");
    assertThat(content.get("size").getAsInt()).isEqualTo(2082);
  }

  @Test
  void a_body_in_a_coding_kubereplay_cannot_undo_keeps_its_bytes_and_says_which_coding() {
    byte[] opaque = {(byte) 0x28, (byte) 0xb5, 0x2f, (byte) 0xfd, 1, 2, 3};
    JsonObject content = content(pair(opaque, "zstd"));
    assertThat(Base64.getDecoder().decode(content.get("text").getAsString())).isEqualTo(opaque);
    assertThat(content.get("encoding").getAsString()).isEqualTo("base64");
    assertThat(content.get("_encoding").getAsString()).isEqualTo("zstd");
    assertThat(content.get("size").getAsInt()).isEqualTo(opaque.length);
  }

  @Test
  void a_plain_body_is_unchanged() {
    JsonObject content = content(pair(JSON.getBytes(StandardCharsets.UTF_8), null));
    assertThat(content.get("text").getAsString()).isEqualTo(JSON);
    assertThat(content.has("compression")).isFalse();
  }
}
