package dev.kubereplay.server.it.cluster;

import com.google.gson.Gson;
import dev.kubereplay.fixtures.cluster.RealApiServer;
import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.jsonrpc.ProtocolGson;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built jar pointed at the real API server: {@code kubereplay cluster ...} runs and protocol
 * sessions, each with the kubeconfig of {@link RealApiServer} and a {@code KUBEREPLAY_HOME} of the
 * test's own.
 */
final class KubereplayJar {

  static final Path JAR =
      Path.of(System.getProperty("kubereplay.server.jar", "target/kubereplay.jar"))
          .toAbsolutePath();

  /**
   * Short-lived command-line JVMs start twice as fast with only the first JIT tier; the jar is the
   * same.
   */
  private static final List<String> JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  private static final Gson GSON = ProtocolGson.create();

  /** What a command printed and how it ended. */
  record Run(int exitCode, String stdout, String stderr) {

    <T> T json(Class<T> type) {
      if (exitCode != 0) {
        throw new AssertionError("exit code " + exitCode + ", stderr:\n" + stderr);
      }
      return GSON.fromJson(stdout, type);
    }
  }

  private final Path kubeconfig;
  private final Path home;

  KubereplayJar(RealApiServer cluster, Path home) {
    this(cluster.kubeconfig(), home);
  }

  /** With a kubeconfig of the test's own, e.g. one it edits. */
  KubereplayJar(Path kubeconfig, Path home) {
    this.kubeconfig = kubeconfig;
    this.home = home;
  }

  Map<String, String> environment() {
    return Map.of("KUBECONFIG", kubeconfig.toString(), "KUBEREPLAY_HOME", home.toString());
  }

  /** {@code kubereplay ARGS} to its end (at most 60 s). */
  Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().putAll(environment());
    Path out = Files.createTempFile("kubereplay-cli-", ".out");
    Path err = Files.createTempFile("kubereplay-cli-", ".err");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process process = builder.start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "kubereplay " + String.join(" ", args) + " did not end within 60 s");
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** {@code kubereplay cluster VIEW -n NAMESPACE -o json ARGS}. */
  Run view(String view, String namespace, String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("cluster", view, "-n", namespace, "-o", "json"));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  /** The jar spawned as {@code serve --stdio}, as an IDE runs it, initialized. */
  TestSession session() throws Exception {
    TestSession session = TestSession.spawn(JAR, environment());
    session.initialize();
    return session;
  }
}
