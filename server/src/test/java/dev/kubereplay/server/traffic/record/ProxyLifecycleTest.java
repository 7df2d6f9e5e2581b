package dev.kubereplay.server.traffic.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.server.traffic.model.RRPair;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Starting, stopping, limits and failures of the recording proxy. */
class ProxyLifecycleTest extends ProxyTestSupport {

  @Test
  void an_unreachable_upstream_is_answered_502_and_recorded() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    URI dead = URI.create("http://127.0.0.1:" + closed);
    try (RecordingProxy broken = new RecordingProxy(ProxyOptions.reverse(0, dead), sink)) {
      int port = broken.start().getPort();
      try (Response response =
          call(new Request.Builder().url("http://127.0.0.1:" + port + "/hello").build())) {
        assertThat(response.code()).isEqualTo(502);
        assertThat(response.body().string()).contains("upstream " + dead + " failed");
      }
    }
    sink.awaitEntries(1, 5000);

    RRPair pair = sink.pairs().get(0);
    assertThat(pair.status()).isEqualTo(502);
    assertThat(pair.url()).isEqualTo(dead + "/hello");
    assertThat(pair.tags()).containsKey("kubereplay.error");
    assertThat(pair.tags().get("kubereplay.error")).contains(dead.toString());
  }

  @Test
  void a_request_body_over_the_limit_is_refused_and_skipped() throws Exception {
    try (RecordingProxy small =
        new RecordingProxy(ProxyOptions.reverse(0, upstream.uri()).withMaxBodyBytes(1024), sink)) {
      int port = small.start().getPort();
      Request post =
          new Request.Builder()
              .url("http://127.0.0.1:" + port + "/echo")
              .post(RequestBody.create(new byte[4096], MediaType.get("application/octet-stream")))
              .build();
      try (Response response = call(post)) {
        assertThat(response.code()).isEqualTo(413);
      }
    }
    assertThat(sink.pairs()).isEmpty();
    assertThat(sink.skips().get(0).reason()).contains("over the recording limit of 1 KiB");
    assertThat(upstream.receivedHeaderNames).isEmpty();
  }

  @Test
  void stopping_while_idle_closes_the_port_without_waiting_out_the_stop_timeout() throws Exception {
    // A stop timeout far longer than the deadline below: a stop that waited for it (for an idle
    // kept-alive connection, say) fails this on any machine, however loaded.
    try (RecordingProxy patient =
        new RecordingProxy(
            ProxyOptions.reverse(0, upstream.uri()).withStopTimeout(Duration.ofMinutes(5)), sink)) {
      int port = patient.start().getPort();
      try (Response response = call(new Request.Builder().url(base(port) + "/hello").build())) {
        assertThat(response.code()).isEqualTo(200);
      }

      CompletableFuture<Void> stopped = CompletableFuture.runAsync(patient::stop);

      stopped.get(60, TimeUnit.SECONDS);
      assertThat(patient.isRunning()).isFalse();
      assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
          .isInstanceOf(IOException.class);
      patient.stop(); // twice is fine
    }
  }

  private static String base(int port) {
    return "http://127.0.0.1:" + port;
  }

  @Test
  void stopping_waits_for_a_slow_exchange_in_flight_and_records_it() throws Exception {
    CompletableFuture<String> slow =
        CompletableFuture.supplyAsync(
            () -> {
              try (Response response = call(new Request.Builder().url(base + "/slow").build())) {
                return response.code() + " " + response.body().string();
              } catch (IOException e) {
                return e.toString();
              }
            });
    assertThat(upstream.slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
    long started = System.nanoTime();

    proxy.stop();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(800));
    assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("200 slow");
    assertThat(sink.pairs())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.url()).endsWith("/slow");
              assertThat(p.durationMillis()).isGreaterThanOrEqualTo(1000);
            });
  }

  @Test
  void starting_twice_and_incomplete_options_are_refused() {
    assertThatThrownBy(() -> proxy.start()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                new ProxyOptions(
                    new InetSocketAddress("127.0.0.1", 0), null, false, 1, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upstream");
    assertThatThrownBy(() -> ProxyOptions.reverse(0, URI.create("ftp://x/")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
