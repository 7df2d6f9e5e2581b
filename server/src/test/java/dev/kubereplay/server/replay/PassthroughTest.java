package dev.kubereplay.server.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.server.replay.AppClients.Way;
import dev.kubereplay.server.replay.match.Leniency;
import dev.kubereplay.server.replay.responder.Passthrough;
import dev.kubereplay.server.replay.responder.RecordingAnswers;
import dev.kubereplay.server.replay.responder.Timing;
import dev.kubereplay.server.traffic.ImportRequest;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.model.StoredPair;
import dev.kubereplay.server.traffic.redact.RedactionRules;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Misses sent on to a real upstream on loopback, answered with what it says, and kept. */
class PassthroughTest {

  @TempDir Path dir;
  private TrafficService traffic;
  private MockService service;
  private HttpServer upstream;
  private final List<String> upstreamSaw = new CopyOnWriteArrayList<>();
  private final List<RecordingAnswers.Event> log = new CopyOnWriteArrayList<>();
  private String snapshot;

  @BeforeEach
  void start() throws IOException {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/",
        exchange -> {
          byte[] asked = exchange.getRequestBody().readAllBytes();
          upstreamSaw.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " auth="
                  + exchange.getRequestHeaders().getFirst("Authorization")
                  + " body="
                  + new String(asked, StandardCharsets.UTF_8));
          byte[] body = "{\"refund\":\"re_1\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("X-Upstream", "real");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    upstream.start();
    traffic = TrafficService.open(dir.resolve("data"));
    service = new MockService(traffic, dir.resolve("data"));
    snapshot =
        traffic
            .importFile(
                new ImportRequest(
                    Recordings.copy(dir, "chromium-shop.har"),
                    null,
                    "shop",
                    Set.of("payments.example.test"),
                    0,
                    List.of(),
                    null),
                TrafficService.ImportListener.NONE,
                () -> false)
            .snapshot()
            .id();
  }

  @AfterEach
  void stop() {
    service.close();
    upstream.stop(0);
  }

  private MockService.Running mocks(Passthrough passthrough) {
    return mocks(new InetSocketAddress("127.0.0.1", 0), passthrough);
  }

  private MockService.Running mocks(InetSocketAddress listen, Passthrough passthrough) {
    return service.start(
        snapshot,
        new MockService.Options(listen, false, Timing.NONE, Leniency.DEFAULT, 1 << 20, passthrough),
        log::add);
  }

  private String upstreamAuthority() {
    return "127.0.0.1:" + upstream.getAddress().getPort();
  }

  private static Request refund(String url) {
    return new Request.Builder()
        .url(url)
        .header("Authorization", "Bearer sk_live_secret")
        .post(RequestBody.create("{\"amount\":5}", MediaType.get("application/json")))
        .build();
  }

  @Test
  void a_miss_through_the_proxy_is_answered_by_the_real_upstream_and_kept_redacted()
      throws IOException {
    MockService.Running mocks = mocks(new Passthrough(true, null, "refunds"));
    OkHttpClient app = AppClients.client(Way.THROUGH_HTTP_PROXY, mocks.address(), service.ca());

    try (Response response =
        app.newCall(refund("http://" + upstreamAuthority() + "/v1/refunds?live=1")).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header(RecordingAnswers.MARK)).isEqualTo("passthrough");
      assertThat(response.header("X-Upstream")).isEqualTo("real");
      assertThat(response.body().string()).isEqualTo("{\"refund\":\"re_1\"}");
    }
    Request charge =
        new Request.Builder()
            .url("http://payments.example.test/v1/charges")
            .post(new FormBody.Builder().add("currency", "eur").add("amount", "3350").build())
            .build();
    try (Response response = app.newCall(charge).execute()) {
      assertThat(response.code()).as("a recorded call, still from the recording").isEqualTo(201);
      assertThat(response.header(RecordingAnswers.MARK)).isNull();
    }

