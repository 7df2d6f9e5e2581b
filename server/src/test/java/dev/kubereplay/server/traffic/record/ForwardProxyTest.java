package dev.kubereplay.server.traffic.record;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.traffic.model.Direction;
import dev.kubereplay.server.traffic.model.RRPair;
import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The forward proxy a local app uses as its HTTP_PROXY. */
class ForwardProxyTest extends ProxyTestSupport {

  @Test
  void a_forward_proxy_records_outbound_pairs_to_the_real_host() throws Exception {
    try (RecordingProxy forward = new RecordingProxy(ProxyOptions.forward(0), sink)) {
      InetSocketAddress address = forward.start();
      OkHttpClient app = client.newBuilder().proxy(new Proxy(Proxy.Type.HTTP, address)).build();
      try (Response response =
          app.newCall(new Request.Builder().url(upstream.uri() + "/hello").build()).execute()) {
        assertThat(response.body().string()).isEqualTo("hello");
      }
    }
    sink.awaitEntries(1, 5000);

    RRPair pair = sink.pairs().get(0);
    assertThat(pair.direction()).isEqualTo(Direction.OUT);
    assertThat(pair.url()).isEqualTo(upstream.uri() + "/hello");
    assertThat(pair.host()).isEqualTo("127.0.0.1:" + upstream.port());
    assertThat(upstream.receivedHeaderNames.get(0)).doesNotContain("Proxy-Connection");
  }

  @Test
  void https_tunnelling_is_refused_with_501_and_skipped() throws Exception {
    try (RecordingProxy forward = new RecordingProxy(ProxyOptions.forward(0), sink)) {
      int port = forward.start().getPort();
      String response =
          rawExchange(port, "CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n");

      assertThat(response).startsWith("HTTP/1.1 501").contains("CONNECT example.test:443");
    }
    sink.awaitEntries(1, 5000);
    assertThat(sink.pairs()).isEmpty();
    assertThat(sink.skips().get(0).reason())
        .isEqualTo("HTTPS tunnelling (CONNECT) is not recorded");
  }

  @Test
  void a_forward_proxy_refuses_requests_that_are_not_proxy_requests() throws Exception {
    try (RecordingProxy forward = new RecordingProxy(ProxyOptions.forward(0), sink)) {
      int port = forward.start().getPort();
      try (Response response =
          call(new Request.Builder().url("http://127.0.0.1:" + port + "/hello").build())) {
        assertThat(response.code()).isEqualTo(400);
        assertThat(response.body().string()).contains("HTTP_PROXY");
      }
    }
    assertThat(sink.skips()).hasSize(1);
  }
}
