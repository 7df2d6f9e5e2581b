package dev.kubereplay.server.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.traffic.Recordings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficFormatsTest {

  @TempDir Path dir;
  private final TrafficFormats formats = TrafficFormats.load();

  @Test
  void formats_are_found_by_name_and_by_content() throws Exception {
    assertThat(formats.importNames()).startsWith("har").contains("jsonl");
    assertThat(formats.exportNames()).containsExactly("jsonl", "har");
    Path har = Recordings.copy(dir, "chromium-shop.har");
    assertThat(formats.choose(har, "HAR").name()).isEqualTo("har");
    assertThat(formats.choose(har, null).name()).isEqualTo("har");
    Path jsonl = dir.resolve("pairs.jsonl");
    Files.writeString(
        jsonl,
        "{\"direction\":\"IN\",\"method\":\"GET\",\"url\":\"https://a.test/\",\"status\":200}\n");
    assertThat(formats.choose(jsonl, null).name()).isEqualTo("jsonl");
  }

  @Test
  void an_unknown_format_name_lists_the_known_ones() {
    assertThatThrownBy(() -> formats.choose(dir.resolve("x"), "pcap"))
        .isInstanceOfSatisfying(
            TrafficException.class,
            e -> assertThat(e.reason()).isEqualTo(TrafficException.Reason.INVALID))
        .hasMessageStartingWith("unknown format 'pcap'; known: har, ");
  }
}
