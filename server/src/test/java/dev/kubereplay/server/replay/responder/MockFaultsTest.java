package dev.kubereplay.server.replay.responder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.replay.tls.HostCertificates;
import dev.kubereplay.server.replay.tls.LocalCa;
import dev.kubereplay.server.traffic.model.Header;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
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

/**
 * What clients that misbehave get from the mocks, over real sockets: each a clear answer or a
 * closed connection, and the mocks go on answering everyone else.
 */
class MockFaultsTest {

  private static final int BIG = 32 * 1024 * 1024;
  private static final long DEADLINE_NANOS = Duration.ofSeconds(30).toNanos();

  @TempDir Path data;
  private final byte[] big = new byte[BIG];
  private MockListener mocks;
  private InetSocketAddress address;
  private LocalCa ca;

  @BeforeEach
  void start() throws IOException {
    Arrays.fill(big, (byte) 'x');
    ca = LocalCa.loadOrCreate(data);
    mocks =
        new MockListener(
            new InetSocketAddress("127.0.0.1", 0),
            1024,
            new HostCertificates(ca, "localhost"),
            request ->
                switch (request.path()) {
                  case "/big" ->
                      new MockAnswer(200, List.of(new Header("Content-Type", "text/plain")), big);
                  case "/stream" ->
                      new MockAnswer(
                          200,
                          List.of(new Header("Content-Type", "text/event-stream")),
                          "data: 1\n\ndata: 2\n\ndata: 3\n\ndata: 4\n\n"
                              .getBytes(StandardCharsets.UTF_8),
                          8_000);
                  default -> MockAnswer.text(200, "ok " + request.path());
                });
    address = mocks.start();
  }

  @AfterEach
  void stop() {
    mocks.close();
  }

  private OkHttpClient proxied() {
    return new OkHttpClient.Builder()
        .proxy(new Proxy(Proxy.Type.HTTP, address))
        .callTimeout(Duration.ofSeconds(30))
        .build();
  }

  private void assertServes(OkHttpClient client, String url) throws IOException {
    try (Response response = client.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).as(url).isEqualTo(200);
      assertThat(response.body().string()).startsWith("ok /");
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket(address.getAddress(), address.getPort());
    socket.setSoTimeout(30_000);
    return socket;
  }

  @Test
  void malformed_http_is_answered_400_and_the_next_request_is_served() throws IOException {
    try (Socket socket = connect()) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "\u0001\u0002 NOT HTTP AT ALL \u00ff\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = readAll(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 400 ");
    }

    assertServes(proxied(), "http://payments.example.test/after-garbage");
  }

  @Test
  void clients_that_go_away_mid_response_leave_nothing_behind_and_others_are_served()
      throws Exception {
    OkHttpClient client = proxied();
    assertServes(client, "http://payments.example.test/warm-up");
    int threadsBefore = mockThreads();

    for (int i = 0; i < 10; i++) {
      try (Socket socket = connect()) {
        send(
            socket,
            "GET http://payments.example.test/big HTTP/1.1\r\nHost: payments.example.test\r\n\r\n");
        byte[] some = socket.getInputStream().readNBytes(64 * 1024);
        assertThat(new String(some, 0, 15, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200");
      } // closed with most of the 32 MiB unread
      try (Socket socket = connect()) {
        send(
            socket,
            "GET http://llm.example.test/stream HTTP/1.1\r\nHost: llm.example.test\r\n\r\n");
        String first = readUntil(socket.getInputStream(), "data: 1");
        assertThat(first).startsWith("HTTP/1.1 200").contains("text/event-stream");
      } // closed while the other events wait on the scheduler
      assertServes(client, "http://payments.example.test/between-" + i);
    }

    for (int i = 0; i < 20; i++) {
      assertServes(client, "http://payments.example.test/after-" + i);
    }
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (mockThreads() > threadsBefore + 2 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(mockThreads())
        .as("the mocks' threads once the abandoned responses are gone")
        .isLessThanOrEqualTo(threadsBefore + 2);
  }

  @Test
  void a_body_over_the_limit_is_refused_naming_the_limit_in_human_units() throws IOException {
    Request upload =
        new Request.Builder()
            .url("http://payments.example.test/upload")
            .post(RequestBody.create(new byte[2048], MediaType.get("application/octet-stream")))
            .build();
    try (Response response = proxied().newCall(upload).execute()) {
      assertThat(response.code()).isEqualTo(413);
      assertThat(response.body().string())
          .isEqualTo("kubereplay mocks read request bodies up to 1 KiB; this one is longer.\n");
    }

    assertServes(proxied(), "http://payments.example.test/after-upload");
  }

  @Test
  void garbage_inside_a_connect_tunnel_closes_the_tunnel_and_the_mocks_serve_on() throws Exception {
    try (Socket socket = connect()) {
      send(
          socket,
          "CONNECT payments.example.test:443 HTTP/1.1\r\nHost: payments.example.test:443\r\n\r\n");
      assertThat(readUntil(socket.getInputStream(), "\r\n\r\n")).startsWith("HTTP/1.1 200");
      send(socket, "GET / HTTP/1.1\r\nHost: payments.example.test\r\n\r\n"); // no TLS
      readAll(socket.getInputStream()); // a TLS alert at most, then the end
    }

    X509TrustManager trust = trust();
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, null);
    OkHttpClient https =
        new OkHttpClient.Builder()
            .proxy(new Proxy(Proxy.Type.HTTP, address))
            .sslSocketFactory(context.getSocketFactory(), trust)
            .callTimeout(Duration.ofSeconds(30))
            .build();
    assertServes(https, "https://payments.example.test/after-tls-garbage");
    assertServes(proxied(), "http://payments.example.test/after-tls-garbage");
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** Everything until the mocks close the connection; fails after 30 s of silence. */
  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      all.write(buffer, 0, n);
    }
    return all.toString(StandardCharsets.ISO_8859_1);
  }

  private static String readUntil(InputStream in, String end) throws IOException {
    StringBuilder text = new StringBuilder();
    while (text.indexOf(end) < 0) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before '" + end + "': " + text);
      }
      text.append((char) b);
    }
    return text.toString();
  }

  private static int mockThreads() {
    return (int)
        Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("kubereplay-mocks"))
            .count();
  }

  private X509TrustManager trust() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(ca.truststore())) {
      store.load(in, LocalCa.TRUSTSTORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }
}
