package dev.kubereplay.server.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

  private static void encodesAsStringDoes(String text) {
    char[] chars = ("<<" + text + ">>").toCharArray();
    assertThat(Utf8.encode(chars, 2, text.length()))
        .as("%s", text)
        .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertThat(Utf8.encodedLength(chars, 2, text.length()))
        .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void ascii_latin1_bmp_and_supplementary_characters_encode_as_string_get_bytes_does() {
    encodesAsStringDoes("");
    encodesAsStringDoes("plain ascii {\"a\":1}");
    encodesAsStringDoes("caf\u00e9 \u00ff\u0080");
    encodesAsStringDoes("\u07ff\u0800\uffff \u65e5\u672c");
    encodesAsStringDoes("emoji \ud83d\ude00 and \ud834\udd1e");
  }

  @Test
  void unpaired_surrogates_become_question_marks_as_with_string_get_bytes() {
    encodesAsStringDoes("\ud83d");
    encodesAsStringDoes("a\udc00b");
    encodesAsStringDoes("reversed \udc00\ud83d");
    encodesAsStringDoes("high then ascii \ud83dx");
  }

  @Test
  void random_text_encodes_as_string_get_bytes_does() {
    Random random = new Random(3);
    for (int n = 0; n < 5000; n++) {
      char[] chars = new char[random.nextInt(40)];
      for (int i = 0; i < chars.length; i++) {
        chars[i] =
            switch (random.nextInt(4)) {
              case 0 -> (char) random.nextInt(0x80);
              case 1 -> (char) random.nextInt(0x800);
              case 2 -> (char) (0xd800 + random.nextInt(0x800)); // surrogates, paired or not
              default -> (char) random.nextInt(0x10000);
            };
      }
      encodesAsStringDoes(new String(chars));
    }
  }
}
