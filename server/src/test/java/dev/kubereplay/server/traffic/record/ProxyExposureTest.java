package dev.kubereplay.server.traffic.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.server.listen.ListenRefusedException;
import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.sources.CollectingSink;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The recording proxy binds beyond loopback only when remote clients are allowed explicitly. */
class ProxyExposureTest {

  private static final InetSocketAddress ANY = new InetSocketAddress("0.0.0.0", 0);

  private static ProxyOptions forwardOn(InetSocketAddress listen, boolean remoteClientsAllowed) {
    return new ProxyOptions(
        listen,
        null,
        true,
        ImportOptions.DEFAULT_MAX_BODY_BYTES,
        ProxyOptions.DEFAULT_STOP_TIMEOUT,
        remoteClientsAllowed);
  }

  @Test
  void a_forward_proxy_on_the_wildcard_address_is_refused_without_the_flag() {
    assertThatThrownBy(() -> forwardOn(ANY, false))
        .isInstanceOf(ListenRefusedException.class)
        .hasMessageContaining("the recording proxy listens on loopback only: 0.0.0.0:0")
        .hasMessageContaining("send requests through it to every host this machine can reach")
        .hasMessageContaining("--allow-remote-clients");
  }

  @Test
  void a_reverse_proxy_names_its_upstream_as_the_risk() {
    assertThatThrownBy(
            () ->
                new ProxyOptions(
                    new InetSocketAddress("::", 8081),
                    URI.create("http://127.0.0.1:8080"),
                    false,
                    1024,
                    Duration.ZERO))
        .isInstanceOf(ListenRefusedException.class)
        .hasMessageContaining("[0:0:0:0:0:0:0:0]:8081 is not a loopback address")
        .hasMessageContaining("send requests through it to http://127.0.0.1:8080");
  }

  @Test
  void with_the_flag_it_binds_the_wildcard_address_and_records() throws Exception {
    try (TestUpstream upstream = new TestUpstream()) {
      CollectingSink sink = new CollectingSink();
      try (RecordingProxy proxy = new RecordingProxy(forwardOn(ANY, true), sink)) {
        InetSocketAddress bound = proxy.start();

        assertThat(bound.getAddress().isAnyLocalAddress()).as("bound %s", bound).isTrue();
        assertThat(bound.getPort()).isPositive();
        // reached here over loopback, as tests only send traffic to loopback
        OkHttpClient viaProxy =
            new OkHttpClient.Builder()
                .proxy(
                    new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", bound.getPort())))
                .callTimeout(Duration.ofSeconds(20))
                .build();
        try (Response response =
            viaProxy
                .newCall(new Request.Builder().url(upstream.uri() + "/hello").build())
                .execute()) {
          assertThat(response.code()).isEqualTo(200);
          response.body().string();
        }
        proxy.stop();
        viaProxy.connectionPool().evictAll();
      }
      assertThat(sink.pairs()).hasSize(1);
      assertThat(sink.pairs().get(0).url()).isEqualTo(upstream.uri() + "/hello");
    }
  }
}
