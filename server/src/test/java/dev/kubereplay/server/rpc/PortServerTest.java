package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.rpc.RecordingClient;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.KubeReplayRpcServer;
import dev.kubereplay.protocol.ServerLaunch;
import dev.kubereplay.protocol.initialize.ClientCapabilitiesDto;
import dev.kubereplay.protocol.initialize.ClientInfoDto;
import dev.kubereplay.protocol.initialize.InitializeParams;
import dev.kubereplay.protocol.initialize.InitializeResponse;
import dev.kubereplay.protocol.jsonrpc.RpcLaunchers;
import dev.kubereplay.server.ServerEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --port} over real sockets: only a client that presents the token is served. */
class PortServerTest {

  private static final String TOKEN = "s3cret-token-for-port-server-tests";

  @TempDir Path dir;
  private PortServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    ServerEnvironment environment =
        new ServerEnvironment(Map.of("KUBEREPLAY_HOME", dir.resolve("data").toString()), dir);
    server = PortServer.open(environment, 0, ConnectionToken.of(TOKEN), null);
    CompletableFuture.runAsync(
        () -> {
          try {
            server.serve();
          } catch (IOException e) {
            throw new IllegalStateException(e);
          }
        },
        threads);
  }

  @AfterEach
  void stop() throws IOException {
    for (Socket socket : sockets) {
      socket.close();
    }
    server.close();
    threads.shutdownNow();
  }

  private Socket connect(String firstLine) throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout(30_000);
    sockets.add(socket);
    if (firstLine != null) {
      socket.getOutputStream().write(firstLine.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    }
    return socket;
  }

  private CompletableFuture<InitializeResponse> initialize(Socket socket) throws IOException {
    Launcher<KubeReplayRpcServer> launcher =
        RpcLaunchers.client(
            new RecordingClient(),
            socket.getInputStream(),
            socket.getOutputStream(),
            threads,
            null);
    launcher.startListening();
    return launcher
        .getRemoteProxy()
        .initialize(
            new InitializeParams(
                new ClientInfoDto("kubereplay-tests", "0"), new ClientCapabilitiesDto(List.of())));
  }

  private static void assertUnauthorized(CompletableFuture<?> answer, String message) {
    assertThatThrownBy(() -> answer.get(30, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(ResponseErrorException.class)
        .hasMessageContaining(message)
        .hasMessageContaining(ServerLaunch.TOKEN_VARIABLE)
        .satisfies(
            e ->
                assertThat(((ResponseErrorException) e).getResponseError().getCode())
                    .isEqualTo(ErrorCode.UNAUTHORIZED.code()));
  }

  /** The server closes its end: the client reads the end of the stream. */
  private static void assertClosedByServer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    assertThat(in.readAllBytes()).isEmpty();
  }

  @Test
  void listens_on_loopback_only() {
    assertThat(server.address().getAddress().isLoopbackAddress()).isTrue();
  }

  @Test
  void serves_a_client_that_presents_the_token_first() throws Exception {
    Socket socket = connect(ServerLaunch.TOKEN_PREFIX + TOKEN + "\r\n");

    InitializeResponse response = initialize(socket).get(30, TimeUnit.SECONDS);

    assertThat(response.serverInfo().name()).isEqualTo("kubereplay");
  }

  @Test
  void a_client_without_a_token_gets_unauthorized_and_is_closed() throws Exception {
    Socket socket = connect(null);
    CompletableFuture<InitializeResponse> answer = initialize(socket);

    assertUnauthorized(answer, "serves only clients that present its token");
    String request = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"initialize\"}";
    Socket raw = connect("Content-Length: " + request.length() + "\r\n\r\n" + request);
    assertThat(new String(raw.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .as("answered, then closed")
        .contains("\"id\":7")
        .contains("\"code\":" + ErrorCode.UNAUTHORIZED.code());
  }

  @Test
  void a_client_with_the_wrong_token_gets_unauthorized_and_is_closed() throws Exception {
    Socket socket = connect(ServerLaunch.TOKEN_PREFIX + TOKEN.replace('s', 'S') + "\r\n");

    assertUnauthorized(initialize(socket), "wrong token");
    Socket raw = connect(ServerLaunch.TOKEN_PREFIX + TOKEN + "x\r\n");
    raw.getOutputStream().write("Content-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.UTF_8));
    assertClosedByServer(raw);
  }

  @Test
  void an_endless_first_line_is_cut_off_and_others_are_still_served() throws Exception {
    Socket flood = connect("x".repeat(TokenHandshake.MAX_LINE_BYTES * 4));
    assertClosedByServer(flood);

    Socket socket = connect(ServerLaunch.TOKEN_PREFIX + TOKEN + "\r\n");
    assertThat(initialize(socket).get(30, TimeUnit.SECONDS).serverInfo().name())
        .isEqualTo("kubereplay");
  }

  @Test
  void a_huge_frame_before_the_token_is_not_read() throws Exception {
    Socket socket = connect("Content-Length: 2000000000\r\n\r\n{");

    assertClosedByServer(socket);
  }
}
