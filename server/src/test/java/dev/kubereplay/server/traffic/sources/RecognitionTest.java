package dev.kubereplay.server.traffic.sources;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.TrafficFormat;
import dev.kubereplay.server.traffic.postman.PostmanFormat;
import dev.kubereplay.server.traffic.speedscale.SpeedscaleFormat;
import dev.kubereplay.server.traffic.wiremock.WireMockFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Guessing a format from a file's first bytes: each format claims its own files only. */
class RecognitionTest {

  @TempDir Path dir;

  private final List<TrafficFormat> formats =
      List.of(new PostmanFormat(), new WireMockFormat(), new SpeedscaleFormat());

  private List<String> recognizing(Path file) throws IOException {
    List<String> names = new java.util.ArrayList<>();
    for (TrafficFormat format : formats) {
      if (format.recognizes(file)) {
        names.add(format.name());
      }
    }
    return names;
  }

  @Test
  void each_sample_is_recognized_by_its_own_format_alone() throws IOException {
    Map<String, Path> samples =
        Map.of(
            "postman", TrafficSamples.copy(dir, "postman/shop.postman_collection.json"),
            "wiremock", TrafficSamples.copy(dir, "wiremock/shop"),
            "speedscale", TrafficSamples.copy(dir, "speedscale/raw.jsonl"));

    Map<String, List<String>> recognized =
        samples.entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e -> {
                      try {
                        return recognizing(e.getValue());
                      } catch (IOException io) {
                        throw new IllegalStateException(io);
                      }
                    }));

    assertThat(recognized)
        .containsEntry("postman", List.of("postman"))
        .containsEntry("wiremock", List.of("wiremock"))
        .containsEntry("speedscale", List.of("speedscale"));
  }

  @Test
  void har_and_kubereplay_jsonl_files_are_left_to_their_own_formats() throws IOException {
    Path har =
        Files.writeString(
            dir.resolve("capture.har"),
            """
            {"log": {"version": "1.2", "creator": {"name": "test", "version": "1"},
              "entries": [{"startedDateTime": "2025-01-01T00:00:00Z",
                "request": {"method": "GET", "url": "http://a/b", "headers": []},
                "response": {"status": 200, "content": {"text": "{}"}}}]}}
            """);
    Path jsonl =
        Files.writeString(
            dir.resolve("snapshot.jsonl"),
            """
            {"format":"kubereplay-jsonl","version":1,"snapshot":"s"}
            {"direction":"IN","method":"GET","url":"http://a/b","status":200}
            """);
    Path environment = TrafficSamples.copy(dir, "postman/staging.postman_environment.json");

    assertThat(recognizing(har)).isEmpty();
    assertThat(recognizing(jsonl)).isEmpty();
    assertThat(recognizing(environment)).isEmpty();
  }
}
