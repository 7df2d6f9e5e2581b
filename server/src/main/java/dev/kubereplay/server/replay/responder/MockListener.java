package dev.kubereplay.server.replay.responder;

import dev.kubereplay.server.replay.tls.HostCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ProxyConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ConnectHandler;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Where the mocks listen, and the three ways a request reaches them on one port: as the upstream
 * itself (its Host header names the host), as an HTTP forward proxy (an absolute URL), and as an
 * HTTPS proxy ({@code CONNECT}). A {@code CONNECT} tunnel is looped into a private TLS connector on
 * loopback that presents a certificate the local CA issues for the host the client names, so what
 * arrives inside is a plain request again, answered by the same {@link Answers}.
 */
public final class MockListener implements AutoCloseable {

  private final Server jetty;
  private final ServerConnector plain;
  private final ServerConnector tls;

  /**
   * @param listen where to listen; the caller has checked it is loopback unless the user said so
   * @param maxBodyBytes the longest request body read; a longer one is answered 413
   */
  public MockListener(
      InetSocketAddress listen, long maxBodyBytes, HostCertificates certificates, Answers answers) {
    QueuedThreadPool threads = new QueuedThreadPool(200, 4);
    threads.setName("kubereplay-mocks");
    jetty = new Server(threads);
    plain = new ServerConnector(jetty, new HttpConnectionFactory(httpConfiguration()));
    plain.setHost(listen.getHostString());
    plain.setPort(listen.getPort());

    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setSslContext(certificates.serverContext());
    HttpConfiguration secure = httpConfiguration();
    SecureRequestCustomizer customizer = new SecureRequestCustomizer();
    // the certificate is issued for whatever name the client sent: nothing to check against
    customizer.setSniHostCheck(false);
    secure.addCustomizer(customizer);
    tls =
        new ServerConnector(
            jetty,
            new ProxyConnectionFactory(),
            new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
            new HttpConnectionFactory(secure));
    tls.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    tls.setPort(0);

    jetty.addConnector(plain);
    jetty.addConnector(tls);
    TunnelsToTls tunnels = new TunnelsToTls();
    tunnels.setHandler(new MockHandler(maxBodyBytes, answers));
    jetty.setHandler(tunnels);
    jetty.setStopTimeout(2_000);
  }

  private static HttpConfiguration httpConfiguration() {
    HttpConfiguration configuration = new HttpConfiguration();
    // Java's HttpURLConnection tunnels with "CONNECT host:443" and "Host: host": the same host,
    // which Jetty would refuse as a mismatched authority
    configuration.setHttpCompliance(
        HttpCompliance.RFC9110.with(
            "kubereplay-mocks", HttpCompliance.Violation.MISMATCHED_AUTHORITY));
    configuration.setSendServerVersion(false);
    configuration.setSendDateHeader(false);
    return configuration;
  }

  /**
   * Starts listening.
   *
   * @return the address it listens on (its port, when 0 was asked)
   * @throws IOException when the address cannot be bound (a port in use, say), naming it
   */
  public InetSocketAddress start() throws IOException {
    try {
      jetty.start();
    } catch (IOException e) {
      stopQuietly();
      throw new IOException(
          "cannot listen on "
              + plain.getHost()
              + ":"
              + plain.getPort()
              + ": "
              + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()),
          e);
    } catch (Exception e) {
      stopQuietly();
      throw new IOException("cannot start the mocks: " + e.getMessage(), e);
    }
    return new InetSocketAddress(plain.getHost(), plain.getLocalPort());
  }

  /** The address it listens on, once started. */
  public InetSocketAddress address() {
    return new InetSocketAddress(plain.getHost(), plain.getLocalPort());
  }

  @Override
  public void close() {
    stopQuietly();
  }

  private void stopQuietly() {
    try {
      jetty.stop();
    } catch (Exception e) {
      // stopping is best effort: what is still open closes with the JVM's sockets
    }
  }

  /**
   * Sends every {@code CONNECT} tunnel to the private TLS connector instead of the host it names.
   * For an IP address (where clients send no server name) a PROXY protocol line first tells that
   * connector which address the client meant, so the certificate can name it.
   */
  private final class TunnelsToTls extends ConnectHandler {

    @Override
    protected void connectToServer(
        Request request, String host, int port, Promise<SocketChannel> promise) {
      SocketChannel channel = null;
      try {
        channel = SocketChannel.open();
        channel.socket().setTcpNoDelay(true);
        channel.connect(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), tls.getLocalPort()));
        channel.write(StandardCharsets.US_ASCII.encode(proxyLine(host, port)));
        channel.configureBlocking(false);
        promise.succeeded(channel);
      } catch (Throwable failure) {
        if (channel != null) {
          try {
            channel.close();
          } catch (IOException ignored) {
            // already failing
          }
        }
        promise.failed(failure);
      }
    }
  }

  /** PROXY protocol v1: the address a client tunnelled to, as the source (see HostCertificates). */
  static String proxyLine(String host, int port) {
    String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (bare.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
      return "PROXY TCP4 " + bare + " 127.0.0.1 " + port + " " + port + "\r\n";
    }
    if (bare.contains(":") && bare.matches("[0-9a-fA-F:.]+")) {
      return "PROXY TCP6 " + bare + " ::1 " + port + " " + port + "\r\n";
    }
    return "PROXY UNKNOWN\r\n";
  }
}
