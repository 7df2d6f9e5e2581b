package dev.kubereplay.server.traffic.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.kubereplay.server.http.ContentCodingsFixtures;
import dev.kubereplay.server.traffic.PairQuery;
import dev.kubereplay.server.traffic.TrafficService;
import dev.kubereplay.server.traffic.TrafficTesting;
import dev.kubereplay.server.traffic.model.RRPair;
import dev.kubereplay.server.traffic.model.Snapshot;
import dev.kubereplay.server.traffic.model.StoredPair;
import dev.kubereplay.server.traffic.redact.Redactor;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A desktop recording in front of an upstream that answers with a gzip bomb: the client gets the
 * upstream's bytes untouched, the pair is stored with the body still coded and tagged, and the
 * proxy and the store go on working.
 */
class CodingBombRecordingTest {

  @TempDir Path dir;

  private final byte[] bomb = ContentCodingsFixtures.gzipBomb();
  private HttpServer upstream;

  @BeforeEach
  void startUpstream() throws Exception {
    upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    upstream.createContext(
        "/feed",
        exchange -> {
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.getResponseHeaders().add("Content-Encoding", "gzip");
          exchange.sendResponseHeaders(200, bomb.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bomb);
          }
        });
    upstream.createContext(
        "/ok",
        exchange -> {
          byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    upstream.start();
  }

  @AfterEach
  void stopUpstream() {
    upstream.stop(0);
  }

  @Test
  void passes_a_gzip_bomb_on_untouched_and_stores_it_coded_and_tagged() throws Exception {
    TrafficService service = TrafficTesting.service(dir.resolve("data"));
    Recording recording =
        service.record(
            "rec-1",
            "127.0.0.1:0",
            "http://127.0.0.1:" + upstream.getAddress().getPort(),
            false,
            "bomb",
            List.of(),
            Recording.Listener.NONE);
    String proxy = "http://127.0.0.1:" + recording.address().getPort();
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade: the proxy refuses upgrades
            .proxy(HttpClient.Builder.NO_PROXY)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    HttpResponse<byte[]> feed =
        client.send(
            HttpRequest.newBuilder(URI.create(proxy + "/feed?token=abc"))
                .header("Accept-Encoding", "gzip")
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<byte[]> unasked = // the upstream codes it though the client did not ask
        client.send(
            HttpRequest.newBuilder(URI.create(proxy + "/feed"))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<String> after =
        client.send(
            HttpRequest.newBuilder(URI.create(proxy + "/ok"))
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Snapshot snapshot = recording.stop();

    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(feed.body()).isEqualTo(bomb);
    assertThat(unasked.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(unasked.body()).isEqualTo(bomb);
    assertThat(after.body()).isEqualTo("{\"ok\":true}");
    List<RRPair> pairs =
        service.pairs(new PairQuery(snapshot.id(), null, null, null, 0, 10)).pairs().stream()
            .map(StoredPair::pair)
            .toList();
    assertThat(pairs).hasSize(3);
    RRPair kept = pairs.get(0);
    assertThat(kept.url()).startsWith("http://127.0.0.1:").contains("/feed");
    assertThat(kept.responseBody()).isEqualTo(bomb);
    assertThat(kept.responseBodyEncoding()).isEqualTo("gzip");
    assertThat(kept.tags())
        .containsEntry(
            Redactor.KEPT_CODED,
            "response body kept gzip-coded, not checked for credentials:"
                + " gzip expands past the 64 MiB decoding limit");
    assertThat(pairs.get(1).responseBody()).isEqualTo(bomb);
    assertThat(pairs.get(1).tags()).containsKey(Redactor.KEPT_CODED);
    assertThat(new String(pairs.get(2).responseBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"ok\":true}");
    assertThat(pairs.get(2).tags()).doesNotContainKey(Redactor.KEPT_CODED);
  }
}
