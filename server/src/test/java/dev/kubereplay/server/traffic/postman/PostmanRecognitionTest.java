package dev.kubereplay.server.traffic.postman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.TrafficFormat;
import dev.kubereplay.server.traffic.TrafficFormats;
import dev.kubereplay.server.traffic.sources.CollectingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telling a Postman collection from other JSON whatever order its keys come in. */
class PostmanRecognitionTest {

  private static final String SCHEMA_21 =
      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

  @TempDir Path dir;

  private final TrafficFormats formats = TrafficFormats.load();

  /** Requests enough to push whatever follows them far past the first kilobytes of the file. */
  private static String items(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                """
                {"name":"get order %d","request":{"method":"GET","header":[
                  {"key":"Accept","value":"application/json"}],
                  "url":{"raw":"https://shop.example.test/orders/%d","protocol":"https",
                  "host":["shop","example","test"],"path":["orders","%d"]},
                  "description":"%s"}}"""
                    .formatted(i, i, i, "x".repeat(200)))
        .collect(Collectors.joining(",", "[", "]"));
  }

  private Path write(String name, String json) throws IOException {
    return Files.writeString(dir.resolve(name), json);
  }

  private int pairsOf(Path collection) throws IOException {
    CollectingSink sink = new CollectingSink();
    formats
        .choose(collection, null)
        .read(
            collection,
            new ImportOptions(java.util.Set.of(), ImportOptions.DEFAULT_MAX_BODY_BYTES, null),
            sink,
            TrafficFormat.Cancellation.NEVER);
    return sink.pairs().size();
  }

  @Test
  void a_collection_converted_from_openapi_with_its_info_last_is_a_postman_collection()
      throws IOException {
    // the order openapi-to-postman writes: item, event, variable, then info
    Path converted =
        write(
            "converted.json",
            """
            {"item":%s,"event":[],"variable":[{"key":"baseUrl","value":"https://shop.example.test"}],
             "info":{"_postman_id":"6c3b5a2e-1b7e-4a43-9a41-0d1f9f0c2b11","name":"Shop API",
             "schema":"%s"}}"""
                .formatted(items(120), SCHEMA_21));
    assertThat(Files.size(converted)).isGreaterThan(32 * 1024);

    assertThat(formats.choose(converted, null).name()).isEqualTo("postman");
    assertThat(pairsOf(converted)).isEqualTo(120);
  }

  @Test
  void a_schema_alone_names_a_collection_and_a_byte_order_mark_does_not_hide_it()
      throws IOException {
    Path collection =
        write(
            "no-id.json",
            "\uFEFF{\"item\":%s,\"info\":{\"name\":\"Shop\",\"schema\":\"%s\"}}"
                .formatted(items(3), SCHEMA_21.replace("v2.1.0", "v2.0.0")));

    assertThat(formats.choose(collection, null).name()).isEqualTo("postman");
    assertThat(pairsOf(collection)).isEqualTo(3);
  }

  @Test
  void other_json_with_an_info_object_is_not_taken_for_a_collection() throws IOException {
    Path openapi =
        write(
            "openapi.json",
            """
            {"openapi":"3.0.3","info":{"title":"Shop","version":"1.0"},"paths":{}}""");

    assertThat(new PostmanFormat().recognizes(openapi)).isFalse();
    assertThatThrownBy(() -> formats.choose(openapi, null))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("cannot tell its format");
  }
}
