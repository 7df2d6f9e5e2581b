package dev.kubereplay.server.traffic.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PairRowsTest {

  /** The header column as it was written before it was written as bytes: quoted char by char. */
  private static String quotedCharByChar(List<Header> headers) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < headers.size(); i++) {
      json.append(i == 0 ? "[" : ",[");
      PairRows.quote(json, headers.get(i).name()).append(',');
      PairRows.quote(json, headers.get(i).value()).append(']');
    }
    return json.append(']').toString();
  }

  private static RRPair pair(String method, String host, String url, byte[] body) {
    return new RRPair(
        null,
        Direction.IN,
        Instant.EPOCH,
        1,
        "http",
        host,
        method,
        url,
        null,
        List.of(),
        body,
        null,
        200,
        null,
        List.of(),
        new byte[0],
        null,
        Map.of());
  }

  @Test
  void header_json_bytes_are_the_utf8_of_the_quoted_text_and_read_back() {
    List<Header> headers =
        List.of(
            new Header("Content-Type", "application/json"),
            new Header("X-Quote", "say \"hi\" \\ back/slash"),
            new Header("X-Controls", "tab\there\nnew\rline \u0001\u001f\u007f"),
            new Header("X-Unicode", "caf\u00e9 \u65e5\u672c \ud83d\ude00"),
            new Header("X-Lone", "\ud83d alone"),
            new Header("", ""));
    PairRows.JsonBytes scratch = new PairRows.JsonBytes();

    byte[] json = PairRows.headersJson(headers, scratch);

    assertThat(json).isEqualTo(quotedCharByChar(headers).getBytes(StandardCharsets.UTF_8));
    assertThat(PairRows.headers(new String(json, StandardCharsets.UTF_8)))
        .hasSize(headers.size())
        .element(2)
        .isEqualTo(headers.get(2));
    assertThat(PairRows.headersJson(List.of(), scratch)).isEqualTo("[]".getBytes());
  }

  @Test
  void random_headers_encode_as_the_quoted_text_does() {
    Random random = new Random(5);
    PairRows.JsonBytes scratch = new PairRows.JsonBytes();
    for (int n = 0; n < 2000; n++) {
      List<Header> headers = new ArrayList<>();
      for (int h = random.nextInt(6); h > 0; h--) {
        headers.add(new Header(text(random), text(random)));
      }
      assertThat(PairRows.headersJson(headers, scratch))
          .isEqualTo(quotedCharByChar(headers).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String text(Random random) {
    char[] chars = new char[random.nextInt(300)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] =
          switch (random.nextInt(5)) {
            case 0 -> (char) random.nextInt(0x20);
            case 1 -> "\"\\/".charAt(random.nextInt(3));
            case 2 -> (char) random.nextInt(0x10000);
            default -> (char) (0x20 + random.nextInt(0x60));
          };
    }
    return new String(chars);
  }

  @Test
  void murmur3_gives_the_reference_hash_whatever_the_pieces() {
    assertThat(new Murmur3().reset().digest()).isEqualTo(new byte[16]);
    assertThat(HexFormat.of().formatHex(new Murmur3().reset().update("hello".getBytes()).digest()))
        .isEqualTo("029bbd41b3a7d8cb191dae486a901e5b");
    byte[] text = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);
    byte[] whole = new Murmur3().reset().update(text).digest();
    assertThat(HexFormat.of().formatHex(whole)).isEqualTo("6c1b07bc7bbc4be347939ac4a93c437a");
    Murmur3 pieces = new Murmur3().reset();
    for (int at = 0; at < text.length; at += 7) {
      if (at % 2 == 0) {
        pieces.update(text[at]);
        pieces.update(java.util.Arrays.copyOfRange(text, at + 1, Math.min(text.length, at + 7)));
      } else {
        pieces.update(java.util.Arrays.copyOfRange(text, at, Math.min(text.length, at + 7)));
      }
    }
    assertThat(pieces.digest()).isEqualTo(whole);
  }

  @Test
  void the_signature_hashes_method_host_url_and_body() {
    Murmur3 hash = new Murmur3();
    byte[] signature =
        PairRows.signature(hash, pair("POST", "a.test", "https://a.test/x?q=1", "{}".getBytes()));

    assertThat(signature)
        .hasSize(16)
        .isEqualTo(
            new Murmur3()
                .reset()
                .update("POST\na.test\nhttps://a.test/x?q=1\n{}".getBytes())
                .digest());
    assertThat(
            PairRows.signature(hash, pair("POST", "a.test", "https://a.test/x?q=1", new byte[0])))
        .isNotEqualTo(signature);
    assertThat(
            PairRows.signature(
                hash, pair("POST", "a.test", "https://a.test/x?q=1", "{}".getBytes())))
        .as("the same request, the same signature")
        .isEqualTo(signature);
  }
}
