package dev.kubereplay.server.traffic.record;

import dev.kubereplay.server.http.Upstream;
import dev.kubereplay.server.traffic.PairSink;
import dev.kubereplay.server.traffic.model.RRPair;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A recording HTTP proxy on the desktop. As a reverse proxy it forwards every request to one
 * upstream (the workload, run locally) and records the exchanges as {@code IN} pairs; as a forward
 * proxy ({@code HTTP_PROXY} of a local app) it sends each request to the host it names and records
 * them as {@code OUT} pairs (the app's dependencies). Each complete exchange goes to the sink as it
 * happens, one at a time. Bodies are recorded byte for byte, compressed ones in their encoding;
 * hop-by-hop headers are not forwarded. An upstream that cannot be reached is answered with 502 and
 * recorded as such (tag {@code kubereplay.error}). HTTPS through the forward proxy ({@code
 * CONNECT}) is refused with 501 and skipped.
 */
public final class RecordingProxy implements AutoCloseable {

  private final ProxyOptions options;
  private final PairSink sink;
  private Server server;
  private Upstream upstream;
  private InetSocketAddress address;

  public RecordingProxy(ProxyOptions options, PairSink sink) {
    this.options = options;
    this.sink = new OneAtATime(sink);
  }

  /**
   * Starts listening.
   *
   * @return the address bound (the port chosen when 0 was asked for)
   * @throws IOException when the address cannot be bound (e.g. the port is taken)
   * @throws IllegalStateException when already started
   */
  public synchronized InetSocketAddress start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("the recording proxy is already running on " + address);
    }
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("kubereplay-record");
    threads.setDaemon(true);
    Server jetty = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendDateHeader(false);
    http.setUriCompliance(UriCompliance.UNSAFE); // pass paths on as the client wrote them
    ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
    connector.setHost(options.listen().getHostString());
    connector.setPort(options.listen().getPort());
    // on stop, kept-alive connections with no exchange in flight are closed at once
    connector.setShutdownIdleTimeout(50);
    jetty.addConnector(connector);
    Upstream client = new Upstream();
    jetty.setHandler(new GracefulHandler(new ProxyHandler(options, client, sink)));
    jetty.setStopTimeout(options.stopTimeout().toMillis());
    try {
      jetty.start();
    } catch (Exception e) {
      stopQuietly(jetty);
      throw e instanceof IOException io
          ? io
          : new IOException("cannot listen on " + options.listen() + ": " + e.getMessage(), e);
    }
    InetSocketAddress bound =
        new InetSocketAddress(options.listen().getAddress(), connector.getLocalPort());
    if (loopsToItself(bound)) {
      stopQuietly(jetty);
      throw new IllegalArgumentException(
          "the upstream " + options.upstream() + " is this proxy itself");
    }
    server = jetty;
    upstream = client;
    address = bound;
    return bound;
  }

  /** The address bound, or null when not running. */
  public synchronized InetSocketAddress address() {
    return address;
  }

  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * Stops listening, then waits for the exchanges in flight to finish and be recorded, up to the
   * stop timeout; those still running then are cut off. Does nothing when not running.
   */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      stopQuietly(server);
      upstream.close();
    } finally {
      server = null;
      upstream = null;
      address = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  private boolean loopsToItself(InetSocketAddress bound) {
    if (options.forward()) {
      return false;
    }
    int port =
        options.upstream().getPort() >= 0
            ? options.upstream().getPort()
            : options.upstream().getScheme().equalsIgnoreCase("https") ? 443 : 80;
    if (port != bound.getPort()) {
      return false;
    }
    try {
      InetAddress host = InetAddress.getByName(options.upstream().getHost());
      return host.isLoopbackAddress()
          || host.isAnyLocalAddress()
          || host.equals(bound.getAddress());
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void stopQuietly(Server jetty) {
    try {
      jetty.stop();
    } catch (Exception e) {
      // stopping is best effort: what is still open is closed with the JVM's sockets
    }
  }

  /** Jetty answers on many threads; the sink is handed one exchange at a time. */
  private static final class OneAtATime implements PairSink {
    private final PairSink sink;

    OneAtATime(PairSink sink) {
      this.sink = sink;
    }

    @Override
    public synchronized void accept(RRPair pair) {
      sink.accept(pair);
    }

    @Override
    public synchronized void skip(String entry, String reason) {
      sink.skip(entry, reason);
    }
  }
}
