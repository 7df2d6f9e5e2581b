package dev.kubereplay.server.traffic.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/** Exchanges through the reverse proxy: forwarded as sent, recorded byte for byte. */
class RecordingProxyTest extends ProxyTestSupport {

  @Test
  void a_get_is_forwarded_and_recorded_as_an_inbound_pair() throws Exception {
    Instant before = Instant.now();
    try (Response response = call(new Request.Builder().url(base + "/hello?x=1").build())) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).isEqualTo("hello");
      assertThat(response.header("X-Upstream")).isEqualTo("yes");
    }
    sink.awaitEntries(1, 5000);

    RRPair pair = sink.pairs().get(0);
    assertThat(pair.direction()).isEqualTo(Direction.IN);
    assertThat(pair.method()).isEqualTo("GET");
    assertThat(pair.url()).isEqualTo(upstream.uri() + "/hello?x=1");
    assertThat(pair.host()).isEqualTo("127.0.0.1:" + upstream.port());
    assertThat(pair.httpVersion()).isEqualTo("HTTP/1.1");
    assertThat(pair.timestamp()).isBetween(before, Instant.now());
    assertThat(pair.durationMillis()).isGreaterThanOrEqualTo(0);
    assertThat(pair.status()).isEqualTo(200);
    assertThat(pair.responseHeaders()).contains(new Header("X-Upstream", "yes"));
    assertThat(new String(pair.responseBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(pair.requestHeaders()).extracting(Header::name).contains("Host", "User-Agent");
  }

  @Test
  void a_post_body_goes_both_ways_and_is_recorded() throws Exception {
    String json = "{\"sku\":\"A-1\",\"qty\":2}";
    Request post =
        new Request.Builder()
            .url(base + "/echo?source=test")
            .post(RequestBody.create(json, MediaType.get("application/json")))
            .build();
    try (Response response = call(post)) {
      assertThat(response.code()).isEqualTo(201);
      assertThat(response.body().string()).isEqualTo(json);
      assertThat(response.header("X-Query")).isEqualTo("source=test");
    }
    sink.awaitEntries(1, 5000);

    RRPair pair = sink.pairs().get(0);
    assertThat(pair.method()).isEqualTo("POST");
    assertThat(new String(pair.requestBody(), StandardCharsets.UTF_8)).isEqualTo(json);
    assertThat(pair.requestHeaders())
        .contains(new Header("Content-Type", "application/json; charset=utf-8"));
    assertThat(pair.status()).isEqualTo(201);
    assertThat(new String(pair.responseBody(), StandardCharsets.UTF_8)).isEqualTo(json);
  }

  @Test
  void binary_bodies_are_recorded_byte_for_byte() throws Exception {
    byte[] bytes = new byte[100_000];
    new Random(7).nextBytes(bytes);
    Request put =
        new Request.Builder()
            .url(base + "/echo")
            .put(RequestBody.create(bytes, MediaType.get("application/octet-stream")))
            .build();
    try (Response response = call(put)) {
      assertThat(response.body().bytes()).isEqualTo(bytes);
    }
    sink.awaitEntries(1, 5000);

    RRPair pair = sink.pairs().get(0);
    assertThat(pair.requestBody()).isEqualTo(bytes);
    assertThat(pair.responseBody()).isEqualTo(bytes);
    assertThat(pair.requestBodyEncoding()).isNull();
  }

  @Test
  void gzip_responses_pass_through_compressed_and_are_recorded_in_their_encoding()
      throws Exception {
    Request get =
        new Request.Builder().url(base + "/gzip").header("Accept-Encoding", "gzip").build();
    try (Response response = call(get)) {
      assertThat(response.header("Content-Encoding")).isEqualTo("gzip");
      assertThat(response.body().bytes()).isEqualTo(TestUpstream.GZIPPED);
    }
    sink.awaitEntries(1, 5000);

    RRPair pair = sink.pairs().get(0);
    assertThat(pair.responseBody()).isEqualTo(TestUpstream.GZIPPED);
    assertThat(pair.responseBodyEncoding()).isEqualTo("gzip");
  }

  @Test
  void a_head_request_keeps_the_length_without_a_body() throws Exception {
    Request head =
        new Request.Builder().url(base + "/gzip").head().header("Accept-Encoding", "gzip").build();
    try (Response response = call(head)) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Content-Length"))
          .isEqualTo(Integer.toString(TestUpstream.GZIPPED.length));
      assertThat(response.body().bytes()).isEmpty();
    }
    sink.awaitEntries(1, 5000);

    assertThat(sink.pairs().get(0).method()).isEqualTo("HEAD");
    assertThat(sink.pairs().get(0).responseBody()).isEmpty();
    assertThat(sink.pairs().get(0).responseBodyEncoding()).isNull();
  }

  @Test
  void a_trailing_slash_on_the_upstream_is_not_doubled() throws Exception {
    URI withSlash = URI.create(upstream.uri() + "/");
    try (RecordingProxy prefixed = new RecordingProxy(ProxyOptions.reverse(0, withSlash), sink)) {
      int port = prefixed.start().getPort();
      try (Response response =
          call(new Request.Builder().url("http://127.0.0.1:" + port + "/hello").build())) {
        assertThat(response.body().string()).isEqualTo("hello");
      }
    }
    assertThat(sink.pairs().get(0).url()).isEqualTo(upstream.uri() + "/hello");
  }

  @Test
  void nothing_is_added_to_what_the_client_sent_and_nothing_is_decompressed() throws Exception {
    String headers = rawExchange("GET /headers HTTP/1.1\r\nHost: app\r\nConnection: close\r\n\r\n");
    assertThat(upstream.receivedHeaderNames.get(0))
        .doesNotContain("Accept-Encoding", "User-Agent", "Cookie");

    String gzip = rawExchange("GET /gzip HTTP/1.1\r\nHost: app\r\nConnection: close\r\n\r\n");
    assertThat(gzip).contains("Content-Encoding: gzip");
    sink.awaitEntries(2, 5000);
    RRPair pair = sink.pairs().get(1);
    assertThat(pair.responseBody()).isEqualTo(TestUpstream.GZIPPED);
    assertThat(pair.responseBodyEncoding()).isEqualTo("gzip");
    assertThat(headers).startsWith("HTTP/1.1 200");
  }

  @Test
  void chunked_bodies_are_reassembled_in_the_recording() throws Exception {
    RequestBody streamed =
        new RequestBody() {
          @Override
          public MediaType contentType() {
            return MediaType.get("text/plain");
          }

          @Override
          public long contentLength() {
            return -1; // sent chunked
          }

          @Override
          public void writeTo(BufferedSink out) throws IOException {
            out.writeUtf8("one,");
            out.flush();
            out.writeUtf8("two");
          }
        };
    try (Response response =
        call(new Request.Builder().url(base + "/echo").post(streamed).build())) {
      assertThat(response.body().string()).isEqualTo("one,two");
    }
    try (Response response = call(new Request.Builder().url(base + "/chunked").build())) {
      assertThat(response.body().string()).isEqualTo("part 1;part 2;part 3;");
    }
    sink.awaitEntries(2, 5000);

    assertThat(sink.pairs().get(0).requestBody()).isEqualTo("one,two".getBytes());
    assertThat(sink.pairs().get(0).requestHeaders())
        .contains(new Header("Transfer-Encoding", "chunked"));
    assertThat(new String(sink.pairs().get(1).responseBody(), StandardCharsets.UTF_8))
        .isEqualTo("part 1;part 2;part 3;");
  }

  @Test
  void hop_by_hop_headers_are_not_forwarded() throws Exception {
    String response =
        rawExchange(
            "GET /hello HTTP/1.1\r\nHost: app\r\nConnection: close, X-Hop\r\nX-Hop: 1\r\n"
                + "Keep-Alive: timeout=5\r\nTE: trailers\r\nProxy-Authorization: Basic eDp5\r\n"
                + "X-End-To-End: 1\r\n\r\n");

    assertThat(upstream.receivedHeaderNames.get(0))
        .contains("X-End-To-End")
        .doesNotContain("X-Hop", "Keep-Alive", "TE", "Proxy-Authorization");
    assertThat(response)
        .contains("X-Upstream: yes")
        .doesNotContain("Keep-Alive: timeout=5")
        .doesNotContain("Proxy-Authenticate");
    sink.awaitEntries(1, 5000);
    assertThat(sink.pairs().get(0).requestHeaders()).contains(new Header("X-Hop", "1"));
  }

  @Test
  void concurrent_requests_are_each_recorded() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String body = "request-" + i;
        answers.add(
            pool.submit(
                () -> {
                  Request post =
                      new Request.Builder()
                          .url(base + "/echo")
                          .post(RequestBody.create(body, MediaType.get("text/plain")))
                          .build();
                  try (Response response = call(post)) {
                    return response.body().string();
                  }
                }));
      }
      for (int i = 0; i < 40; i++) {
        assertThat(answers.get(i).get(20, TimeUnit.SECONDS)).isEqualTo("request-" + i);
      }
    } finally {
      pool.shutdownNow();
    }
    sink.awaitEntries(40, 10_000);

    assertThat(sink.pairs()).hasSize(40);
    assertThat(sink.pairs())
        .allSatisfy(p -> assertThat(p.responseBody()).isEqualTo(p.requestBody()));
    assertThat(sink.pairs())
        .extracting(p -> new String(p.requestBody(), StandardCharsets.UTF_8))
        .doesNotHaveDuplicates();
  }
}
