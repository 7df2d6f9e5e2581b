package dev.kubereplay.server.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The floor of the mocks benchmark (not a test): a bare Jetty 12 handler on one loopback port that
 * reads the request body and answers every request with the same 160-byte JSON body, with the
 * thread pool and connector the mocks use. Usage: {@code BareJettyMock PORT}.
 */
public final class BareJettyMock {

  private BareJettyMock() {}

  public static void main(String[] args) throws Exception {
    byte[] body =
        ("{\"id\":\"0000000\",\"name\":\"item 0\",\"price\":12.5,\"currency\":\"EUR\","
                + "\"tags\":[\"a\",\"b\",\"c\"],\"stock\":7,\"updated\":\"2026-12-01T10:00:00Z\","
                + "\"ok\":true,\"pad\":\"xxxxxxx\"}")
            .getBytes(StandardCharsets.UTF_8);
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    Server server = new Server(threads);
    HttpConfiguration configuration = new HttpConfiguration();
    configuration.setSendServerVersion(false);
    configuration.setSendDateHeader(false);
    ServerConnector connector =
        new ServerConnector(server, new HttpConnectionFactory(configuration));
    connector.setHost("127.0.0.1");
    connector.setPort(Integer.parseInt(args[0]));
    server.addConnector(connector);
    server.setHandler(
        new Handler.Abstract() {
          @Override
          public boolean handle(Request request, Response response, Callback callback)
              throws Exception {
            try (var in = org.eclipse.jetty.io.Content.Source.asInputStream(request)) {
              in.readAllBytes(); // as the mocks read every body
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
            response.write(true, ByteBuffer.wrap(body), callback);
            return true;
          }
        });
    server.start();
    System.out.println(
        "listening on " + new InetSocketAddress("127.0.0.1", connector.getLocalPort()));
    server.join();
  }
}
