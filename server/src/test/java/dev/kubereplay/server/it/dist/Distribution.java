package dev.kubereplay.server.it.dist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The built distribution archive unpacked into a directory, its {@code bin/kubereplay} run as a
 * user runs it: Java from {@code JAVA_HOME} (the JVM running the tests), data and cache directories
 * of the test's own. Output goes to files, so a chatty command never blocks on a full pipe.
 */
final class Distribution {

  static final Path ARCHIVE =
      Path.of(
          System.getProperty(
              "kubereplay.dist.archive",
              "target/kubereplay-" + dev.kubereplay.server.Version.current() + ".tar.gz"));

  /** What one run left: its exit code, stdout, stderr and process id. */
  record Run(int exit, String out, String err, long pid) {}

  private final Path home;
  private final Path work;
  private final Map<String, String> environment = new HashMap<>();
  private final List<Process> processes = new ArrayList<>();

  private Distribution(Path home, Path work) {
    this.home = home;
    this.work = work;
  }

  /** Unpacks the archive with {@code tar}, as a user would, into {@code into}. */
  static Path unpack(Path into) throws IOException, InterruptedException {
    Process tar =
        new ProcessBuilder("tar", "-xzf", ARCHIVE.toString(), "-C", into.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!tar.waitFor(60, TimeUnit.SECONDS) || tar.exitValue() != 0) {
      throw new AssertionError("tar -xzf " + ARCHIVE + " failed: " + out);
    }
    try (Stream<Path> top = Files.list(into)) {
      return top.filter(p -> p.getFileName().toString().startsWith("kubereplay-"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no kubereplay-<version>/ in " + ARCHIVE));
    }
  }

  /**
   * The unpacked distribution {@code home}, run with {@code dir}'s {@code data/} as {@code
   * KUBEREPLAY_HOME}, {@code cache/} as {@code XDG_CACHE_HOME} and {@code work/} as working
   * directory.
   */
  static Distribution in(Path home, Path dir) throws IOException {
    Distribution distribution =
        new Distribution(home, Files.createDirectories(dir.resolve("work")));
    distribution.environment.put("JAVA_HOME", System.getProperty("java.home"));
    distribution.environment.put("KUBEREPLAY_HOME", dir.resolve("data").toString());
    distribution.environment.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    return distribution;
  }

  /** Sets (or, with {@code null}, removes) an environment variable for later runs. */
  Distribution with(String name, String value) {
    environment.put(name, value);
    return this;
  }

  Path launcher() {
    return home.resolve("bin/kubereplay");
  }

  /** Where the launcher keeps its class-data-sharing archives. */
  Path cdsDirectory() {
    return Path.of(environment.get("XDG_CACHE_HOME"), "kubereplay", "cds");
  }

  /** The files in {@link #cdsDirectory()} (none when it does not exist). */
  List<Path> cdsFiles() throws IOException {
    if (!Files.isDirectory(cdsDirectory())) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(cdsDirectory())) {
      return files.sorted().toList();
    }
  }

  /** Starts {@code bin/kubereplay ARGS}; its output goes to files named after {@code name}. */
  Process start(String name, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(launcher().toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(work.resolve(name + ".out").toFile())
            .redirectError(work.resolve(name + ".err").toFile());
    environment.forEach(
        (key, value) -> {
          if (value == null) {
            builder.environment().remove(key);
          } else {
            builder.environment().put(key, value);
          }
        });
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  /** What a process started as {@code name} left, once it has exited (within 60 s). */
  Run finish(String name, Process process) throws IOException, InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("bin/kubereplay (" + name + ") still running after 60 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(work.resolve(name + ".out")),
        Files.readString(work.resolve(name + ".err")),
        process.pid());
  }

  /** Runs {@code bin/kubereplay ARGS} to its end. */
  Run run(String name, String... args) throws IOException, InterruptedException {
    return finish(name, start(name, args));
  }

  /** Kills whatever a test left running. */
  void close() {
    processes.forEach(Process::destroyForcibly);
  }
}
