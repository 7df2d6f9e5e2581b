package dev.kubereplay.server.traffic.wiremock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.TrafficFormat;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.sources.CollectingSink;
import dev.kubereplay.server.traffic.sources.TrafficSamples;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WireMockFormatTest {

  @TempDir Path dir;

  private final WireMockFormat format = new WireMockFormat();

  private CollectingSink read(Path path) throws IOException {
    return read(path, ImportOptions.defaults());
  }

  private CollectingSink read(Path path, ImportOptions options) throws IOException {
    CollectingSink sink = new CollectingSink();
    format.read(path, options, sink, TrafficFormat.Cancellation.NEVER);
    return sink;
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  @Test
  void a_mappings_folder_becomes_outbound_pairs_to_the_wiremock_host() throws IOException {
    CollectingSink sink = read(TrafficSamples.copy(dir, "wiremock/shop"));

    assertThat(sink.pairs()).hasSize(6);
    assertThat(sink.pairs())
        .allSatisfy(
            p -> {
              assertThat(p.direction()).isEqualTo(Direction.OUT);
              assertThat(p.host()).isEqualTo("wiremock");
              assertThat(p.status()).isPositive();
            });
  }

  @Test
  void an_exact_url_with_header_matchers_and_a_json_body() throws IOException {
    RRPair order = read(TrafficSamples.copy(dir, "wiremock/shop")).pair("/api/orders/42");

    assertThat(order.uuid()).isEqualTo("5d1c3b2a-1f4e-4c8a-9b7d-0a1b2c3d4e01");
    assertThat(order.method()).isEqualTo("GET");
    assertThat(order.url()).isEqualTo("http://wiremock/api/orders/42");
    assertThat(order.requestHeaders()).containsExactly(new Header("Accept", "application/json"));
    assertThat(order.durationMillis()).isEqualTo(120);
    assertThat(order.responseHeaders())
        .containsExactly(
            new Header("Content-Type", "application/json"),
            new Header("Cache-Control", "no-cache"),
            new Header("Cache-Control", "no-store"));
    assertThat(new String(order.responseBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":42,\"status\":\"SHIPPED\",\"items\":[{\"sku\":\"A-1\",\"qty\":2}]}");
    assertThat(order.tags())
        .containsEntry("wiremock.name", "get order 42")
        .containsEntry("wiremock.file", "mappings/orders.json")
        .containsEntry("wiremock.ignored", "header X-Tenant matches")
        .doesNotContainKey("wiremock.match");
  }

  @Test
  void equal_to_json_becomes_the_request_body_and_other_body_matchers_are_listed()
      throws IOException {
    RRPair create = read(TrafficSamples.copy(dir, "wiremock/shop")).pair("/api/orders");

    assertThat(create.method()).isEqualTo("POST");
    assertThat(new String(create.requestBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"sku\":\"A-1\",\"qty\":2}");
    assertThat(create.status()).isEqualTo(201);
    assertThat(create.statusMessage()).isEqualTo("Created");
    assertThat(new String(create.responseBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"id\":43,\"status\":\"NEW\"}");
    assertThat(create.tags()).containsEntry("wiremock.ignored", "body matchesJsonPath");
  }

  @Test
  void a_url_pattern_is_kept_literally_as_the_path_and_tagged() throws IOException {
    CollectingSink sink = read(TrafficSamples.copy(dir, "wiremock/shop"));

    RRPair search =
        sink.pairs().stream().filter(p -> p.url().contains("/search/")).findFirst().orElseThrow();
    assertThat(search.url())
        .isEqualTo(
            "http://wiremock/api/orders/search/[a-z]+?status=shipped&q=blue%20shoes%20%26%20socks");
    assertThat(search.tags())
        .containsEntry("wiremock.match", "pattern")
        .containsEntry("wiremock.priority", "5")
        .containsEntry("wiremock.ignored", "query since matches");
    assertThat(search.durationMillis()).isEqualTo(200);
  }

  @Test
  void base64_bodies_keep_their_bytes_and_content_encoding() throws IOException {
    CollectingSink sink = read(TrafficSamples.copy(dir, "wiremock/shop"));

    RRPair stock =
        sink.pairs().stream().filter(p -> p.url().contains("/stock/")).findFirst().orElseThrow();
    assertThat(stock.responseBodyEncoding()).isEqualTo("gzip");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stock.responseBody()))) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"sku\":\"A-1\",\"available\":17}");
    }
    assertThat(stock.tags())
        .containsEntry("wiremock.match", "pattern")
        .containsEntry("wiremock.scenario", "stock")
        .containsEntry("wiremock.requiredState", "Started")
        .containsEntry("wiremock.newState", "sold out");
  }

  @Test
  void body_file_names_are_read_from_files_beside_the_mappings() throws IOException {
    Path shop = TrafficSamples.copy(dir, "wiremock/shop");
    CollectingSink sink = read(shop);

    RRPair image = sink.pair("/images/sku-1.png");
    assertThat(image.responseBody())
        .isEqualTo(Files.readAllBytes(shop.resolve("__files/images/sku-1.png")));
    RRPair catalog = sink.pair("/catalog");
    assertThat(new String(catalog.responseBody(), StandardCharsets.UTF_8)).contains("Blue shoes");
    assertThat(catalog.requestHeaders())
        .containsExactly(
            new Header("Cookie", "session=s-123"),
            new Header("Authorization", "Basic c2hvcDpzZWNyZXQ="));
    assertThat(catalog.tags()).containsEntry("wiremock.transformers", "response-template");
  }

  @Test
  void proxies_faults_and_templated_body_files_are_skipped_with_the_reason() throws IOException {
    CollectingSink sink = read(TrafficSamples.copy(dir, "wiremock/shop"));

    assertThat(sink.skips())
        .extracting(CollectingSink.Skip::entry, CollectingSink.Skip::reason)
        .containsExactly(
            tuple(
                "mappings/inventory.json, mapping 2 (inventory proxy)",
                "a proxy stub (forwards to http://legacy-inventory:8080): no response"),
            tuple(
                "mappings/inventory.json, mapping 3 (flaky reservation)",
                "a fault stub (CONNECTION_RESET_BY_PEER): no response"),
            tuple(
                "mappings/inventory.json, mapping 4 (report by id)",
                "bodyFileName is a template (reports/{{request.path.id}}.json):"
                    + " the body depends on the request"));
  }

  @Test
  void the_mappings_folder_itself_can_be_given() throws IOException {
    Path shop = TrafficSamples.copy(dir, "wiremock/shop");

    CollectingSink sink = read(shop.resolve("mappings"));

    assertThat(sink.pairs()).hasSize(6);
    assertThat(sink.pair("/images/sku-1.png").responseBody()).isNotEmpty();
  }

  @Test
  void a_single_mapping_file_with_a_host_matcher_keeps_that_host() throws IOException {
    CollectingSink sink = read(TrafficSamples.copy(dir, "wiremock/payments-stub.json"));

    RRPair payment = sink.pairs().get(0);
    assertThat(payment.url()).isEqualTo("https://payments.example.net/v1/payments");
    assertThat(payment.host()).isEqualTo("payments.example.net");
    assertThat(payment.direction()).isEqualTo(Direction.OUT);
    assertThat(new String(payment.requestBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"orderId\": 42, \"amount\": \"19.90\"}");
    assertThat(payment.durationMillis()).isEqualTo(80);
    assertThat(payment.tags()).doesNotContainKey("wiremock.file");
  }

  @Test
  void one_outbound_host_names_the_host_of_mappings_without_one() throws IOException {
    CollectingSink sink =
        read(
            TrafficSamples.copy(dir, "wiremock/shop"),
            new ImportOptions(
                Set.of("orders-api:8080"), ImportOptions.DEFAULT_MAX_BODY_BYTES, null));

    assertThat(sink.pair("/api/orders/42").url()).isEqualTo("http://orders-api:8080/api/orders/42");
    assertThat(sink.pair("/api/orders/42").host()).isEqualTo("orders-api:8080");
  }

  @Test
  void a_mapping_without_url_matches_anything_and_says_so() throws IOException {
    Path file =
        write(
            "any.json",
            """
            {"request": {"method": "ANY"}, "response": {"status": 503}}
            """);

    RRPair any = read(file).pairs().get(0);

    assertThat(any.method()).isEqualTo("ANY");
    assertThat(any.url()).isEqualTo("http://wiremock/");
    assertThat(any.tags()).containsEntry("wiremock.match", "any");
    assertThat(any.status()).isEqualTo(503);
  }

  @Test
  void a_missing_body_file_skips_the_stub() throws IOException {
    write("w/__files/.keep", "");
    write(
        "w/mappings/m.json",
        """
        {"request": {"url": "/gone"}, "response": {"bodyFileName": "gone.json"}}
        """);

    CollectingSink sink = read(dir.resolve("w"));

    assertThat(sink.skips())
        .singleElement()
        .isEqualTo(
            new CollectingSink.Skip(
                "mappings/m.json, mapping 1", "body file not found: __files/gone.json"));
  }

  @Test
  void a_body_file_outside_the_files_folder_is_not_read() throws IOException {
    write("w/__files/ok.json", "{}");
    write("w/secret.txt", "not for you");
    write(
        "w/mappings/m.json",
        """
        {"request": {"url": "/x"}, "response": {"bodyFileName": "../secret.txt"}}
        """);

    CollectingSink sink = read(dir.resolve("w"));

    assertThat(sink.pairs()).isEmpty();
    assertThat(sink.skips().get(0).reason()).contains("points outside __files");
  }

  @Test
  void malformed_json_names_the_file_line_and_column() throws IOException {
    write("w/mappings/a-good.json", "{\"request\": {\"url\": \"/a\"}, \"response\": {}}");
    Path bad =
        write(
            "w/mappings/b-bad.json",
            """
            {
              "request": {"url": "/b"},
              "response": {"status": 200,, "body": "x"}
            }
            """);

    assertThatThrownBy(() -> read(dir.resolve("w")))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith(bad.toString())
        .hasMessageContaining("line 3, column")
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void a_truncated_mappings_file_fails() throws IOException {
    Path file =
        write(
            "stubs.json",
            """
            {"mappings": [
              {"request": {"url": "/a"}, "response": {"status": 200}},
              {"request": {"url": "/b"}, "response": {"sta""");

    assertThatThrownBy(() -> read(file))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("truncated");
  }

  @Test
  void empty_files_and_folders_fail() throws IOException {
    Path empty = write("empty.json", "");
    Files.createDirectories(dir.resolve("nothing/mappings"));

    assertThatThrownBy(() -> read(empty))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("empty file");
    assertThatThrownBy(() -> read(dir.resolve("nothing")))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("no stub mappings");
  }

  @Test
  void a_har_or_postman_file_given_as_wiremock_is_named() throws IOException {
    Path har = write("x.har", "{\"log\": {\"version\": \"1.2\", \"entries\": []}}");
    Path postman = write("c.json", "{\"info\": {\"name\": \"c\"}, \"item\": []}");
    Path other = write("o.json", "{\"name\": \"not a mapping\"}");

    assertThatThrownBy(() -> read(har))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("line 1, column")
        .hasMessageContaining("not WireMock stub mappings: it looks like a HAR file");
    assertThatThrownBy(() -> read(postman))
        .hasMessageContaining("it looks like a Postman collection");
    assertThatThrownBy(() -> read(other)).hasMessageContaining("not a WireMock stub mapping");
    assertThat(format.recognizes(har)).isFalse();
    assertThat(format.recognizes(postman)).isFalse();
  }

  @Test
  void a_body_over_the_limit_fails_naming_the_mapping() throws IOException {
    Path shop = TrafficSamples.copy(dir, "wiremock/shop");

    assertThatThrownBy(() -> read(shop, new ImportOptions(Set.of(), 40, null)))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("mapping 1 (catalog list)")
        .hasMessageContaining("larger than the limit of 40 B");
  }

  @Test
  void cancellation_stops_between_mappings() throws IOException {
    Path shop = TrafficSamples.copy(dir, "wiremock/shop");
    CollectingSink sink = new CollectingSink();
    int[] asked = {0};

    assertThatThrownBy(
            () -> format.read(shop, ImportOptions.defaults(), sink, () -> ++asked[0] > 3))
        .isInstanceOf(CancellationException.class);
    assertThat(sink.pairs()).hasSize(3);
  }

  @Test
  void recognizes_mapping_files_and_wiremock_folders() throws IOException {
    Path shop = TrafficSamples.copy(dir, "wiremock/shop");

    assertThat(format.recognizes(shop)).isTrue();
    assertThat(format.recognizes(shop.resolve("mappings/orders.json"))).isTrue();
    assertThat(format.recognizes(shop.resolve("mappings/catalog.json"))).isTrue();
    assertThat(format.recognizes(TrafficSamples.copy(dir, "wiremock/payments-stub.json"))).isTrue();
    assertThat(format.recognizes(shop.resolve("__files/images"))).isFalse();
  }
}
