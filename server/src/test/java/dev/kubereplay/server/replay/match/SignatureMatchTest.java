package dev.kubereplay.server.replay.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.replay.responder.MockRequest;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Matching by signature gives what comparing part by part gives, reading fewer pairs. */
class SignatureMatchTest {

  private static final String[] HOSTS = {"api.test", "api.test:8443", "other.test"};
  private static final String[] PATHS = {"/v1/items", "/v1/items/7", "/graphql", "/form"};
  private static final String[] VALUES = {
    "1", "1.0", "1.00", "\"1\"", "2", "\"a\"", "\"-REDACTED-\"", "true", "\"true\""
  };

  private static RRPair pair(
      String host, String method, String url, List<Header> headers, String body) {
    return new RRPair(
        null,
        Direction.OUT,
        Instant.EPOCH,
        1,
        "http",
        host,
        method,
        "http://" + host + url,
        "HTTP/1.1",
        headers,
        body.getBytes(StandardCharsets.UTF_8),
        null,
        200,
        "OK",
        List.of(new Header("Content-Type", "application/json")),
        ("{\"n\":" + url.length() + "}").getBytes(StandardCharsets.UTF_8),
        null,
        Map.of());
  }

  /** A request or recorded call drawn from a small space, so that many of them coincide. */
  private record Drawn(
      String host, String method, String path, String query, List<Header> headers, String body) {}

  private static Drawn draw(Random random) {
    String path = PATHS[random.nextInt(PATHS.length)];
    String method = path.equals("/v1/items") && random.nextBoolean() ? "GET" : "POST";
    List<Header> headers = new ArrayList<>();
    String body = "";
    if (path.equals("/form")) {
      headers.add(new Header("Content-Type", "application/x-www-form-urlencoded"));
      body = random.nextBoolean() ? "a=1&b=2" : "b=2&a=" + random.nextInt(2);
    } else if (method.equals("POST")) {
      String[] types = {"application/json", "application/json; charset=utf-8", "text/plain"};
      headers.add(new Header("Content-Type", types[random.nextInt(types.length)]));
      String x = VALUES[random.nextInt(VALUES.length)];
      String y = VALUES[random.nextInt(VALUES.length)];
      body =
          random.nextBoolean()
              ? "{\"x\":" + x + ",\"y\":" + y + "}"
              : "{ \"y\": " + y + ", \"x\": " + x + " }";
    }
    if (random.nextInt(4) == 0) {
      headers.add(new Header("X-Amz-Target", random.nextBoolean() ? "Svc.Get" : "Svc.Put"));
    }
    String query =
        switch (random.nextInt(4)) {
          case 0 -> null;
          case 1 -> "a=1&b=2";
          case 2 -> "b=2&a=1";
          default -> "a=" + (random.nextBoolean() ? "-REDACTED-" : "x+y");
        };
    return new Drawn(HOSTS[random.nextInt(HOSTS.length)], method, path, query, headers, body);
  }

  private static MockRequest request(Drawn drawn, MockRequest.Via via) {
    String host = drawn.host().replaceFirst(":.*", "");
    int port =
        drawn.host().contains(":") ? Integer.parseInt(drawn.host().replaceFirst(".*:", "")) : -1;
    if (via == MockRequest.Via.UPSTREAM && port < 0) {
      host = "127.0.0.1"; // an app pointed at the mocks' own address
    }
    return new MockRequest(
        via,
        drawn.method(),
        "http",
        host,
        port,
        drawn.path(),
        drawn.query(),
        drawn.headers(),
        drawn.body().getBytes(StandardCharsets.UTF_8));
  }

  private static String describe(Matcher.Outcome outcome) {
    if (outcome instanceof Matcher.Hit hit) {
      return "hit " + hit.call().id() + " #" + hit.repeat();
    }
    StringBuilder text = new StringBuilder("miss");
    for (Matcher.NearMiss near : ((Matcher.Miss) outcome).nearest()) {
      text.append(' ').append(near.call().id()).append(near.differences());
    }
    return text.toString();
  }

