package dev.kubereplay.server.replay.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.replay.responder.MockRequest;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MatcherTest {

  private final List<Matcher.Recorded> recorded = new ArrayList<>();

  private void record(String method, String url, String body, String answer, Header... headers) {
    String host = url.replaceFirst("^https?://", "").replaceFirst("/.*", "");
    List<Header> requestHeaders = new ArrayList<>(List.of(headers));
    if (body != null && body.startsWith("{")) {
      requestHeaders.add(new Header("Content-Type", "application/json"));
    } else if (body != null) {
      requestHeaders.add(new Header("Content-Type", "application/x-www-form-urlencoded"));
    }
    recorded.add(
        new Matcher.Recorded(
            recorded.size() + 1,
            new RRPair(
                null,
                Direction.OUT,
                Instant.EPOCH,
                5,
                "http",
                host,
                method,
                url,
                "HTTP/1.1",
                requestHeaders,
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                null,
                200,
                "OK",
                List.of(new Header("Content-Type", "text/plain")),
                answer.getBytes(StandardCharsets.UTF_8),
                null,
                Map.of())));
  }

  private static MockRequest request(String method, String url, String body, Header... headers) {
    String scheme = url.substring(0, url.indexOf(':'));
    String rest = url.substring(url.indexOf("//") + 2);
    String host = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    String pathQuery = rest.substring(host.length());
    String path =
        pathQuery.contains("?") ? pathQuery.substring(0, pathQuery.indexOf('?')) : pathQuery;
    String query = pathQuery.contains("?") ? pathQuery.substring(pathQuery.indexOf('?') + 1) : null;
    List<Header> all = new ArrayList<>(List.of(headers));
    if (body != null && body.startsWith("{")) {
      all.add(new Header("Content-Type", "application/json; charset=utf-8"));
    } else if (body != null) {
      all.add(new Header("Content-Type", "application/x-www-form-urlencoded"));
    }
    return new MockRequest(
        MockRequest.Via.PROXY,
        method,
        scheme,
        host,
        -1,
        path,
        query,
        all,
        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
  }

  private String answer(Matcher matcher, MockRequest request) {
    Matcher.Outcome outcome = matcher.match(request);
    assertThat(outcome).isInstanceOf(Matcher.Hit.class);
    return new String(((Matcher.Hit) outcome).call().pair().responseBody(), StandardCharsets.UTF_8);
  }

  private Matcher matcher() {
    return new Matcher(recorded, Leniency.DEFAULT);
  }

  @Test
  void aws_json_calls_to_one_url_are_told_apart_by_their_target_header_and_body() {
    record(
        "POST",
        "https://dynamodb.example.test/",
        "{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"1\"}}}",
        "get 1",
        new Header("X-Amz-Target", "DynamoDB_20120810.GetItem"));
    record(
        "POST",
        "https://dynamodb.example.test/",
        "{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"2\"}}}",
        "get 2",
        new Header("X-Amz-Target", "DynamoDB_20120810.GetItem"));
    record(
        "POST",
        "https://dynamodb.example.test/",
        "{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"1\"}}}",
        "delete 1",
        new Header("X-Amz-Target", "DynamoDB_20120810.DeleteItem"));
    Matcher matcher = matcher();

    // key order and whitespace differ from the recording: JSON is compared as values
    assertThat(
            answer(
                matcher,
                request(
                    "POST",
                    "https://dynamodb.example.test/",
                    "{ \"Key\": {\"id\": {\"S\": \"2\"}}, \"TableName\": \"orders\" }",
                    new Header("X-Amz-Target", "DynamoDB_20120810.GetItem"))))
        .isEqualTo("get 2");
    assertThat(
            answer(
                matcher,
                request(
                    "POST",
                    "https://dynamodb.example.test/",
                    "{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"1\"}}}",
                    new Header("X-Amz-Target", "DynamoDB_20120810.DeleteItem"))))
        .isEqualTo("delete 1");
    assertThat(
            answer(
                matcher,
                request(
                    "POST",
                    "https://dynamodb.example.test/",
                    "{\"TableName\":\"orders\",\"Key\":{\"id\":{\"S\":\"1\"}}}",
                    new Header("X-Amz-Target", "DynamoDB_20120810.GetItem"))))
        .isEqualTo("get 1");
  }

  @Test
  void graphql_operations_to_one_url_each_get_their_own_response() {
    record(
        "POST",
        "https://api.example.test/graphql",
        "{\"operationName\":\"Cart\",\"query\":\"query Cart { cart { id } }\",\"variables\":{}}",
        "cart");
    record(
        "POST",
        "https://api.example.test/graphql",
        "{\"operationName\":\"Me\",\"query\":\"query Me { me { name } }\",\"variables\":{}}",
        "me");
    Matcher matcher = matcher();

    assertThat(
            answer(
                matcher,
                request(
                    "POST",
                    "https://api.example.test/graphql",
                    "{\"variables\":{},\"operationName\":\"Me\",\"query\":\"query Me { me { name } }\"}")))
        .isEqualTo("me");
    assertThat(
            answer(
                matcher,
                request(
                    "POST",
                    "https://api.example.test/graphql",
                    "{\"operationName\":\"Cart\",\"query\":\"query Cart { cart { id } }\",\"variables\":{}}")))
        .isEqualTo("cart");
  }

  @Test
  void query_order_does_not_matter_and_form_bodies_compare_as_fields() {
    record("GET", "https://shop.example.test/search?q=shoes&page=2", null, "page 2");
    record(
        "POST",
        "https://auth.example.test/token",
        "grant_type=client_credentials&scope=read",
        "token");
    Matcher matcher = matcher();

    assertThat(
            answer(
                matcher, request("GET", "https://shop.example.test/search?page=2&q=shoes", null)))
        .isEqualTo("page 2");
    assertThat(
            answer(
                matcher,
                request(
                    "POST",
                    "https://auth.example.test/token",
                    "scope=read&grant_type=client_credentials")))
        .isEqualTo("token");
  }

  @Test
  void values_redacted_at_record_time_match_any_value() {
    record(
        "POST",
        "https://auth.example.test/token",
        "grant_type=password&username=bob&password=-REDACTED-",
        "token");
    record("GET", "https://api.example.test/me?api_key=-REDACTED-", null, "me");
    record(
        "POST",
        "https://api.example.test/charge",
        "{\"card\":\"-REDACTED-\",\"amount\":1200}",
        "charged");
    Matcher matcher = matcher();

    assertThat(
            answer(
                matcher,
                request(
                    "POST",
                    "https://auth.example.test/token",
                    "grant_type=password&username=bob&password=hunter2")))
        .isEqualTo("token");
    assertThat(answer(matcher, request("GET", "https://api.example.test/me?api_key=k-123", null)))
        .isEqualTo("me");
    assertThat(
            answer(
                matcher,
                request(
                    "POST",
                    "https://api.example.test/charge",
                    "{\"amount\":1200,\"card\":\"4242424242424242\"}")))
        .isEqualTo("charged");
    assertThat(
            matcher.match(
                request(
                    "POST",
                    "https://api.example.test/charge",
                    "{\"amount\":9900,\"card\":\"4242424242424242\"}")))
        .isInstanceOf(Matcher.Miss.class);
  }

  @Test
  void identical_requests_are_answered_in_recorded_order_then_the_last_repeats() {
    record("GET", "https://jobs.example.test/status/7", null, "queued");
    record("GET", "https://jobs.example.test/status/7", null, "running");
    record("GET", "https://jobs.example.test/status/7", null, "done");
    Matcher matcher = matcher();
    MockRequest poll = request("GET", "https://jobs.example.test/status/7", null);

    assertThat(
            List.of(
                answer(matcher, poll),
                answer(matcher, poll),
                answer(matcher, poll),
                answer(matcher, poll)))
        .containsExactly("queued", "running", "done", "done");
  }

  @Test
  void ignored_query_parameters_headers_and_json_paths_are_left_out() {
    record(
        "POST",
        "https://api.example.test/events?ts=1700000000",
        "{\"type\":\"click\",\"meta\":{\"requestId\":\"r-1\",\"sentAt\":\"2026-01-01T00:00:00Z\"}}",
        "ok",
        new Header("X-Amz-Target", "Events.Put"));
    Matcher lenient =
        new Matcher(
            recorded,
            new Leniency(
                Set.of("ts"),
                Set.of("X-Amz-Target"),
                Set.of("$.meta"),
                Leniency.OPERATION_HEADERS));

    assertThat(
            answer(
                lenient,
                request(
                    "POST",
                    "https://api.example.test/events?ts=1800000000",
                    "{\"type\":\"click\",\"meta\":{\"requestId\":\"r-2\",\"sentAt\":\"2026-12-08T00:00:00Z\"}}",
                    new Header("X-Amz-Target", "Events.Other"))))
        .isEqualTo("ok");
    assertThat(
            lenient.match(
                request(
                    "POST",
                    "https://api.example.test/events?ts=1",
                    "{\"type\":\"scroll\",\"meta\":{}}")))
        .isInstanceOf(Matcher.Miss.class);
  }

  @Test
  void a_miss_names_the_closest_recorded_call_first_with_each_difference() {
    record("GET", "https://shop.example.test/orders/1", null, "order 1");
    record(
        "POST",
        "https://payments.example.test/v1/charges",
        "{\"amount\":1200,\"currency\":\"eur\",\"items\":[{\"sku\":\"A\"}]}",
        "charged");
    record("POST", "https://payments.example.test/v1/refunds", "{\"amount\":1200}", "refunded");
    Matcher matcher = matcher();

    Matcher.Outcome outcome =
        matcher.match(
            request(
                "POST",
                "https://payments.example.test/v1/charges?idempotent=1",
                "{\"amount\":1300,\"currency\":\"eur\",\"items\":[{\"sku\":\"B\"}]}"));

    assertThat(outcome).isInstanceOf(Matcher.Miss.class);
    List<Matcher.NearMiss> nearest = ((Matcher.Miss) outcome).nearest();
    assertThat(nearest.get(0).call().id()).isEqualTo(2);
    assertThat(nearest.get(0).differences())
        .extracting(Difference::describe)
        .containsExactlyInAnyOrder(
            "query idempotent: not recorded, got 1",
            "body $.amount: expected 1200, got 1300",
            "body $.items[0].sku: expected \"A\", got \"B\"");
    assertThat(nearest.get(1).call().id()).as("another path on the same host next").isEqualTo(3);
  }

  @Test
  void a_mocks_address_taken_for_the_upstream_matches_any_host_and_an_alias_by_its_name() {
    record("GET", "https://payments.example.test:8443/v1/balance", null, "balance");
    Matcher matcher = matcher();
    MockRequest viaOwnAddress =
        new MockRequest(
            MockRequest.Via.UPSTREAM,
            "GET",
            "http",
            "127.0.0.1",
            18080,
            "/v1/balance",
            null,
            List.of(),
            new byte[0]);
    MockRequest viaAlias =
        new MockRequest(
            MockRequest.Via.UPSTREAM,
            "GET",
            "http",
            "payments.example.test",
            18080,
            "/v1/balance",
            null,
            List.of(),
            new byte[0]);
    MockRequest otherHost =
        new MockRequest(
            MockRequest.Via.UPSTREAM,
            "GET",
            "http",
            "ledger.example.test",
            18080,
            "/v1/balance",
            null,
            List.of(),
            new byte[0]);

    assertThat(answer(matcher, viaOwnAddress)).isEqualTo("balance");
    assertThat(answer(matcher, viaAlias)).isEqualTo("balance");
    assertThat(matcher.match(otherHost)).isInstanceOf(Matcher.Miss.class);
  }
}
