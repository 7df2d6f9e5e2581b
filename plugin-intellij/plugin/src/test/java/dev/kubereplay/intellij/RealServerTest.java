package dev.kubereplay.intellij;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kubereplay.intellij.cluster.ContextsState;
import dev.kubereplay.intellij.rpc.ProcessTransport;
import dev.kubereplay.intellij.rpc.ServerCommand;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
}