  @Test
  void random_requests_get_the_same_answers_by_signature_as_by_comparing_every_part() {
    int bySignature = 0;
    for (long seed = 1; seed <= 40; seed++) {
      Random random = new Random(seed);
      List<Matcher.Recorded> recorded = new ArrayList<>();
      int count = 5 + random.nextInt(60);
      for (int i = 0; i < count; i++) {
        Drawn d = draw(random);
        String url = d.path() + (d.query() == null ? "" : "?" + d.query());
        recorded.add(
            new Matcher.Recorded(i + 1, pair(d.host(), d.method(), url, d.headers(), d.body())));
      }
      Leniency leniency =
          seed % 5 == 0
              ? new Leniency(Set.of(), Set.of(), Set.of("$.y"), Leniency.OPERATION_HEADERS)
              : Leniency.DEFAULT;
      Matcher fast = Matcher.inMemory(recorded, leniency, true);
      Matcher compared = Matcher.inMemory(recorded, leniency, false);
      CallIndex index = new CallIndex(leniency);
      recorded.forEach(call -> index.add(call.id(), call.pair()));
      index.finish();
      SignatureMatch signatures = new SignatureMatch(index, leniency);
      for (int i = 0; i < 300; i++) {
        MockRequest request = request(draw(random), MockRequest.Via.values()[random.nextInt(3)]);
        if (signatures.hits(request) != null) {
          bySignature++;
        }
        assertThat(describe(fast.match(request)))
            .as("seed %d, request %d: %s", seed, i, request)
            .isEqualTo(describe(compared.match(request)));
      }
    }
    // the signature answered a good share of them, so both ways were really compared
    assertThat(bySignature).isGreaterThan(200);
  }

  @Test
  void look_alike_calls_to_one_url_are_answered_reading_only_the_pair_that_answers() {
    Map<Long, RRPair> store = new HashMap<>();
    Matcher.Loader loader = Matcher.loader(Leniency.DEFAULT);
    for (long id = 1; id <= 1000; id++) {
      RRPair pair =
          pair(
              "api.test",
              "POST",
              "/graphql",
              List.of(new Header("Content-Type", "application/json")),
              "{\"query\":\"q" + id + "\",\"variables\":{\"id\":" + id + "}}");
      store.put(id, pair);
      loader.add(id, pair);
    }
    AtomicInteger reads = new AtomicInteger();
    Matcher matcher =
        loader.build(
            id -> {
              reads.incrementAndGet();
              return store.get(id);
            });
    MockRequest request =
        new MockRequest(
            MockRequest.Via.PROXY,
            "POST",
            "http",
            "api.test",
            -1,
            "/graphql",
            null,
            List.of(new Header("Content-Type", "application/json")),
            "{\"variables\":{\"id\":734},\"query\":\"q734\"}".getBytes(StandardCharsets.UTF_8));

    Matcher.Outcome outcome = matcher.match(request);

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Matcher.Hit.class, hit -> assertThat(hit.call().id()).isEqualTo(734));
    assertThat(reads).hasValue(1);
  }

  @Test
  void a_miss_among_many_recorded_calls_reads_only_those_that_can_rank_among_the_closest() {
    Map<Long, RRPair> store = new HashMap<>();
    Matcher.Loader loader = Matcher.loader(Leniency.DEFAULT);
    for (long id = 1; id <= 1000; id++) {
      String url = id <= 3 ? "/items/5?page=" + (id == 2 ? 9 : id) : "/other/" + id;
      RRPair pair = pair("api.test", "GET", url, List.of(), "");
      store.put(id, pair);
      loader.add(id, pair);
    }
    AtomicInteger reads = new AtomicInteger();
    Matcher matcher =
        loader.build(
            id -> {
              reads.incrementAndGet();
              return store.get(id);
            });

    Matcher.Outcome outcome =
        matcher.match(
            new MockRequest(
                MockRequest.Via.PROXY,
                "GET",
                "http",
                "api.test",
                -1,
                "/items/5",
                "page=2",
                List.of(),
                new byte[0]));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            Matcher.Miss.class,
            miss -> {
              assertThat(miss.nearest())
                  .extracting(near -> near.call().id())
                  .containsExactly(1L, 2L, 3L);
              assertThat(miss.nearest().get(0).differences())
                  .extracting(Difference::part)
                  .containsExactly(Difference.Part.QUERY);
            });
    assertThat(reads).hasValue(3);
  }
}
