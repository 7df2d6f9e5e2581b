package dev.kubereplay.intellij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubereplay.intellij.cluster.ContextsState;
import dev.kubereplay.intellij.rpc.ProcessTransport;
import dev.kubereplay.intellij.rpc.ServerCommand;
import dev.kubereplay.intellij.rpc.SocketTransport;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The plugin's client against the real server jar, started the way the plugin starts it. */
class RealServerTest {

  @Test
  void lists_the_contexts_of_a_fixture_kubeconfig_through_the_real_server() throws Exception {
    Path jar = Path.of(System.getProperty("kubereplay.test.serverJar", "-")).toAbsolutePath();
    Path kubeconfig =
        Path.of(System.getProperty("kubereplay.test.kubeconfig", "-")).toAbsolutePath().normalize();
    assumeTrue(
        Files.isRegularFile(jar),
        "no server jar at " + jar + ": build the server first (./mvnw -pl server package)");
    assumeTrue(
        Files.isRegularFile(kubeconfig),
        "no kubeconfig fixture at " + kubeconfig + " (test-fixtures not there yet)");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ServerCommand(java, jar).commandLine();

    try (KubeReplaySession session =
        new KubeReplaySession(
            () -> ProcessTransport.start(command, Map.of("KUBECONFIG", kubeconfig.toString())))) {
      ContextsState state = session.contexts().refresh().get(60, TimeUnit.SECONDS);

      assertThat(state).isInstanceOf(ContextsState.Loaded.class);
      var response = ((ContextsState.Loaded) state).response();
      assertThat(response.contexts()).isNotEmpty();
      assertThat(response.contexts()).extracting(KubeContextDto::name).doesNotHaveDuplicates();
      assertThat(response.contexts())
          .allSatisfy(context -> assertThat(Path.of(context.sourceFile())).isEqualTo(kubeconfig));
      if (response.currentContext() != null) {
        assertThat(response.contexts())
            .filteredOn(KubeContextDto::current)
            .extracting(KubeContextDto::name)
            .containsExactly(response.currentContext());
      }
    }
  }

  @Test
  void attaches_to_a_real_serve_port_with_its_token_and_is_refused_with_another() throws Exception {
    Path jar = Path.of(System.getProperty("kubereplay.test.serverJar", "-")).toAbsolutePath();
    assumeTrue(Files.isRegularFile(jar), "no server jar at " + jar + ": build the server first");
    String token = "chosen-by-a-script-0123456789";
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            jar.toString(),
            "serve",
            "--port",
            "0");
    builder.environment().put("KUBEREPLAY_TOKEN", token);
    builder
        .environment()
        .put(
            "KUBECONFIG",
            Path.of(System.getProperty("kubereplay.test.kubeconfig", "-"))
                .toAbsolutePath()
                .toString());
    builder.environment().put("KUBEREPLAY_HOME", Files.createTempDirectory("kr-home").toString());
    Process server = builder.start();
    try {
      int port = listeningPort(server);

      try (KubeReplaySession session =
          new KubeReplaySession(() -> SocketTransport.connect(port, token))) {
        ContextsState state = session.contexts().refresh().get(60, TimeUnit.SECONDS);
        assertThat(state).isInstanceOf(ContextsState.Loaded.class);
      }
      try (KubeReplaySession stranger =
          new KubeReplaySession(() -> SocketTransport.connect(port, token + "-guessed"))) {
        ContextsState state = stranger.contexts().refresh().get(60, TimeUnit.SECONDS);
        assertThat(state).isInstanceOf(ContextsState.ServerUnavailable.class);
        assertThat(((ContextsState.ServerUnavailable) state).exit().reason())
            .contains("wrong token")
            .contains("KUBEREPLAY_TOKEN");
      }
    } finally {
      server.destroyForcibly();
    }
  }

  private static int listeningPort(Process server) throws IOException {
    BufferedReader stderr =
        new BufferedReader(new InputStreamReader(server.getErrorStream(), StandardCharsets.UTF_8));
    Pattern listening = Pattern.compile("in KUBEREPLAY_TOKEN to 127\\.0\\.0\\.1:(\\d+)");
    for (String line = stderr.readLine(); line != null; line = stderr.readLine()) {
      Matcher matcher = listening.matcher(line);
      if (matcher.find()) {
        return Integer.parseInt(matcher.group(1));
      }
    }
    throw new AssertionError("the server never said where it listens");
  }
}