    assertThat(upstreamSaw)
        .containsExactly("POST /v1/refunds?live=1 auth=Bearer sk_live_secret body={\"amount\":5}");
    assertThat(log)
        .filteredOn(event -> event.passed() != null)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.passed().url())
                  .isEqualTo("http://" + upstreamAuthority() + "/v1/refunds?live=1");
              assertThat(event.passed().status()).isEqualTo(200);
              assertThat(event.passed().kept()).isTrue();
            });
    assertThat(traffic.snapshot(mocks.keptSnapshotId()).state())
        .isEqualTo(Snapshot.State.RECORDING);

    service.stop(mocks.id());

    Snapshot kept = traffic.snapshot(mocks.keptSnapshotId());
    assertThat(kept.name()).isEqualTo("refunds");
    assertThat(kept.state()).isEqualTo(Snapshot.State.COMPLETE);
    List<StoredPair> pairs = new ArrayList<>();
    traffic.recordedPairs().forEach(kept.id(), Direction.OUT, pairs::add);
    assertThat(pairs)
        .singleElement()
        .satisfies(
            stored -> {
              assertThat(stored.pair().url())
                  .isEqualTo("http://" + upstreamAuthority() + "/v1/refunds?live=1");
              assertThat(stored.pair().requestHeaders())
                  .contains(new Header("Authorization", RedactionRules.REDACTED));
              assertThat(stored.pair().status()).isEqualTo(200);
              assertThat(new String(stored.pair().responseBody(), StandardCharsets.UTF_8))
                  .isEqualTo("{\"refund\":\"re_1\"}");
            });
  }

  @Test
  void a_call_that_took_the_mocks_for_its_upstream_goes_only_where_passthrough_to_says()
      throws IOException {
    MockService.Running unaimed = mocks(Passthrough.on());
    OkHttpClient direct = AppClients.client(Way.AS_THE_UPSTREAM, unaimed.address(), service.ca());
    try (Response response =
        direct
            .newCall(refund("http://127.0.0.1:" + unaimed.address().getPort() + "/v1/refunds"))
            .execute()) {
      assertThat(response.code()).isEqualTo(RecordingAnswers.MISS_STATUS);
      assertThat(response.header(RecordingAnswers.MARK)).isEqualTo("miss");
      assertThat(response.body().string())
          .contains("Not passed through")
          .contains("--passthrough-to URL");
    }
    assertThat(upstreamSaw).isEmpty();

    MockService.Running aimed =
        mocks(new Passthrough(true, URI.create("http://" + upstreamAuthority() + "/base/"), null));
    try (Response response =
        direct
            .newCall(refund("http://127.0.0.1:" + aimed.address().getPort() + "/v1/refunds"))
            .execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header(RecordingAnswers.MARK)).isEqualTo("passthrough");
    }
    assertThat(upstreamSaw).singleElement().asString().startsWith("POST /base/v1/refunds ");
    assertThat(aimed.keptSnapshotId()).isNull();
  }

  @Test
  void an_upstream_that_cannot_be_reached_is_answered_502_naming_it() throws IOException {
    int closed;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = free.getLocalPort();
    }
    MockService.Running mocks = mocks(new Passthrough(true, null, "nothing"));
    OkHttpClient app = AppClients.client(Way.THROUGH_HTTP_PROXY, mocks.address(), service.ca());

    try (Response response =
        app.newCall(refund("http://127.0.0.1:" + closed + "/v1/refunds")).execute()) {
      assertThat(response.code()).isEqualTo(502);
      assertThat(response.header(RecordingAnswers.MARK)).isEqualTo("passthrough");
      assertThat(response.body().string())
          .contains("POST http://127.0.0.1:" + closed + "/v1/refunds")
          .contains("passing it through failed: the upstream failed");
    }
    service.stop(mocks.id());
    assertThat(traffic.snapshot(mocks.keptSnapshotId()).outCount())
        .as("a failure is no answer to keep")
        .isZero();
  }

  @Test
  void passthrough_to_the_mocks_own_address_is_refused_as_a_loop() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    Passthrough toItself = new Passthrough(true, URI.create("http://localhost:" + port), "never");

    assertThatThrownBy(() -> mocks(new InetSocketAddress("127.0.0.1", port), toItself))
        .isInstanceOf(ReplayException.class)
        .hasMessageContaining("is the mocks themselves: misses would loop");
    assertThat(traffic.snapshots()).extracting(Snapshot::name).doesNotContain("never");
  }

  @Test
  void keeping_or_aiming_without_passthrough_is_refused_naming_the_option() {
    assertThatThrownBy(() -> new Passthrough(false, null, "kept"))
        .hasMessage("--keep-as needs --passthrough");
    assertThatThrownBy(() -> new Passthrough(true, URI.create("ftp://example.test"), null))
        .hasMessageContaining("must be an http:// or https:// URL");
  }
}
