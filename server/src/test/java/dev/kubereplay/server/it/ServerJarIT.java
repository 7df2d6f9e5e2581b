package dev.kubereplay.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kubereplay.fixtures.kubeconfig.Kubeconfigs;
import dev.kubereplay.fixtures.rpc.RawConnection;
import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListContextsParams;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar, run as the IDEs and users run it. */
class ServerJarIT {

  private static final Path JAR =
      Path.of(System.getProperty("kubereplay.server.jar", "target/kubereplay.jar"));
  private static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":%d,\"method\":\"initialize\",\"params\":{\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"},\"capabilities\":{\"notifications\":[]}}}";

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    processes.forEach(Process::destroyForcibly);
  }

  private Process start(Map<String, String> env, String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KUBEREPLAY_HOME", dir.resolve("data").toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private Map<String, String> kubeconfig(String... names) {
    return Map.of("KUBECONFIG", Kubeconfigs.variable(Kubeconfigs.copy(dir, names)));
  }

  private static JsonObject json(String text) {
    return JsonParser.parseString(text).getAsJsonObject();
  }

  @Test
  void over_stdio_unknown_methods_and_broken_messages_get_errors_and_the_server_keeps_answering()
      throws Exception {
    Process process = start(kubeconfig("a.yaml"), "serve", "--stdio");
    RawConnection connection =
        new RawConnection(process.getInputStream(), process.getOutputStream());

    connection.send(INITIALIZE.formatted(1));
    JsonObject initialized = json(connection.receive());
    assertThat(initialized.get("id").getAsInt()).isEqualTo(1);
    assertThat(
            initialized
                .getAsJsonObject("result")
                .getAsJsonObject("serverInfo")
                .get("name")
                .getAsString())
        .isEqualTo("kubereplay");

    connection.send(
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"cluster/noSuchThing\",\"params\":{}}");
    JsonObject unknown = json(connection.receive());
    assertThat(unknown.get("id").getAsInt()).isEqualTo(2);
    assertThat(unknown.getAsJsonObject("error").get("code").getAsInt()).isEqualTo(-32601);

    connection.send(
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"cluster/listContexts\",\"params\":{{{");
    JsonObject broken = json(connection.receive());
    assertThat(broken.getAsJsonObject("error").get("code").getAsInt()).isIn(-32700, -32600);

    connection.send(
        "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"cluster/listContexts\",\"params\":{}}");
    JsonObject contexts = json(connection.receive());
    assertThat(contexts.get("id").getAsInt()).isEqualTo(4);
    assertThat(contexts.getAsJsonObject("result").getAsJsonArray("contexts")).hasSize(2);
  }

  @Test
  void closing_stdin_ends_the_server_and_stdout_held_only_protocol_frames() throws Exception {
    Process process = start(kubeconfig("a.yaml"), "serve", "--stdio");
    RawConnection connection =
        new RawConnection(process.getInputStream(), process.getOutputStream());
    connection.send(INITIALIZE.formatted(1));
    connection.receive();
    connection.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
    assertThat(json(connection.receive()).has("error")).isFalse();

    process.getOutputStream().close();
    // a delivery check: the server exits by itself, well before the deadline even when loaded
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited after stdin closed").isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(process.getInputStream().readAllBytes())
        .as("nothing but frames on stdout")
        .isEmpty();
    assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("ready on stdio");
    assertThat(dir.resolve("data/logs/kubereplay.log")).exists();
  }

  @Test
  void trace_option_records_every_protocol_message() throws Exception {
    Path trace = dir.resolve("trace.log");
    Process process = start(kubeconfig("a.yaml"), "serve", "--stdio", "--trace", trace.toString());
    RawConnection connection =
        new RawConnection(process.getInputStream(), process.getOutputStream());
    connection.send(INITIALIZE.formatted(7));
    connection.receive();
    process.getOutputStream().close();
    assertThat(process.waitFor(5, TimeUnit.SECONDS)).isTrue();

    String traced = Files.readString(trace);
    assertThat(traced).contains("Received request 'initialize - (7)'").contains("\"serverInfo\"");
  }

  @Test
  void a_jvm_client_lists_contexts_from_the_spawned_jar() throws Exception {
    try (TestSession session = TestSession.spawn(JAR, kubeconfig("a.yaml", "b.yaml"))) {
      session.initialize();
      List<KubeContextDto> contexts =
          session
              .server()
              .getClusterService()
              .listContexts(new ListContextsParams())
              .get(30, TimeUnit.SECONDS)
              .contexts();
      assertThat(contexts)
          .extracting(KubeContextDto::name)
          .containsExactly("dev", "staging", "prod");
      assertThat(contexts)
          .filteredOn(KubeContextDto::current)
          .extracting(KubeContextDto::name)
          .containsExactly("dev");
    }
  }

  @Test
  void contexts_command_prints_merged_json_and_a_malformed_file_is_one_line_and_exit_1()
      throws Exception {
    Process ok = start(kubeconfig("a.yaml", "b.yaml"), "contexts", "-o", "json");
    String out = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ok.waitFor()).isZero();
    assertThat(json(out).getAsJsonArray("contexts")).hasSize(3);
    assertThat(json(out).get("currentContext").getAsString()).isEqualTo("dev");

    Process bad = start(kubeconfig("malformed.yaml"), "contexts", "-o", "json");
    String err = new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bad.waitFor()).isEqualTo(1);
    assertThat(err.lines().toList())
        .singleElement()
        .asString()
        .startsWith("kubereplay: malformed kubeconfig " + dir.resolve("malformed.yaml"));
    assertThat(bad.getInputStream().readAllBytes()).isEmpty();
  }

  @Test
  void version_prints_the_version() throws Exception {
    Process process = start(Map.of(), "version");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).isZero();
    assertThat(out).startsWith("kubereplay ").contains("protocol");
  }
}
