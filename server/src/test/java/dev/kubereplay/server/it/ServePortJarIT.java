package dev.kubereplay.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kubereplay.fixtures.rpc.RawConnection;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.ServerLaunch;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --port} from the built jar: a token printed at start, and only its holders served.
 */
class ServePortJarIT {

  private static final Path JAR =
      Path.of(System.getProperty("kubereplay.server.jar", "target/kubereplay.jar"));
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"},\"capabilities\":{\"notifications\":[]}}}";
  private static final Pattern ATTACH =
      Pattern.compile(
          ServerLaunch.ATTACH_PORT_VARIABLE
              + "=(\\d+) "
              + ServerLaunch.TOKEN_VARIABLE
              + "=([A-Za-z0-9_-]+)");

  @TempDir Path dir;
  private Process process;

  @AfterEach
  void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  private static JsonObject initialize(Socket socket, byte[] firstLine) throws IOException {
    socket.setSoTimeout(30_000);
    if (firstLine != null) {
      socket.getOutputStream().write(firstLine);
    }
    RawConnection connection = new RawConnection(socket.getInputStream(), socket.getOutputStream());
    connection.send(INITIALIZE);
    return JsonParser.parseString(connection.receive()).getAsJsonObject();
  }

  @Test
  void prints_a_fresh_token_serves_only_clients_that_present_it_and_never_logs_it()
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "serve",
                "--port",
                "0"));
    builder.environment().put("KUBEREPLAY_HOME", dir.resolve("data").toString());
    builder.environment().remove(ServerLaunch.TOKEN_VARIABLE);
    process = builder.start();
    BufferedReader stderr =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    Matcher attach = null;
    for (String line = stderr.readLine(); line != null && attach == null; ) {
      Matcher matcher = ATTACH.matcher(line);
      attach = matcher.find() ? matcher : null;
      line = attach == null ? stderr.readLine() : line;
    }
    assertThat(attach).as("the attach line on stderr").isNotNull();
    int port = Integer.parseInt(attach.group(1));
    String token = attach.group(2);
    assertThat(token).hasSizeGreaterThanOrEqualTo(22); // 128 bits in base64

    try (Socket stranger = new Socket("127.0.0.1", port)) {
      JsonObject refused = initialize(stranger, null);
      assertThat(refused.getAsJsonObject("error").get("code").getAsInt())
          .isEqualTo(ErrorCode.UNAUTHORIZED.code());
      assertThat(stranger.getInputStream().read()).as("closed after the answer").isEqualTo(-1);
    }
    try (Socket guesser = new Socket("127.0.0.1", port)) {
      JsonObject refused = initialize(guesser, ServerLaunch.tokenLine(token + "0"));
      assertThat(refused.getAsJsonObject("error").get("message").getAsString())
          .startsWith("wrong token");
    }
    try (Socket ide = new Socket("127.0.0.1", port)) {
      JsonObject served = initialize(ide, ServerLaunch.tokenLine(token));
      assertThat(served.getAsJsonObject("result").getAsJsonObject("serverInfo").get("name"))
          .hasToString("\"kubereplay\"");
    }

    process.destroy();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Path log = dir.resolve("data/logs/kubereplay.log");
    assertThat(Files.readString(log))
        .contains("refused a connection")
        .contains("client connected")
        .doesNotContain(token);
  }
}
