package dev.kubereplay.server.traffic.record;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The service behind the proxy in tests: a Jetty on a free port of 127.0.0.1 with a few endpoints,
 * keeping the header names of every request it got.
 */
final class TestUpstream implements AutoCloseable {

  static final byte[] GZIPPED =
      gzip("{\"compressed\": true, \"padding\": \"" + "x".repeat(200) + "\"}");

  final List<List<String>> receivedHeaderNames = new CopyOnWriteArrayList<>();
  final CountDownLatch slowStarted = new CountDownLatch(1);
  private final Server server = new Server();
  private final ServerConnector connector = new ServerConnector(server);

  TestUpstream() throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Endpoints());
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  int port() {
    return connector.getLocalPort();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class Endpoints extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      receivedHeaderNames.add(request.getHeaders().stream().map(HttpField::getName).toList());
      byte[] body;
      try (InputStream in = Content.Source.asInputStream(request)) {
        body = in.readAllBytes();
      }
      String path = request.getHttpURI().getPath();
      OutputStream out = Content.Sink.asOutputStream(response);
      switch (path) {
        case "/hello" -> {
          response.getHeaders().put("Content-Type", "text/plain");
          response.getHeaders().put("X-Upstream", "yes");
          response.getHeaders().put("Keep-Alive", "timeout=5");
          response.getHeaders().put("Proxy-Authenticate", "Basic realm=upstream");
          out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        case "/echo" -> {
          response.setStatus(201);
          String type = request.getHeaders().get("Content-Type");
          response
              .getHeaders()
              .put("Content-Type", type == null ? "application/octet-stream" : type);
          response.getHeaders().put("Content-Length", Integer.toString(body.length));
          response.getHeaders().put("X-Query", String.valueOf(request.getHttpURI().getQuery()));
          out.write(body);
        }
        case "/gzip" -> {
          response.getHeaders().put("Content-Type", "application/json");
          response.getHeaders().put("Content-Encoding", "gzip");
          response.getHeaders().put("Content-Length", Integer.toString(GZIPPED.length));
          out.write(GZIPPED);
        }
        case "/chunked" -> {
          response.getHeaders().put("Content-Type", "text/plain");
          for (int i = 1; i <= 3; i++) {
            out.write(("part " + i + ";").getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(20);
          }
        }
        case "/headers" -> {
          response.getHeaders().put("Content-Type", "text/plain");
          String names = String.join(",", receivedHeaderNames.get(receivedHeaderNames.size() - 1));
          out.write(names.getBytes(StandardCharsets.UTF_8));
        }
        case "/slow" -> {
          slowStarted.countDown();
          Thread.sleep(1500);
          response.getHeaders().put("Content-Type", "text/plain");
          out.write("slow".getBytes(StandardCharsets.UTF_8));
        }
        default -> response.setStatus(404);
      }
      out.close();
      callback.succeeded();
      return true;
    }
  }

  private static byte[] gzip(String text) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
        gzip.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
