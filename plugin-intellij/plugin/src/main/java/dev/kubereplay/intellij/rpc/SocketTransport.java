package dev.kubereplay.intellij.rpc;

import dev.kubereplay.protocol.ServerLaunch;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A server started by hand with {@code serve --port N}, reached on 127.0.0.1: the token goes first,
 * then the protocol. The server is gone when the connection ends.
 */
public final class SocketTransport implements ServerTransport {

  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final int port;
  private final InputStream input;
  private final CompletableFuture<ServerExit> exited = new CompletableFuture<>();

  private SocketTransport(Socket socket, int port) throws IOException {
    this.socket = socket;
    this.port = port;
    this.input = new EndWatch(socket.getInputStream());
  }

  /**
   * Connects to the server on 127.0.0.1:{@code port} and presents {@code token}.
   *
   * @throws ServerUnavailableException naming the port when nothing answers there
   */
  public static SocketTransport connect(int port, String token) throws ServerUnavailableException {
    Socket socket = new Socket();
    try {
      socket.connect(
          new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MILLIS);
      socket.getOutputStream().write(ServerLaunch.tokenLine(token));
      socket.getOutputStream().flush();
      return new SocketTransport(socket, port);
    } catch (IOException e) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // it did not open
      }
      throw new ServerUnavailableException(
          ServerExit.notStarted(
              "Cannot connect to the kubereplay server on 127.0.0.1:"
                  + port
                  + " ("
                  + ServerLaunch.ATTACH_PORT_VARIABLE
                  + "): "
                  + e.getMessage()));
    }
  }

  @Override
  public InputStream input() {
    return input;
  }

  @Override
  public OutputStream output() {
    try {
      return socket.getOutputStream();
    } catch (IOException e) {
      throw new IllegalStateException("the socket to the server is closed", e);
    }
  }

  @Override
  public CompletableFuture<ServerExit> exited() {
    return exited;
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // closed either way
    }
    ended();
  }

  private void ended() {
    exited.complete(
        new ServerExit(
            "The kubereplay server on 127.0.0.1:" + port + " closed the connection.", List.of()));
  }

  /** Notices the end of the server's stream, which is the end of the server for this client. */
  private final class EndWatch extends FilterInputStream {
    EndWatch(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      return watch(() -> super.read());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      return watch(() -> super.read(buffer, offset, length));
    }

    private int watch(Read read) throws IOException {
      try {
        int result = read.run();
        if (result < 0) {
          ended();
        }
        return result;
      } catch (IOException e) {
        ended();
        throw e;
      }
    }
  }

  @FunctionalInterface
  private interface Read {
    int run() throws IOException;
  }
}
