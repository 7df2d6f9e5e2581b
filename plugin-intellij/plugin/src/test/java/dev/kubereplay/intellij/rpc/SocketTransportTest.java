package dev.kubereplay.intellij.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Attaching to a server on a local port, over a real socket. */
class SocketTransportTest {

  @Test
  void presents_the_token_first_and_learns_when_the_server_closes() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      SocketTransport transport = SocketTransport.connect(server.getLocalPort(), "tok-0123456789");
      try (Socket accepted = server.accept()) {
        accepted.setSoTimeout(30_000);
        BufferedReader lines =
            new BufferedReader(
                new InputStreamReader(accepted.getInputStream(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo("Kubereplay-Token: tok-0123456789");
        assertThat(transport.exited()).isNotDone();
      }
      assertThat(transport.input().read()).as("the server closed").isEqualTo(-1);
      assertThat(transport.exited().get(30, TimeUnit.SECONDS).reason())
          .isEqualTo(
              "The kubereplay server on 127.0.0.1:"
                  + server.getLocalPort()
                  + " closed the connection.");
      transport.close();
    }
  }

  @Test
  void nothing_listening_is_reported_naming_the_port() throws Exception {
    int port;
    try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = gone.getLocalPort();
    }
    assertThatThrownBy(() -> SocketTransport.connect(port, "t"))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageStartingWith(
            "Cannot connect to the kubereplay server on 127.0.0.1:"
                + port
                + " (KUBEREPLAY_SERVER_PORT): ");
  }
}
