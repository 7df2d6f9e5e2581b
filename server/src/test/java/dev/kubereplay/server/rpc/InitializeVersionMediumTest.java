package dev.kubereplay.server.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.initialize.ClientCapabilitiesDto;
import dev.kubereplay.protocol.initialize.ClientInfoDto;
import dev.kubereplay.protocol.initialize.InitializeParams;
import dev.kubereplay.protocol.initialize.InitializeResponse;
import dev.kubereplay.protocol.initialize.ProtocolVersion;
import dev.kubereplay.server.ServerEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code initialize} exchanges protocol versions: another major is refused, naming both. */
class InitializeVersionMediumTest {

  @TempDir Path dir;
  private TestSession session;

  @BeforeEach
  void start() throws Exception {
    ServerEnvironment environment =
        new ServerEnvironment(Map.of("KUBEREPLAY_HOME", dir.resolve("data").toString()), dir);
    session = TestSession.inProcess((in, out) -> RpcServer.start(environment, in, out, null));
  }

  @AfterEach
  void close() throws Exception {
    session.close();
  }

  private InitializeResponse initialize(String protocolVersion) throws Exception {
    return session
        .server()
        .initialize(
            new InitializeParams(
                new ClientInfoDto("kubereplay-vscode", "9.0.0"),
                new ClientCapabilitiesDto(List.of()),
                protocolVersion))
        .get(30, TimeUnit.SECONDS);
  }

  private static ResponseErrorException refusal(Throwable failure) {
    assertThat(failure.getCause()).isInstanceOf(ResponseErrorException.class);
    return (ResponseErrorException) failure.getCause();
  }

  @Test
  void answers_its_own_protocol_version_to_a_client_of_the_same_major() throws Exception {
    InitializeResponse response = initialize(ProtocolVersion.CURRENT.toString());

    assertThat(response.protocolVersion()).isEqualTo(ProtocolVersion.CURRENT.toString());
    assertThat(response.serverInfo().protocolVersion())
        .as("the count older clients read")
        .isEqualTo(ProtocolVersion.CURRENT.minor());
  }

  @Test
  void serves_clients_of_a_newer_minor_and_older_clients_that_send_no_version() throws Exception {
    int major = ProtocolVersion.CURRENT.major();
    assertThat(initialize(major + ".999").protocolVersion())
        .isEqualTo(ProtocolVersion.CURRENT.toString());
    assertThat(initialize(null).protocolVersion()).isEqualTo(ProtocolVersion.CURRENT.toString());
  }

  @Test
  void refuses_a_client_of_another_major_naming_both_versions_and_what_to_update() {
    String newer = (ProtocolVersion.CURRENT.major() + 1) + ".0";
    assertThatThrownBy(() -> initialize(newer))
        .satisfies(
            failure -> {
              ResponseErrorException error = refusal(failure);
              assertThat(error.getResponseError().getCode())
                  .isEqualTo(ErrorCode.PROTOCOL_MISMATCH.code());
              assertThat(error.getMessage())
                  .startsWith("kubereplay-vscode 9.0.0 speaks protocol " + newer)
                  .contains("speaks protocol " + ProtocolVersion.CURRENT)
                  .endsWith("(update the server).");
            });
  }

  @Test
  void a_version_that_is_not_major_dot_minor_is_invalid() {
    assertThatThrownBy(() -> initialize("one"))
        .satisfies(
            failure -> {
              ResponseErrorException error = refusal(failure);
              assertThat(error.getResponseError().getCode())
                  .isEqualTo(ErrorCode.INVALID_PARAMS.code());
              assertThat(error.getMessage()).contains("'one' is not major.minor");
            });
  }
}
