package dev.kubereplay.server.replay.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.model.Header;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResponseComparisonTest {

  private static final List<Header> JSON = List.of(new Header("Content-Type", "application/json"));

  private static ResponseComparison.Result compare(String expected, String actual) {
    return compare(ResponseComparison.Options.DEFAULT, expected, actual);
  }

  private static ResponseComparison.Result compare(
      ResponseComparison.Options options, String expected, String actual) {
    return new ResponseComparison(options)
        .compare(200, JSON, bytes(expected), 200, JSON, bytes(actual));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void a_changed_field_is_named_by_its_path_with_expected_and_actual() {
    ResponseComparison.Result result =
        compare(
            "{\"order\":{\"id\":7,\"total\":42.5,\"items\":[{\"sku\":\"A\"},{\"sku\":\"B\"}]}}",
            "{ \"order\": { \"items\": [{\"sku\":\"A\"},{\"sku\":\"C\"}], \"total\": 43, \"id\": 7 } }");

    assertThat(result.passed()).isFalse();
    assertThat(result.mismatches())
        .extracting(Mismatch::describe)
        .containsExactly(
            "$.order.items[1].sku: expected \"B\", got \"C\"",
            "$.order.total: expected 42.5, got 43");
  }

  @Test
  void timestamps_ids_and_durations_that_differ_by_nature_are_noise_not_failures() {
    String now = Instant.now().toString();
    ResponseComparison.Result result =
        compare(
            "{\"id\":\"3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b\",\"createdAt\":\"2026-11-25T16:00:01.250Z\","
                + "\"requestId\":\"req_8fK2mQ9xLp3Z\",\"took\":\"12ms\",\"at\":1764086401000,\"status\":\"paid\"}",
            "{\"id\":\"9b1c2d3e-4f5a-4b6c-8d7e-0f1a2b3c4d5e\",\"createdAt\":\""
                + now
                + "\","
                + "\"requestId\":\"req_Q7wE1rT5yU9i\",\"took\":\"3ms\",\"at\":"
                + System.currentTimeMillis()
                + ",\"status\":\"paid\"}");

    assertThat(result.passed()).isTrue();
    assertThat(result.noise())
        .containsExactlyInAnyOrder("$.id", "$.createdAt", "$.requestId", "$.took", "$.at");
  }

  @Test
  void a_value_that_changes_kind_or_an_ordinary_value_is_still_a_difference() {
    ResponseComparison.Result result =
        compare(
            "{\"id\":\"3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b\",\"status\":\"paid\",\"count\":3}",
            "{\"id\":\"2026-11-25T16:00:01Z\",\"status\":\"refunded\",\"count\":4}");

    assertThat(result.mismatches())
        .extracting(Mismatch::path)
        .containsExactly("$.count", "$.id", "$.status");
  }

  @Test
  void ignored_paths_with_wildcards_and_missing_or_extra_fields() {
    ResponseComparison.Options options =
        new ResponseComparison.Options(
            Set.of("content-type"), Set.of("$.items[*].price", "$.debug"), true);

    ResponseComparison.Result result =
        compare(
            options,
            "{\"items\":[{\"sku\":\"A\",\"price\":1},{\"sku\":\"B\",\"price\":2}],\"debug\":{\"host\":\"a\"},\"gone\":1}",
            "{\"items\":[{\"sku\":\"A\",\"price\":9},{\"sku\":\"B\",\"price\":8}],\"debug\":{\"host\":\"b\"},\"new\":true}");

    assertThat(result.mismatches())
        .extracting(Mismatch::describe)
        .containsExactly("$.gone: missing, recorded 1", "$.new: not recorded, got true");
  }

  @Test
  void status_and_media_type_are_compared_other_headers_only_when_chosen() {
    ResponseComparison comparison =
        new ResponseComparison(
            new ResponseComparison.Options(
                Set.of("Content-Type", "Cache-Control"), Set.of(), true));

    ResponseComparison.Result result =
        comparison.compare(
            201,
            List.of(
                new Header("Content-Type", "application/json; charset=utf-8"),
                new Header("Cache-Control", "no-store"),
                new Header("Date", "Tue, 25 Nov 2026 16:00:00 GMT")),
            bytes("{}"),
            200,
            List.of(
                new Header("content-type", "application/json"),
                new Header("Cache-Control", "max-age=60"),
                new Header("Date", "Tue, 08 Dec 2026 10:00:00 GMT")),
            bytes("{}"));

    assertThat(result.mismatches())
        .extracting(Mismatch::describe)
        .containsExactly(
            "status: expected 201, got 200",
            "header cache-control: expected no-store, got max-age=60");
  }

  @Test
  void text_bodies_compare_whole_and_say_what_they_were() {
    ResponseComparison comparison = new ResponseComparison(ResponseComparison.Options.DEFAULT);
    List<Header> text = List.of(new Header("Content-Type", "text/plain"));

    assertThat(comparison.compare(200, text, bytes("hello"), 200, text, bytes("hello")).passed())
        .isTrue();
    assertThat(comparison.compare(200, text, bytes("hello"), 200, text, bytes("bye")).mismatches())
        .extracting(Mismatch::describe)
        .containsExactly("body: expected hello, got bye");
  }

  @Test
  void ordinary_words_and_numbers_are_not_taken_for_ids() {
    assertThat(Volatile.of("payment_method")).isNull();
    assertThat(Volatile.of("4242424242")).as("a number far from now").isNull();
    assertThat(Volatile.of("refunded")).isNull();
    assertThat(Volatile.of("deadbeefcafebabe")).as("hex without digits is a word").isNull();
    assertThat(Volatile.of("a1b2c3d4e5f60718")).isEqualTo(Volatile.HEX_ID);
  }
}
