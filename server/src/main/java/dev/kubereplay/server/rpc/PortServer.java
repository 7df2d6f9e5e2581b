package dev.kubereplay.server.rpc;

import dev.kubereplay.server.ServerEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code serve --port}: the protocol on a loopback port, one session per connection, for clients
 * that present the token first ({@link TokenHandshake}). Each connection has its own thread; a
 * client that sends nothing is closed after {@link #TOKEN_TIMEOUT}.
 */
public final class PortServer implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(PortServer.class.getName());

  /** How long a new connection may take to present its token. */
  static final Duration TOKEN_TIMEOUT = Duration.ofSeconds(30);

  private final ServerSocket socket;
  private final ServerEnvironment environment;
  private final ConnectionToken token;
  private final PrintWriter trace;
  private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

  private PortServer(
      ServerSocket socket,
      ServerEnvironment environment,
      ConnectionToken token,
      PrintWriter trace) {
    this.socket = socket;
    this.environment = environment;
    this.token = token;
    this.trace = trace;
  }

  /**
   * Listens on the loopback address, never another: loopback is as far as a server holding the
   * user's kube credentials may be reached.
   *
   * @param port 0 for any free port
   * @param trace where every protocol message is written, or null
   */
  public static PortServer open(
      ServerEnvironment environment, int port, ConnectionToken token, PrintWriter trace)
      throws IOException {
    ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    return new PortServer(socket, environment, token, trace);
  }

  /** The port listened on. */
  public int port() {
    return socket.getLocalPort();
  }

  /** The address listened on: always a loopback address. */
  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Accepts connections until {@link #close()}. */
  public void serve() throws IOException {
    while (true) {
      Socket client;
      try {
        client = socket.accept();
      } catch (SocketException e) {
        if (socket.isClosed()) {
          return;
        }
        throw e;
      }
      connections.add(client);
      Thread thread = new Thread(() -> serve(client), "kubereplay-connection");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Stops listening and closes every connection. */
  @Override
  public void close() throws IOException {
    socket.close();
    for (Socket client : connections) {
      client.close();
    }
  }

  private void serve(Socket client) {
    String peer = String.valueOf(client.getRemoteSocketAddress());
    try (client) {
      client.setSoTimeout((int) TOKEN_TIMEOUT.toMillis());
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      if (!TokenHandshake.check(in, out, token)) {
        LOG.warning("refused a connection from " + peer + ": it did not present the token");
        return;
      }
      client.setSoTimeout(0);
      LOG.info("client connected from " + peer);
      try (RpcServer server = RpcServer.start(environment, in, out, trace)) {
        server.listening().get();
      }
      LOG.info("client disconnected");
    } catch (IOException | ExecutionException e) {
      LOG.log(Level.INFO, "connection from " + peer + " ended: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      connections.remove(client);
    }
  }
}
