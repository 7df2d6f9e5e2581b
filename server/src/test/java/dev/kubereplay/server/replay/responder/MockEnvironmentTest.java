package dev.kubereplay.server.replay.responder;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.replay.tls.HostCertificates;
import dev.kubereplay.server.replay.tls.LocalCa;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real programs, started with nothing but the printed environment, reach a public-looking HTTPS
 * host and get the mocks' answer: no code or configuration of theirs changed.
 */
class MockEnvironmentTest {

  @TempDir Path data;
  private MockListener mocks;
  private Map<String, String> environment;

  @BeforeEach
  void start() throws IOException {
    LocalCa ca = LocalCa.loadOrCreate(data);
    mocks =
        new MockListener(
            new InetSocketAddress("127.0.0.1", 0),
            1 << 20,
            new HostCertificates(ca, "localhost"),
            request ->
                MockAnswer.text(
                    200, "mocked " + request.scheme() + "://" + request.host() + request.path()));
    environment = MockEnvironment.of(mocks.start(), ca);
  }

  @AfterEach
  void stop() {
    mocks.close();
  }

  private String run(List<String> command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.toLowerCase().endsWith("_proxy"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }

  @Test
  void curl_with_the_environment_gets_https_answered_by_the_mocks() throws Exception {
    String out =
        run(
            List.of(
                "curl", "--silent", "--show-error", "https://payments.example.test/v1/charges"));

    assertThat(out).isEqualTo("mocked https://payments.example.test/v1/charges");
  }

  @Test
  void a_jvm_with_the_environment_gets_https_answered_by_the_mocks() throws Exception {
    Path program = data.resolve("Fetch.java");
    Files.writeString(
        program,
        """
        public class Fetch {
          public static void main(String[] args) throws Exception {
            var connection = (java.net.HttpURLConnection) new java.net.URL(args[0]).openConnection();
            System.out.print(new String(connection.getInputStream().readAllBytes()));
          }
        }
        """);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    String out = run(List.of(java, program.toString(), "https://api.example.test/orders"));

    assertThat(out.lines().filter(line -> !line.startsWith("Picked up JAVA_TOOL_OPTIONS")))
        .containsExactly("mocked https://api.example.test/orders");
  }

  @Test
  void the_printed_lines_are_shell_exports_that_keep_loopback_direct() {
    String shell = MockEnvironment.asShell(environment);

    assertThat(shell)
        .contains("export HTTPS_PROXY='http://127.0.0.1:" + mocks.address().getPort() + "'")
        .contains("export NO_PROXY='localhost,127.0.0.1,::1'")
        .contains("export NODE_EXTRA_CA_CERTS='" + data.resolve("ca/kubereplay-ca.pem") + "'")
        .contains("-Djavax.net.ssl.trustStore=" + data.resolve("ca/kubereplay-ca-truststore.p12"));
  }
}
