package dev.kubereplay.server.traffic.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.model.Header;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
}
