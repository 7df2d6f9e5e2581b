package dev.kubereplay.server.traffic.postman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.server.traffic.ImportException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.TrafficFormat;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.sources.CollectingSink;
import dev.kubereplay.server.traffic.sources.TrafficSamples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostmanFormatTest {

  @TempDir Path dir;

  private final PostmanFormat format = new PostmanFormat();

  private CollectingSink read(Path file, ImportOptions options) throws IOException {
    CollectingSink sink = new CollectingSink();
    format.read(file, options, sink, TrafficFormat.Cancellation.NEVER);
    return sink;
  }

  /** The sample collection with its staging environment. */
  private CollectingSink readShop() throws IOException {
    return readShop(Set.of());
  }

  private CollectingSink readShop(Set<String> outboundHosts) throws IOException {
    Path collection = TrafficSamples.copy(dir, "postman/shop.postman_collection.json");
    Path environment = TrafficSamples.copy(dir, "postman/staging.postman_environment.json");
    return read(
        collection,
        new ImportOptions(outboundHosts, ImportOptions.DEFAULT_MAX_BODY_BYTES, environment));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void every_request_becomes_an_inbound_pair_without_a_response() throws IOException {
    CollectingSink sink = readShop();

    assertThat(sink.pairs()).hasSize(9);
    assertThat(sink.skips()).isEmpty();
    RRPair list = sink.pair("/orders?status=shipped&limit=20");
    assertThat(list.direction()).isEqualTo(Direction.IN);
    assertThat(list.status()).isZero();
    assertThat(list.hasResponse()).isFalse();
    assertThat(list.method()).isEqualTo("GET");
    assertThat(list.uuid()).isEqualTo("a1000000-0000-4000-8000-000000000001");
    assertThat(list.protocol()).isEqualTo("http");
  }

  @Test
  void environment_values_win_over_collection_variables() throws IOException {
    RRPair list = readShop().pair("/orders?status=shipped&limit=20");

    assertThat(list.url()).isEqualTo("https://shop.example.com/api/orders?status=shipped&limit=20");
    assertThat(list.host()).isEqualTo("shop.example.com");
  }

  @Test
  void without_an_environment_the_collection_variables_apply() throws IOException {
    Path collection = TrafficSamples.copy(dir, "postman/shop.postman_collection.json");

    CollectingSink sink = read(collection, ImportOptions.defaults());

    assertThat(sink.pair("/health").url()).isEqualTo("http://localhost:8080/api/health");
    assertThat(sink.pair("/health").host()).isEqualTo("localhost:8080");
    assertThat(sink.unresolved())
        .containsExactlyInAnyOrder(
            "user", "password", "sku", "adminToken", "traceId", "partnerKey");
  }

  @Test
  void unresolved_variables_are_reported_once_and_kept_literally() throws IOException {
    CollectingSink sink = readShop();

    assertThat(sink.unresolved()).containsExactly("password", "traceId");
    assertThat(sink.pair("/health").requestHeaders())
        .contains(new Header("X-Trace", "{{traceId}}"));
    String basic = "Basic " + Base64.getEncoder().encodeToString("ana:{{password}}".getBytes());
    assertThat(sink.pair("/health").requestHeaders()).contains(new Header("Authorization", basic));
  }

  @Test
  void folder_paths_become_a_tag() throws IOException {
    CollectingSink sink = readShop();

    assertThat(sink.pair("/orders/42").tags())
        .containsEntry("postman.folder", "Orders")
        .containsEntry("postman.name", "Get order");
    assertThat(sink.pair("/orders/42/refund").tags())
        .containsEntry("postman.folder", "Orders/Admin");
    assertThat(sink.pair("/catalog/images").tags()).containsEntry("postman.folder", "Catalog");
    assertThat(sink.pair("/health").tags()).doesNotContainKey("postman.folder");
  }

  @Test
  void the_first_saved_example_is_the_recorded_response() throws IOException {
    RRPair order =
        readShop().pairs().stream()
            .filter(p -> p.tags().get("postman.name").equals("Get order"))
            .findFirst()
            .orElseThrow();

    assertThat(order.url()).isEqualTo("https://shop.example.com/api/orders/42");
    assertThat(order.status()).isEqualTo(200);
    assertThat(order.statusMessage()).isEqualTo("OK");
    assertThat(order.durationMillis()).isEqualTo(35);
    assertThat(order.responseHeaders())
        .containsExactly(
            new Header("Content-Type", "application/json"), new Header("X-Request-Id", "r-77"));
    assertThat(text(order.responseBody()))
        .isEqualTo("{\n  \"id\": 42,\n  \"status\": \"SHIPPED\"\n}");
    assertThat(order.tags()).containsEntry("postman.example", "Order found");
  }

  @Test
  void disabled_headers_and_query_parameters_are_left_out() throws IOException {
    RRPair list = readShop().pair("/orders?status=shipped&limit=20");

    assertThat(list.url()).doesNotContain("debug");
    assertThat(list.requestHeaders()).extracting(Header::name).doesNotContain("X-Debug");
  }

  @Test
  void raw_json_bodies_are_resolved_and_typed() throws IOException {
    RRPair create =
        readShop().pairs().stream()
            .filter(p -> p.method().equals("POST") && p.url().endsWith("/api/orders"))
            .findFirst()
            .orElseThrow();

    assertThat(text(create.requestBody()))
        .isEqualTo(
            "{\n  \"customerId\": \"c-1001\",\n  \"items\": [{\"sku\": \"A-1\", \"qty\": 2}]\n}");
    assertThat(create.requestHeaders()).contains(new Header("Content-Type", "application/json"));
  }

  @Test
  void folder_auth_is_inherited_and_noauth_stops_it() throws IOException {
    CollectingSink sink = readShop();

    RRPair delete =
        sink.pairs().stream().filter(p -> p.method().equals("DELETE")).findFirst().orElseThrow();
    assertThat(delete.requestHeaders()).contains(new Header("Authorization", "Bearer t0k3n-admin"));
    assertThat(sink.pair("/orders/42/refund").requestHeaders())
        .extracting(Header::name)
        .doesNotContain("Authorization");
  }

  @Test
  void urlencoded_form_data_and_graphql_bodies_are_built_as_postman_sends_them()
      throws IOException {
    CollectingSink sink = readShop();

    RRPair refund = sink.pair("/orders/42/refund");
    assertThat(text(refund.requestBody())).isEqualTo("amount=19.90&reason=damaged+in+transit");
    assertThat(refund.requestHeaders())
        .contains(new Header("Content-Type", "application/x-www-form-urlencoded"));

    RRPair upload = sink.pair("/catalog/images");
    assertThat(text(upload.requestBody()))
        .contains("Content-Disposition: form-data; name=\"sku\"\r\n\r\nA-1\r\n")
        .contains("name=\"image\"; filename=\"shoe.png\"");
    assertThat(upload.tags())
        .containsEntry("postman.files", "/Users/ana/Pictures/shoe.png (not read)");

    RRPair search = sink.pair("/graphql");
    assertThat(text(search.requestBody()))
        .isEqualTo(
            "{\"query\":\"query Search($q: String!) { products(q: $q) { sku name } }\","
                + "\"variables\":{\"q\":\"shoes\"}}");
  }

  @Test
  void an_api_key_in_the_query_and_an_outbound_host_make_an_outbound_pair() throws IOException {
    RRPair partner = readShop(Set.of("partner.example.com")).pair("/stock/A-1?api_key=pk-test-123");

    assertThat(partner.url())
        .isEqualTo("https://partner.example.com/stock/A-1?api_key=pk-test-123");
    assertThat(partner.direction()).isEqualTo(Direction.OUT);
  }

  @Test
  void folder_names_and_auth_written_after_their_items_still_apply() throws IOException {
    Path file =
        write(
            "late.json",
            """
            {"item": [
               {"item": [{"name": "ping", "request": {"method": "get", "url": "{{host}}/ping"}}],
                "auth": {"type": "bearer", "bearer": {"token": "v20-style"}},
                "name": "Late"}
             ],
             "info": {"name": "late", "schema": "https://schema.getpostman.com/json/collection/v2.0.0/"},
             "variable": [{"id": "host", "value": "api.local:9000"}]}
            """);

    RRPair ping = read(file, ImportOptions.defaults()).pairs().get(0);

    assertThat(ping.url()).isEqualTo("http://api.local:9000/ping");
    assertThat(ping.method()).isEqualTo("GET");
    assertThat(ping.tags()).containsEntry("postman.folder", "Late");
    assertThat(ping.requestHeaders())
        .containsExactly(new Header("Authorization", "Bearer v20-style"));
  }

  @Test
  void signing_auth_schemes_are_named_as_not_applied() throws IOException {
    Path file =
        write(
            "aws.json",
            """
            {"info": {"name": "aws"}, "item": [
              {"name": "s3", "request": {"url": "https://s3.amazonaws.com/b",
               "auth": {"type": "awsv4", "awsv4": []}}}]}
            """);

    RRPair s3 = read(file, ImportOptions.defaults()).pairs().get(0);

    assertThat(s3.tags()).containsEntry("postman.auth", "awsv4 (not applied)");
    assertThat(s3.requestHeaders()).isEmpty();
  }

  @Test
  void malformed_json_names_the_line_and_column() throws IOException {
    Path file =
        write(
            "bad.json",
            """
            {"info": {"name": "bad"},
             "item": [
               {"name": "a" "request": {}}
             ]}
            """);

    assertThatThrownBy(() -> read(file, ImportOptions.defaults()))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith(file.toString())
        .hasMessageContaining("line 3, column")
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void a_truncated_collection_fails_and_gives_no_pairs() throws IOException {
    Path full = TrafficSamples.copy(dir, "postman/shop.postman_collection.json");
    byte[] bytes = Files.readAllBytes(full);
    Path cut =
        Files.write(dir.resolve("cut.json"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    CollectingSink sink = new CollectingSink();

    assertThatThrownBy(
            () ->
                format.read(cut, ImportOptions.defaults(), sink, TrafficFormat.Cancellation.NEVER))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("cut.json")
        // "truncated" once the shared JsonFiles classifies every end-of-input as truncation
        .hasMessageMatching("(?s).*(truncated|end-of-input).*");
    assertThat(sink.pairs()).isEmpty();
  }

  @Test
  void empty_files_fail() throws IOException {
    assertThatThrownBy(() -> read(write("e.json", ""), ImportOptions.defaults()))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("empty file");
    assertThatThrownBy(() -> read(write("w.json", "  \n"), ImportOptions.defaults()))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("empty file");
  }

  @Test
  void a_har_or_an_environment_given_as_a_collection_is_named() throws IOException {
    Path har = write("x.har", "{\"log\": {\"version\": \"1.2\", \"entries\": []}}");
    Path environment = TrafficSamples.copy(dir, "postman/staging.postman_environment.json");

    assertThatThrownBy(() -> read(har, ImportOptions.defaults()))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("line 1, column")
        .hasMessageContaining("not a Postman collection: it looks like a HAR file");
    assertThatThrownBy(() -> read(environment, ImportOptions.defaults()))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("it looks like a Postman environment");
    assertThatThrownBy(() -> read(write("o.json", "{\"info\": {}}"), ImportOptions.defaults()))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("no \"item\" array");
    assertThat(format.recognizes(har)).isFalse();
    assertThat(format.recognizes(environment)).isFalse();
  }

  @Test
  void a_bad_environment_file_is_named() throws IOException {
    Path collection = TrafficSamples.copy(dir, "postman/shop.postman_collection.json");
    Path environment = write("env.json", "{\"name\": \"no values\"}");

    assertThatThrownBy(
            () ->
                read(
                    collection,
                    new ImportOptions(Set.of(), ImportOptions.DEFAULT_MAX_BODY_BYTES, environment)))
        .isInstanceOf(ImportException.class)
        .hasMessageStartingWith(environment.toString())
        .hasMessageContaining("not a Postman environment");
  }

  @Test
  void a_body_over_the_limit_fails_naming_the_item() throws IOException {
    Path collection = TrafficSamples.copy(dir, "postman/shop.postman_collection.json");

    assertThatThrownBy(() -> read(collection, new ImportOptions(Set.of(), 30, null)))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("item \"Orders/Get order\"")
        .hasMessageContaining("larger than the limit of 30 B");
  }

  @Test
  void cancellation_stops_between_items() throws IOException {
    Path collection = TrafficSamples.copy(dir, "postman/shop.postman_collection.json");
    CollectingSink sink = new CollectingSink();
    int[] asked = {0};

    assertThatThrownBy(
            () -> format.read(collection, ImportOptions.defaults(), sink, () -> ++asked[0] > 3))
        .isInstanceOf(CancellationException.class);
    assertThat(sink.pairs()).hasSize(2);
  }

  @Test
  void recognizes_a_collection_by_its_first_bytes() throws IOException {
    assertThat(format.recognizes(TrafficSamples.copy(dir, "postman/shop.postman_collection.json")))
        .isTrue();
    assertThat(format.recognizes(dir)).isFalse();
  }
}
