package dev.kubereplay.server.replay.responder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.replay.tls.HostCertificates;
import dev.kubereplay.server.replay.tls.LocalCa;
import dev.kubereplay.server.traffic.model.Header;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three ways in, on one loopback port, each seen as the request the app meant to send. */
class MockListenerTest {

  @TempDir Path data;
  private final List<MockRequest> seen = new CopyOnWriteArrayList<>();
  private MockListener mocks;
  private InetSocketAddress address;
  private LocalCa ca;

  @BeforeEach
  void start() throws IOException {
    ca = LocalCa.loadOrCreate(data);
    mocks =
        new MockListener(
            new InetSocketAddress("127.0.0.1", 0),
            1024,
            new HostCertificates(ca, "localhost"),
            request -> {
              seen.add(request);
              return new MockAnswer(
                  200,
                  List.of(
                      new Header("Content-Type", "text/plain"),
                      new Header("Connection", "X-Private"),
                      new Header("X-Private", "dropped"),
                      new Header("Content-Length", "999")),
                  (request.scheme() + "://" + request.authority() + request.path())
                      .getBytes(StandardCharsets.UTF_8));
            });
    address = mocks.start();
  }

  @AfterEach
  void stop() {
    mocks.close();
  }

  private OkHttpClient.Builder client() {
    return new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(30));
  }

  private String get(OkHttpClient client, String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("X-Private")).as("hop-by-hop headers dropped").isNull();
      String body = response.body().string();
      assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(body.length()));
      return body;
    }
  }

  @Test
  void as_the_upstream_itself_the_host_header_names_the_host() throws IOException {
    OkHttpClient client =
        client()
            .proxy(Proxy.NO_PROXY)
            .dns(host -> List.of(InetAddress.getLoopbackAddress()))
            .build();

    String body = get(client, "http://payments.example.test:" + address.getPort() + "/v1/charges");

    assertThat(body).isEqualTo("http://payments.example.test:" + address.getPort() + "/v1/charges");
    assertThat(seen)
        .singleElement()
        .satisfies(r -> assertThat(r.via()).isEqualTo(MockRequest.Via.UPSTREAM));
  }

  @Test
  void as_an_http_proxy_the_absolute_url_names_the_host() throws IOException {
    OkHttpClient client = client().proxy(new Proxy(Proxy.Type.HTTP, address)).build();

    String body = get(client, "http://payments.example.test/v1/charges?limit=3");

    assertThat(body).isEqualTo("http://payments.example.test/v1/charges");
    assertThat(seen)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.via()).isEqualTo(MockRequest.Via.PROXY);
              assertThat(r.query()).isEqualTo("limit=3");
              assertThat(r.port()).isEqualTo(-1);
            });
  }

  @Test
  void as_an_https_proxy_tls_ends_in_the_mocks_with_a_certificate_for_the_host() throws Exception {
    X509TrustManager trust = trustFrom(ca.truststore());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new javax.net.ssl.TrustManager[] {trust}, null);
    OkHttpClient client =
        client()
            .proxy(new Proxy(Proxy.Type.HTTP, address))
            .sslSocketFactory(context.getSocketFactory(), trust)
            .build();

    assertThat(get(client, "https://payments.example.test/v1/charges"))
        .isEqualTo("https://payments.example.test/v1/charges");
    assertThat(get(client, "https://127.0.0.9:8443/by-address"))
        .as("an address, for which clients send no server name")
        .isEqualTo("https://127.0.0.9:8443/by-address");
    assertThat(seen).allSatisfy(r -> assertThat(r.via()).isEqualTo(MockRequest.Via.CONNECT));
  }

  @Test
  void a_body_over_the_limit_is_answered_413_and_the_next_request_is_served() throws IOException {
    OkHttpClient client = client().proxy(new Proxy(Proxy.Type.HTTP, address)).build();
    Request big =
        new Request.Builder()
            .url("http://payments.example.test/upload")
            .post(RequestBody.create(new byte[4096], MediaType.get("application/octet-stream")))
            .build();
    try (Response response = client.newCall(big).execute()) {
      assertThat(response.code()).isEqualTo(413);
      assertThat(response.header("X-Kubereplay-Mock")).isEqualTo("refused");
    }
    assertThat(seen).isEmpty();

    assertThat(get(client, "http://payments.example.test/after")).endsWith("/after");
  }

  @Test
  void a_port_in_use_is_named_in_the_error() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      MockListener second =
          new MockListener(
              new InetSocketAddress("127.0.0.1", taken.getLocalPort()),
              1024,
              new HostCertificates(ca, "localhost"),
              request -> MockAnswer.text(200, "unused"));
      org.assertj.core.api.Assertions.assertThatThrownBy(second::start)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort());
    }
  }

  private static X509TrustManager trustFrom(Path truststore) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(truststore)) {
      store.load(in, LocalCa.TRUSTSTORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }
}
