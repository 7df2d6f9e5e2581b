package dev.kubereplay.server.cluster.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private static List<String> lines(Reader in, int max) throws IOException {
    LineReader reader = new LineReader(in, max);
    List<String> lines = new ArrayList<>();
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      lines.add(line);
    }
    return lines;
  }

  @Test
  void reads_lines_without_their_breaks_and_a_last_line_without_one() throws IOException {
    assertThat(lines(new StringReader("one\r\ntwo\n\nlast"), 100))
        .containsExactly("one", "two", "", "last");
  }

  @Test
  void cuts_an_endless_line_and_says_how_much_was_cut() throws IOException {
    Reader endless =
        new Reader() {
          private final Reader after = new StringReader("\nnext\n");
          private long left = 5_000_000;

          @Override
          public int read(char[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
              return after.read(buffer, offset, length);
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, 'x');
            left -= n;
            return n;
          }

          @Override
          public void close() {}
        };

    List<String> lines = lines(endless, 100);

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .isEqualTo("x".repeat(100) + " [kubereplay: 4999900 more characters cut]");
    assertThat(lines.get(1)).isEqualTo("next");
  }
}
