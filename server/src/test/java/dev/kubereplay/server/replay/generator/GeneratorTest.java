package dev.kubereplay.server.replay.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.server.replay.compare.Mismatch;
import dev.kubereplay.server.replay.compare.ResponseComparison;
import dev.kubereplay.server.replay.responder.Timing;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.StoredPair;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generator against a real build on loopback: what it sends and how it judges the answers. */
class GeneratorTest {

  private Server target;
  private URI base;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    target = new Server();
    ServerConnector connector = new ServerConnector(target);
    connector.setHost("127.0.0.1");
    target.addConnector(connector);
    target.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            String path = request.getHttpURI().getPath();
            paths.add(path);
            String authorization = request.getHeaders().get("Authorization");
            authorizations.add(authorization == null ? "(none)" : authorization);
            if (path.equals("/slow")) {
              Thread.sleep(3000);
            }
            String body =
                path.startsWith("/orders/8")
                    ? "{\"id\":\"" + UUID.randomUUID() + "\",\"status\":\"refunded\"}"
                    : "{\"id\":\""
                        + UUID.randomUUID()
                        + "\",\"at\":\""
                        + Instant.now()
                        + "\",\"status\":\"paid\"}";
            response.getHeaders().put("Content-Type", "application/json");
            response.write(true, StandardCharsets.UTF_8.encode(body), callback);
            return true;
          }
        });
    target.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @AfterEach
  void stop() throws Exception {
    target.stop();
  }

  private static StoredPair pair(long id, String path, String answer, Header... headers) {
    return new StoredPair(
        id,
        "snap",
        path,
        new RRPair(
            null,
            Direction.IN,
            Instant.parse("2026-11-25T16:00:00Z").plusMillis(id * 200),
            12,
            "http",
            "shop.example.test",
            "GET",
            "https://shop.example.test" + path,
            "HTTP/1.1",
            List.of(headers),
            new byte[0],
            null,
            200,
            "OK",
            List.of(new Header("Content-Type", "application/json")),
            answer.getBytes(StandardCharsets.UTF_8),
            null,
            Map.of()));
  }

  private static final String PAID =
      "{\"id\":\"3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b\",\"at\":\"2026-11-25T16:00:01Z\",\"status\":\"paid\"}";

  private List<Outcome> run(ReplayPlan plan, List<StoredPair> pairs) throws InterruptedException {
    List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    new Generator(plan, pairs, outcomes::add).run();
    return outcomes;
  }

  private ReplayPlan plan(
      int vus, double rate, int times, Timing timing, List<HeaderRule> headers, Duration timeout) {
    return new ReplayPlan(
        base, vus, rate, null, times, timing, headers, timeout, ResponseComparison.Options.DEFAULT);
  }

  @Test
  void answers_that_differ_only_in_ids_and_times_pass_and_a_changed_field_fails_by_its_path()
      throws Exception {
    List<Outcome> outcomes =
        run(ReplayPlan.once(base), List.of(pair(1, "/orders/7", PAID), pair(2, "/orders/8", PAID)));

    assertThat(outcomes).hasSize(2);
    Outcome seven = outcomes.stream().filter(o -> o.pairId() == 1).findFirst().orElseThrow();
    Outcome eight = outcomes.stream().filter(o -> o.pairId() == 2).findFirst().orElseThrow();
    assertThat(seven.passed()).isTrue();
    assertThat(seven.noise()).contains("$.id", "$.at");
    assertThat(eight.passed()).isFalse();
    assertThat(eight.mismatches())
        .extracting(Mismatch::describe)
        .containsExactly(
            "$.at: missing, recorded \"2026-11-25T16:00:01Z\"",
            "$.status: expected \"paid\", got \"refunded\"");
    assertThat(eight.endpoint()).isEqualTo("GET /orders/8");
  }

  @Test
  void credentials_come_from_the_environment_at_run_time_and_redacted_ones_are_not_sent()
      throws Exception {
    HeaderRule token =
        HeaderRule.parse("Authorization=Bearer ${API_TOKEN}", Map.of("API_TOKEN", "t-123"));

    run(
        plan(1, 0, 1, Timing.NONE, List.of(token), Duration.ofSeconds(30)),
        List.of(pair(1, "/orders/7", PAID, new Header("Authorization", "Bearer -REDACTED-"))));
    run(
        ReplayPlan.once(base),
        List.of(pair(1, "/orders/7", PAID, new Header("Authorization", "Bearer -REDACTED-"))));

    assertThat(authorizations).containsExactly("Bearer t-123", "(none)");
    assertThat(token.toString()).doesNotContain("t-123");
    assertThatThrownBy(() -> HeaderRule.parse("Authorization=Bearer ${NOT_SET}", Map.of()))
        .hasMessage("--header Authorization: the environment variable NOT_SET is not set");
  }

  @Test
  void virtual_users_and_times_send_each_request_that_often() throws Exception {
    List<StoredPair> pairs =
        List.of(
            pair(1, "/orders/7", PAID), pair(2, "/orders/9", PAID), pair(3, "/orders/10", PAID));

    List<Outcome> outcomes =
        run(plan(4, 0, 5, Timing.NONE, List.of(), Duration.ofSeconds(30)), pairs);

    assertThat(outcomes).hasSize(15);
    assertThat(paths.stream().filter("/orders/9"::equals).count()).isEqualTo(5);
    assertThat(outcomes).allMatch(Outcome::passed);
  }

  @Test
  void a_rate_limit_spaces_the_requests_out() throws Exception {
    long started = System.nanoTime();

    run(
        plan(4, 10, 11, Timing.NONE, List.of(), Duration.ofSeconds(30)),
        List.of(pair(1, "/orders/7", PAID)));

    assertThat(paths).hasSize(11);
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("11 requests at 10 per second take at least a second")
        .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
  }

  @Test
  void an_unreachable_target_and_a_slow_one_fail_each_request_with_its_kind() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    ReplayPlan unreachable =
        new ReplayPlan(
            URI.create("http://127.0.0.1:" + closed),
            1,
            0,
            null,
            1,
            Timing.NONE,
            List.of(),
            Duration.ofSeconds(10),
            ResponseComparison.Options.DEFAULT);

    List<Outcome> refused = run(unreachable, List.of(pair(1, "/orders/7", PAID)));
    List<Outcome> slow =
        run(
            plan(2, 0, 1, Timing.NONE, List.of(), Duration.ofMillis(500)),
            List.of(pair(1, "/slow", PAID), pair(2, "/orders/7", PAID)));

    assertThat(refused)
        .singleElement()
        .satisfies(o -> assertThat(o.error()).isEqualTo(Outcome.Failure.CONNECT));
    assertThat(slow)
        .anySatisfy(
            o -> {
              assertThat(o.pairId()).isEqualTo(1);
              assertThat(o.error()).isEqualTo(Outcome.Failure.TIMEOUT);
            });
    assertThat(slow)
        .as("the slow one fails only itself")
        .anySatisfy(
            o -> {
              assertThat(o.pairId()).isEqualTo(2);
              assertThat(o.passed()).isTrue();
            });
  }

  @Test
  void a_stopped_run_ends_without_sending_the_rest() throws Exception {
    List<Outcome> outcomes = new ArrayList<>();
    Generator[] generator = new Generator[1];
    generator[0] =
        new Generator(
            new ReplayPlan(
                base,
                1,
                0,
                Duration.ofMinutes(10),
                0,
                Timing.NONE,
                List.of(),
                Duration.ofSeconds(30),
                ResponseComparison.Options.DEFAULT),
            List.of(pair(1, "/orders/7", PAID)),
            outcome -> {
              synchronized (outcomes) {
                outcomes.add(outcome);
                if (outcomes.size() == 3) {
                  generator[0].stop();
                }
              }
            });

    generator[0].run();

    assertThat(generator[0].stoppedEarly()).isTrue();
    assertThat(outcomes.size()).isBetween(3, 4);
  }
}
