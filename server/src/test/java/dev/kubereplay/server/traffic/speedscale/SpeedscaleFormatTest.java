package dev.kubereplay.server.traffic.speedscale;

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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpeedscaleFormatTest {

  @TempDir Path dir;

  private final SpeedscaleFormat format = new SpeedscaleFormat();

  private CollectingSink read(Path file) throws IOException {
    return read(file, ImportOptions.defaults());
  }

  private CollectingSink read(Path file, ImportOptions options) throws IOException {
    CollectingSink sink = new CollectingSink();
    format.read(file, options, sink, TrafficFormat.Cancellation.NEVER);
    return sink;
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void reads_http_pairs_with_the_direction_the_file_gives() throws IOException {
    CollectingSink sink = read(TrafficSamples.copy(dir, "speedscale/raw.jsonl"));

    assertThat(sink.pairs()).hasSize(5);
    assertThat(sink.pairs())
        .extracting(RRPair::direction)
        .containsExactly(Direction.IN, Direction.OUT, Direction.OUT, Direction.OUT, Direction.IN);
  }

  @Test
  void an_inbound_pair_keeps_url_headers_body_and_response() throws IOException {
    RRPair order =
        read(TrafficSamples.copy(dir, "speedscale/raw.jsonl")).pair("/api/orders/42?expand=items");

    assertThat(order.uuid()).isEqualTo("b6Zr0Xb2QxOeYF1dGzJ2aA==");
    assertThat(order.url()).isEqualTo("http://orders.shop.svc:8080/api/orders/42?expand=items");
    assertThat(order.host()).isEqualTo("orders.shop.svc:8080");
    assertThat(order.method()).isEqualTo("GET");
    assertThat(order.protocol()).isEqualTo("http");
    assertThat(order.httpVersion()).isEqualTo("HTTP/1.1");
    assertThat(order.timestamp()).isEqualTo(Instant.parse("2025-03-04T10:15:30.123456Z"));
    assertThat(order.durationMillis()).isEqualTo(18);
    assertThat(order.requestHeaders()).contains(new Header("User-Agent", "curl/8.5.0"));
    assertThat(order.status()).isEqualTo(200);
    assertThat(order.statusMessage()).isEqualTo("OK");
    assertThat(order.responseHeaders())
        .containsSubsequence(
            new Header("Set-Cookie", "a=1; Path=/"), new Header("Set-Cookie", "b=2; Path=/"));
    assertThat(new String(order.responseBody(), StandardCharsets.UTF_8))
        .contains("\"status\": \"SHIPPED\"");
    assertThat(order.tags())
        .containsEntry("proxyLocation", "in")
        .containsEntry("speedscale.service", "orders")
        .containsEntry("speedscale.namespace", "shop");
  }

  @Test
  void an_outbound_https_pair_gets_an_https_url_and_its_offset_timestamp() throws IOException {
    RRPair payment = read(TrafficSamples.copy(dir, "speedscale/raw.jsonl")).pair("/v1/payments");

    assertThat(payment.url()).isEqualTo("https://payments.example.net/v1/payments");
    assertThat(payment.host()).isEqualTo("payments.example.net");
    assertThat(payment.httpVersion()).isEqualTo("HTTP/2");
    assertThat(payment.timestamp()).isEqualTo(Instant.parse("2025-03-04T09:15:30.131Z"));
    assertThat(payment.durationMillis()).isEqualTo(42);
    assertThat(payment.status()).isEqualTo(201);
    assertThat(new String(payment.requestBody(), StandardCharsets.UTF_8))
        .contains("\"orderId\": 42");
  }

  @Test
  void compressed_bodies_keep_their_bytes_and_encoding_unless_speedscale_decoded_them()
      throws IOException {
    CollectingSink sink = read(TrafficSamples.copy(dir, "speedscale/raw.jsonl"));

    RRPair gzipped = sink.pair("/stock/A-1");
    assertThat(gzipped.responseBodyEncoding()).isEqualTo("gzip");
    assertThat(gunzip(gzipped.responseBody())).isEqualTo("{\"sku\": \"A-1\", \"available\": 17}");

    RRPair decoded = sink.pair("/stock/B-7");
    assertThat(decoded.responseBodyEncoding()).isNull();
    assertThat(new String(decoded.responseBody(), StandardCharsets.UTF_8))
        .isEqualTo("{\"sku\":\"B-7\",\"available\":0}");
  }

  @Test
  void binary_bodies_are_kept_byte_for_byte() throws IOException {
    RRPair upload =
        read(TrafficSamples.copy(dir, "speedscale/raw.jsonl")).pair("/api/orders/42/receipt");

    assertThat(upload.requestBody()).hasSize(8 + 256);
    assertThat(upload.requestBody()[0]).isEqualTo((byte) 0x89);
    assertThat(upload.requestBody()[8 + 255]).isEqualTo((byte) 0xff);
    assertThat(upload.status()).isEqualTo(204);
    assertThat(upload.responseBody()).isEmpty();
  }

  @Test
  void non_http_pairs_and_other_messages_are_skipped_with_the_reason() throws IOException {
    CollectingSink sink = read(TrafficSamples.copy(dir, "speedscale/raw.jsonl"));

    assertThat(sink.skips())
        .extracting(CollectingSink.Skip::entry, CollectingSink.Skip::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "line 5", "not HTTP (l7protocol \"grpc\"): only HTTP pairs are replayed"),
            org.assertj.core.groups.Tuple.tuple("line 6", "not an RR pair (msgType \"metadata\")"),
            org.assertj.core.groups.Tuple.tuple(
                "line 7", "not HTTP (l7protocol \"postgres\"): only HTTP pairs are replayed"));
  }

  @Test
  void a_pair_without_direction_follows_the_outbound_hosts() throws IOException {
    Path file =
        write(
            "raw.jsonl",
            """
            {"msgType":"rrpair","ts":"2025-01-01T00:00:00Z","l7protocol":"http",\
            "http":{"req":{"url":"/x","method":"GET","host":"api.partner.test"},\
            "res":{"statusCode":200}}}
            """);

    CollectingSink sink = read(file, new ImportOptions(Set.of("api.partner.test"), 1024, null));

    assertThat(sink.pairs()).singleElement().extracting(RRPair::direction).isEqualTo(Direction.OUT);
    assertThat(sink.pairs().get(0).durationMillis()).isEqualTo(-1);
  }

  @Test
  void the_host_falls_back_to_the_network_address_without_speedscales_zero_port()
      throws IOException {
    Path file =
        write(
            "raw.jsonl",
            """
            {"msgType":"rrpair","ts":"2025-01-01T00:00:00Z","l7protocol":"https",\
            "network_address":"s3.amazonaws.com:0","direction":"OUT",\
            "http":{"req":{"url":"/bucket/key","method":"GET"},"res":{"statusCode":404}}}
            """);

    RRPair pair = read(file).pairs().get(0);

    assertThat(pair.url()).isEqualTo("https://s3.amazonaws.com/bucket/key");
    assertThat(pair.host()).isEqualTo("s3.amazonaws.com");
  }

  @Test
  void malformed_json_names_the_line_and_column() throws IOException {
    Path file =
        write(
            "raw.jsonl",
            """
            {"msgType":"rrpair","l7protocol":"http","http":{"req":{"url":"/a","method":"GET"}}}
            {"msgType":"rrpair","l7protocol":"http" "http":{}}
            """);

    assertThatThrownBy(() -> read(file))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 2, column")
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void a_truncated_file_fails_naming_where_it_ends() throws IOException {
    Path full = TrafficSamples.copy(dir, "speedscale/raw.jsonl");
    byte[] bytes = Files.readAllBytes(full);
    Path cut = Files.write(dir.resolve("cut.jsonl"), java.util.Arrays.copyOf(bytes, 1500));

    assertThatThrownBy(() -> read(cut))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("cut.jsonl")
        .hasMessageContaining("line 2")
        .hasMessageContaining("truncated");
  }

  @Test
  void an_empty_file_fails() throws IOException {
    assertThatThrownBy(() -> read(write("empty.jsonl", "")))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("empty file");
    assertThatThrownBy(() -> read(write("blank.jsonl", "\n  \n")))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("empty file");
  }

  @Test
  void a_har_given_as_speedscale_is_named_as_the_wrong_format() throws IOException {
    Path har = write("capture.har", "{\"log\": {\"version\": \"1.2\", \"entries\": []}}");

    assertThatThrownBy(() -> read(har))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("not a Speedscale snapshot: it looks like a HAR file");
    assertThat(format.recognizes(har)).isFalse();
  }

  @Test
  void a_body_over_the_limit_fails_naming_the_line() throws IOException {
    Path file = TrafficSamples.copy(dir, "speedscale/raw.jsonl");

    assertThatThrownBy(() -> read(file, new ImportOptions(Set.of(), 50, null)))
        .isInstanceOf(ImportException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("larger than the limit of 50 B");
  }

  @Test
  void invalid_base64_skips_the_pair_with_the_reason() throws IOException {
    Path file =
        write(
            "raw.jsonl",
            """
            {"msgType":"rrpair","l7protocol":"http","direction":"IN",\
            "http":{"req":{"url":"/a","method":"POST","host":"h","bodyBase64":"***"}}}
            """);

    CollectingSink sink = read(file);

    assertThat(sink.pairs()).isEmpty();
    assertThat(sink.skips())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.entry()).isEqualTo("line 1");
              assertThat(s.reason()).startsWith("invalid bodyBase64");
            });
  }

  @Test
  void cancellation_stops_between_lines() throws IOException {
    Path file = TrafficSamples.copy(dir, "speedscale/raw.jsonl");
    CollectingSink sink = new CollectingSink();
    int[] asked = {0};

    assertThatThrownBy(
            () -> format.read(file, ImportOptions.defaults(), sink, () -> ++asked[0] > 2))
        .isInstanceOf(CancellationException.class);
    assertThat(sink.pairs()).hasSize(2);
  }

  @Test
  void recognizes_a_raw_jsonl_by_its_first_bytes() throws IOException {
    assertThat(format.recognizes(TrafficSamples.copy(dir, "speedscale/raw.jsonl"))).isTrue();
    assertThat(format.recognizes(write("other.jsonl", "{\"seq\":1,\"method\":\"GET\"}\n")))
        .isFalse();
    assertThat(format.recognizes(dir)).isFalse();
  }

  @Test
  void progress_reaches_the_end_of_the_file() throws IOException {
    Path file = TrafficSamples.copy(dir, "speedscale/raw.jsonl");

    assertThat(read(file).lastProgress()).isEqualTo(Files.size(file));
  }

  private static String gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
