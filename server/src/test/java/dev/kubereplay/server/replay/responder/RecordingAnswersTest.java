package dev.kubereplay.server.replay.responder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.replay.match.Leniency;
import dev.kubereplay.server.replay.match.Matcher;
import dev.kubereplay.server.replay.tls.HostCertificates;
import dev.kubereplay.server.replay.tls.LocalCa;
import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.Header;
import dev.kubereplay.server.traffic.model.RRPair;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recorded answers through a real listener, as an app behind the proxy sees them. */
class RecordingAnswersTest {

  @TempDir Path data;
  private final List<Matcher.Recorded> recorded = new ArrayList<>();
  private final List<RecordingAnswers.Event> log = new CopyOnWriteArrayList<>();
  private MockListener mocks;
  private OkHttpClient client;

  @AfterEach
  void stop() {
    if (mocks != null) {
      mocks.close();
    }
  }

  private void record(String url, long millis, List<Header> headers, byte[] body, String encoding) {
    recorded.add(
        new Matcher.Recorded(
            recorded.size() + 1,
            new RRPair(
                null,
                Direction.OUT,
                Instant.EPOCH,
                millis,
                "http",
                url.replaceFirst("^https?://", "").replaceFirst("/.*", ""),
                "GET",
                url,
                "HTTP/1.1",
                List.of(),
                new byte[0],
                null,
                200,
                "OK",
                headers,
                body,
                encoding,
                Map.of())));
  }

  private void start(Timing timing) throws IOException {
    mocks =
        new MockListener(
            new InetSocketAddress("127.0.0.1", 0),
            1 << 20,
            new HostCertificates(LocalCa.loadOrCreate(data), "localhost"),
            new RecordingAnswers(new Matcher(recorded, Leniency.DEFAULT), timing, log::add));
    InetSocketAddress address = mocks.start();
    client =
        new OkHttpClient.Builder()
            .proxy(new Proxy(Proxy.Type.HTTP, address))
            .callTimeout(Duration.ofSeconds(60))
            .build();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void recorded_bodies_come_back_in_their_coding_or_plain_without_a_stale_coding_header()
      throws IOException {
    record(
        "http://api.example.test/coded",
        5,
        List.of(
            new Header("Content-Type", "application/json"), new Header("Content-Encoding", "gzip")),
        gzip("{\"coded\":true}"),
        "gzip");
    // a HAR holds bodies decoded while keeping the response's Content-Encoding header
    record(
        "http://api.example.test/decoded",
        5,
        List.of(
            new Header("Content-Type", "application/json"), new Header("Content-Encoding", "br")),
        "{\"decoded\":true}".getBytes(StandardCharsets.UTF_8),
        null);
    start(Timing.NONE);

    try (Response coded =
        client
            .newCall(new Request.Builder().url("http://api.example.test/coded").build())
            .execute()) {
      assertThat(coded.body().string()).isEqualTo("{\"coded\":true}"); // OkHttp undid the gzip
    }
    try (Response decoded =
        client
            .newCall(new Request.Builder().url("http://api.example.test/decoded").build())
            .execute()) {
      assertThat(decoded.header("Content-Encoding")).isNull();
      assertThat(decoded.body().string()).isEqualTo("{\"decoded\":true}");
    }
    assertThat(log).extracting(e -> e.outcome() instanceof Matcher.Hit).containsExactly(true, true);
  }

  @Test
  void a_miss_cannot_be_taken_for_a_recorded_answer_and_says_what_came_closest()
      throws IOException {
    record(
        "http://api.example.test/orders/1",
        5,
        List.of(),
        "order".getBytes(StandardCharsets.UTF_8),
        null);
    start(Timing.NONE);

    try (Response miss =
        client
            .newCall(new Request.Builder().url("http://api.example.test/orders/2").build())
            .execute()) {
      assertThat(miss.code()).isEqualTo(RecordingAnswers.MISS_STATUS);
      assertThat(miss.header("X-Kubereplay-Mock")).isEqualTo("miss");
      assertThat(miss.body().string())
          .contains("no recorded call matches GET http://api.example.test/orders/2")
          .contains("1. pair 1: GET http://api.example.test/orders/1")
          .contains("path: expected /orders/1, got /orders/2");
    }
    assertThat(log)
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isInstanceOf(Matcher.Miss.class));
  }

  @Test
  void
      with_recorded_timing_an_answer_takes_as_long_as_it_did_and_an_event_stream_arrives_event_by_event()
          throws IOException {
    record(
        "http://llm.example.test/slow",
        1500,
        List.of(),
        "slow".getBytes(StandardCharsets.UTF_8),
        null);
    record(
        "http://llm.example.test/stream",
        3000,
        List.of(new Header("Content-Type", "text/event-stream")),
        "data: one\n\ndata: two\n\ndata: three\n\n".getBytes(StandardCharsets.UTF_8),
        null);
    start(Timing.RECORDED);

    long started = System.nanoTime();
    try (Response slow =
        client
            .newCall(new Request.Builder().url("http://llm.example.test/slow").build())
            .execute()) {
      assertThat(slow.body().string()).isEqualTo("slow");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("no sooner than recorded")
        .isGreaterThanOrEqualTo(Duration.ofMillis(1500));

    try (Response stream =
        client
            .newCall(new Request.Builder().url("http://llm.example.test/stream").build())
            .execute()) {
      BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(stream.body().byteStream(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).isEqualTo("data: one");
      long first = System.nanoTime();
      List<String> rest = lines.lines().filter(line -> !line.isEmpty()).toList();
      assertThat(rest).containsExactly("data: two", "data: three");
      assertThat(Duration.ofNanos(System.nanoTime() - first))
          .as("the later events came after the first, spread over the recorded time")
          .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    }
  }

  @Test
  void timings_are_read_as_users_write_them() {
    assertThat(Timing.parse("none").delayMillis(800)).isZero();
    assertThat(Timing.parse("recorded").delayMillis(800)).isEqualTo(800);
    assertThat(Timing.parse("2x").delayMillis(800)).isEqualTo(400);
    assertThat(Timing.parse("0.5x").delayMillis(800)).isEqualTo(1600);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Timing.parse("fast"))
        .hasMessage("'fast' is not a timing: use none, recorded, or a speed such as 2x or 0.5x");
  }
}
