package dev.kubereplay.server.traffic.record;

import dev.kubereplay.server.traffic.sources.CollectingSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A proxy in front of a {@link TestUpstream}, a sink, and clients, for the proxy tests. */
abstract class ProxyTestSupport {

  TestUpstream upstream;
  CollectingSink sink;
  RecordingProxy proxy;
  String base;
  final OkHttpClient client =
      new OkHttpClient.Builder().proxy(Proxy.NO_PROXY).callTimeout(Duration.ofSeconds(20)).build();

  @BeforeEach
  void start() throws Exception {
    upstream = new TestUpstream();
    sink = new CollectingSink();
    proxy = new RecordingProxy(ProxyOptions.reverse(0, upstream.uri()), sink);
    InetSocketAddress address = proxy.start();
    base = "http://127.0.0.1:" + address.getPort();
  }

  @AfterEach
  void stop() throws Exception {
    proxy.stop();
    upstream.close();
    client.connectionPool().evictAll();
  }

  Response call(Request request) throws IOException {
    return client.newCall(request).execute();
  }

  String rawExchange(String request) throws IOException {
    return rawExchange(proxy.address().getPort(), request);
  }

  /** Sends bytes as they are and reads the answer until the proxy closes or 3 s of silence. */
  static String rawExchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(3000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          answer.write(buffer, 0, n);
        }
      } catch (java.net.SocketTimeoutException enough) {
        // a kept-alive connection: what came is the answer
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
