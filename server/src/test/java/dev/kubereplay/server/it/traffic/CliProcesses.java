package dev.kubereplay.server.it.traffic;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kubereplay} commands run from the built jar as a user runs them (a JVM each, {@code
 * -Xmx160m}), all with one data directory, their streams left to the test; whatever is still
 * running at {@link #close} is killed.
 */
final class CliProcesses implements AutoCloseable {

  private static final Path JAR =
      Path.of(System.getProperty("kubereplay.server.jar", "target/kubereplay.jar"));

  private final Path dataDirectory;
  private final List<Process> processes = new ArrayList<>();

  CliProcesses(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  /** Starts {@code kubereplay ARGS}. */
  Process start(String... args) throws IOException {
    return start(List.of(), args);
  }

  /**
   * Starts {@code kubereplay ARGS} as a terminal starts it, with Ctrl-C (SIGINT) and SIGTERM
   * delivered, whatever this test process inherited: a suite launched as a background job runs with
   * SIGINT ignored, a child inherits that, and the JVM then installs no handler for it. perl (part
   * of every Debian and macOS base system) resets both to their defaults and execs the JVM.
   */
  Process startAsFromTerminal(String... args) throws IOException {
    return start(
        List.of("perl", "-e", "$SIG{INT} = $SIG{TERM} = 'DEFAULT'; exec {$ARGV[0]} @ARGV or die"),
        args);
  }

  private Process start(List<String> prefix, String... args) throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx160m",
            "-jar",
            JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KUBEREPLAY_HOME", dataDirectory.toString());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /** What {@code kubereplay snapshots -o json} lists, run to its end (exit code 0). */
  JsonArray snapshots() throws Exception {
    Process list = start("snapshots", "-o", "json");
    String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (list.waitFor() != 0) {
      throw new AssertionError("kubereplay snapshots exited with " + list.exitValue());
    }
    return JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("snapshots");
  }

  @Override
  public void close() {
    processes.forEach(Process::destroyForcibly);
  }
}
