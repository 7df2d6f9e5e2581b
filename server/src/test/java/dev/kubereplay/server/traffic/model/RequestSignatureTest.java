package dev.kubereplay.server.traffic.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.server.http.ContentCodingsFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

  private static final List<Header> JSON = List.of(new Header("Content-Type", "application/json"));
  private static final List<Header> FORM =
      List.of(new Header("content-type", "application/x-www-form-urlencoded; charset=UTF-8"));
  private static final List<Header> TEXT = List.of(new Header("Content-Type", "text/plain"));

  private static RequestSignature post(List<Header> headers, String body) {
    return post(headers, body.getBytes(StandardCharsets.UTF_8), null);
  }

  private static RequestSignature post(List<Header> headers, byte[] body, String encoding) {
    return RequestSignature.of(
        "POST", "orders.test", "https://orders.test/v1/orders", headers, body, encoding);
  }

  private static RequestSignature get(String host, String url) {
    return RequestSignature.of("GET", host, url, List.of(), new byte[0], null);
  }

  @Test
  void json_bodies_that_differ_only_in_member_order_whitespace_or_escapes_share_a_signature() {
    RequestSignature compact =
        post(JSON, "{\"id\":7,\"items\":[{\"sku\":\"A\",\"n\":2}],\"x\":null}");

    assertThat(
            post(
                JSON,
                " {\n  \"x\": null,\n  \"items\": [ {\"n\":2, \"sku\":\"\\u0041\"} ],"
                    + "\n  \"id\": 7\n}\n"))
        .isEqualTo(compact);
    assertThat(post(List.of(), "{\"x\":null,\"items\":[{\"n\":2,\"sku\":\"A\"}],\"id\":7}"))
        .as("a body with no Content-Type that starts as JSON is read as JSON")
        .isEqualTo(compact);
  }

  @Test
  void a_different_json_value_key_or_array_order_gives_another_signature() {
    RequestSignature original = post(JSON, "{\"id\":7,\"items\":[1,2],\"note\":\"a\"}");

    assertThat(post(JSON, "{\"id\":8,\"items\":[1,2],\"note\":\"a\"}")).isNotEqualTo(original);
    assertThat(post(JSON, "{\"id\":7,\"items\":[2,1],\"note\":\"a\"}")).isNotEqualTo(original);
    assertThat(post(JSON, "{\"id\":7,\"items\":[1,2],\"notes\":\"a\"}")).isNotEqualTo(original);
    assertThat(post(JSON, "{\"id\":\"7\",\"items\":[1,2],\"note\":\"a\"}"))
        .as("a string is not a number")
        .isNotEqualTo(original);
    assertThat(post(JSON, "{\"id\":7,\"items\":[[1,2]],\"note\":\"a\"}")).isNotEqualTo(original);
    assertThat(post(JSON, "{\"a\":{\"b\":1},\"c\":2}"))
        .as("members do not move between objects")
        .isNotEqualTo(post(JSON, "{\"a\":{\"b\":1,\"c\":2}}"));
  }

  @Test
  void a_body_that_is_not_json_counts_byte_for_byte() {
    assertThat(post(JSON, "{\"a\":1, oops")).isNotEqualTo(post(JSON, "{\"a\":1,  oops"));
    assertThat(post(TEXT, "{\"a\":1,\"b\":2}"))
        .as("text/plain is not read as JSON")
        .isNotEqualTo(post(TEXT, "{\"b\":2,\"a\":1}"));
    String deep = "[".repeat(JsonDigest.MAX_DEPTH + 10) + "]".repeat(JsonDigest.MAX_DEPTH + 10);
    assertThat(post(JSON, deep)).isEqualTo(post(JSON, deep)).isNotEqualTo(post(JSON, "[]"));
  }

  @Test
  void form_bodies_compare_as_fields_in_any_order_however_escaped() {
    RequestSignature form = post(FORM, "user=bob&note=hello+world&tag=a&tag=b");

    assertThat(post(FORM, "tag=a&note=hello%20world&user=bob&tag=b")).isEqualTo(form);
    assertThat(post(FORM, "user=bob&note=hello+world&tag=a")).isNotEqualTo(form);
    assertThat(post(FORM, "user=bob&note=hello+world&tag=a&tag=c")).isNotEqualTo(form);
    assertThat(post(FORM, "ab=c"))
        .as("names and values do not run together")
        .isNotEqualTo(post(FORM, "a=bc"));
  }

  @Test
  void query_fields_count_in_any_order_and_the_path_as_sent() {
    RequestSignature query = get("api.test", "https://api.test/items?page=2&sort=price+asc");

    assertThat(get("api.test", "https://api.test/items?sort=price%20asc&page=2")).isEqualTo(query);
    assertThat(get("api.test", "https://api.test/items?page=3&sort=price+asc")).isNotEqualTo(query);
    assertThat(get("api.test", "https://api.test/items/?page=2&sort=price+asc"))
        .isNotEqualTo(query);
    assertThat(get("api.test", "https://api.test/items")).isNotEqualTo(query);
    assertThat(get("api.test", "https://api.test/Items?page=2&sort=price+asc")).isNotEqualTo(query);
  }

  @Test
  void method_and_host_count_whatever_their_case() {
    RequestSignature signature = get("api.test", "https://api.test/x");

    assertThat(
            RequestSignature.of(
                "get", "API.test", "https://api.test/x", List.of(), new byte[0], null))
        .isEqualTo(signature);
    assertThat(
            RequestSignature.of(
                "HEAD", "api.test", "https://api.test/x", List.of(), new byte[0], null))
        .isNotEqualTo(signature);
    assertThat(get("other.test", "https://api.test/x")).isNotEqualTo(signature);
    assertThat(
            RequestSignature.of(
                "GET",
                "api.test",
                "https://api.test/x",
                List.of(new Header("Authorization", "Bearer a")),
                new byte[0],
                null))
        .as("headers other than Content-Type do not count")
        .isEqualTo(signature);
  }

  @Test
  void a_coded_body_counts_as_the_body_it_decodes_to() {
    byte[] json = "{\"b\":2,\"a\":1}".getBytes(StandardCharsets.UTF_8);

    assertThat(post(JSON, ContentCodingsFixtures.gzip(json), "gzip"))
        .isEqualTo(post(JSON, "{\"a\":1,\"b\":2}"));
    assertThat(post(JSON, json, "gzip"))
        .as("bytes that are not the coding they claim count as they are, with the coding")
        .isNotEqualTo(post(JSON, json, null))
        .isEqualTo(post(JSON, json, "GZIP"));
  }

  @Test
  void the_signature_of_a_pair_is_that_of_its_request_and_survives_its_bytes() {
    RRPair pair =
        new RRPair(
            null,
            Direction.OUT,
            java.time.Instant.EPOCH,
            1,
            "http",
            "orders.test",
            "POST",
            "https://orders.test/v1/orders",
            null,
            JSON,
            "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
            null,
            201,
            null,
            List.of(),
            new byte[0],
            null,
            java.util.Map.of());

    RequestSignature signature = RequestSignature.of(pair);

    assertThat(signature).isEqualTo(post(JSON, "{ \"a\" : 1 }"));
    assertThat(RequestSignature.fromBytes(signature.bytes())).isEqualTo(signature);
    assertThat(signature.bytes()).hasSize(RequestSignature.BYTES);
    assertThat(signature.toString()).hasSize(32).matches("[0-9a-f]+");
    assertThatThrownBy(() -> RequestSignature.fromBytes(new byte[32]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("16 bytes, not 32");
  }
}
