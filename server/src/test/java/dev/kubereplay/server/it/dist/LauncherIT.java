package dev.kubereplay.server.it.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kubereplay.fixtures.traffic.Recordings;
import dev.kubereplay.protocol.initialize.ProtocolVersion;
import dev.kubereplay.server.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user gets it: unpacked, {@code bin/kubereplay} runs the commands
 * with the options the benchmarks use, finds Java or says why not.
 */
class LauncherIT {

  private static final String VERSION_LINE =
      "kubereplay " + Version.current() + " (protocol " + ProtocolVersion.CURRENT + ")\n";

  @TempDir static Path unpacked;
  private static Path home;

  @TempDir Path dir;
  private Distribution kubereplay;

  @BeforeAll
  static void unpack() throws Exception {
    home = Distribution.unpack(unpacked);
  }

  @BeforeEach
  void distribution() throws IOException {
    kubereplay = Distribution.in(home, dir);
  }

  @AfterEach
  void killLeftovers() {
    kubereplay.close();
  }

  @Test
  void the_archive_holds_the_launchers_and_the_jar_and_the_zip_the_same() throws Exception {
    assertThat(Files.getPosixFilePermissions(home.resolve("bin/kubereplay")))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(home.resolve("lib/kubereplay.jar")).isRegularFile();
    assertThat(home.resolve("README.md")).isRegularFile();
    assertThat(Files.readString(home.resolve("bin/kubereplay")))
        .startsWith("#!/bin/sh\n")
        .contains("kubereplay " + Version.current())
        .doesNotContain("@project.version@");

    Path zip = Path.of(Distribution.ARCHIVE.toString().replaceFirst("\\.tar\\.gz$", ".zip"));
    String base = home.getFileName() + "/";
    try (ZipFile entries = new ZipFile(zip.toFile())) {
      assertThat(entries.getEntry(base + "lib/kubereplay.jar")).isNotNull();
      assertThat(entries.getEntry(base + "bin/kubereplay")).isNotNull();
      String cmd =
          new String(
              entries.getInputStream(entries.getEntry(base + "bin/kubereplay.cmd")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(cmd).startsWith("@echo off\r\n").doesNotContain("@project.version@");
      assertThat(cmd.replace("\r\n", "")).doesNotContain("\n");
    }
  }

  @Test
  void version_prints_the_version_and_exits_0() throws Exception {
    Distribution.Run run = kubereplay.run("version", "version");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo(VERSION_LINE);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void an_import_through_the_launcher_is_stored_and_listed() throws Exception {
    Path har = Recordings.copy(dir, "chromium-shop.har");
    Distribution.Run imported = kubereplay.run("import", "import", har.toString(), "-o", "json");
    assertThat(imported.exit()).as(imported.err()).isZero();
    JsonObject snapshot =
        JsonParser.parseString(imported.out()).getAsJsonObject().getAsJsonObject("snapshot");
    assertThat(snapshot.get("inCount").getAsInt()).isEqualTo(8);
    assertThat(snapshot.get("skippedCount").getAsInt()).isEqualTo(2);

    Distribution.Run listed = kubereplay.run("snapshots", "snapshots", "-o", "json");
    assertThat(listed.exit()).isZero();
    assertThat(
            JsonParser.parseString(listed.out())
                .getAsJsonObject()
                .getAsJsonArray("snapshots")
                .get(0)
                .getAsJsonObject()
                .get("id"))
        .isEqualTo(snapshot.get("id"));
    assertThat(dir.resolve("data/kubereplay.db")).isRegularFile();
  }

  @Test
  void the_jvm_runs_with_the_serial_collector_a_bounded_heap_and_the_client_compiler()
      throws Exception {
    kubereplay.with("KUBEREPLAY_OPTS", "-XX:+PrintCommandLineFlags");
    Distribution.Run run = kubereplay.run("flags", "version");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .contains("-XX:+UseSerialGC")
        .contains("-XX:MaxHeapSize=" + 320 * 1024 * 1024)
        .contains("-XX:TieredStopAtLevel=1")
        .endsWith(VERSION_LINE);
  }

  @Test
  void a_collector_and_heap_of_the_users_own_replace_the_launchers() throws Exception {
    kubereplay.with("JAVA_OPTS", "-XX:+UseParallelGC");
    kubereplay.with("KUBEREPLAY_OPTS", "-Xmx100m -XX:+PrintCommandLineFlags");
    Distribution.Run run = kubereplay.run("own", "version");
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("-XX:+UseParallelGC")
        .contains("-XX:MaxHeapSize=" + 100 * 1024 * 1024)
        .doesNotContain("UseSerialGC")
        .endsWith(VERSION_LINE);
  }

  @Test
  void the_launcher_becomes_the_java_process_so_signals_and_stdin_reach_the_command()
      throws Exception {
    Process serving = kubereplay.start("serve", "serve", "--stdio");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Optional<String> command = serving.info().command();
    while (!command.orElse("").endsWith("/bin/java") && System.nanoTime() < deadline) {
      Thread.sleep(50);
      command = serving.info().command();
    }
    assertThat(command)
        .as("the launcher's own process, after exec")
        .hasValueSatisfying(c -> assertThat(c).endsWith("/bin/java"));
    serving.getOutputStream().close();
    assertThat(kubereplay.finish("serve", serving).exit()).isZero();
  }

  @Test
  void a_java_home_without_java_is_named_with_what_to_do_and_exit_1() throws Exception {
    Path nowhere = dir.resolve("no-jdk-here");
    kubereplay.with("JAVA_HOME", nowhere.toString());
    Distribution.Run run = kubereplay.run("nowhere", "version");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "kubereplay: JAVA_HOME is "
                + nowhere
                + ", but there is no "
                + nowhere
                + "/bin/java: point JAVA_HOME at a Java 17 or newer, or unset it to use java"
                + " from the PATH\n");
  }

  @Test
  void without_java_home_java_comes_from_the_path_and_without_one_there_the_message_says_so()
      throws Exception {
    Path javaBin = Path.of(System.getProperty("java.home"), "bin");
    kubereplay.with("JAVA_HOME", null).with("PATH", javaBin + ":/usr/bin:/bin");
    Distribution.Run found = kubereplay.run("path", "version");
    assertThat(found.exit()).as(found.err()).isZero();
    assertThat(found.out()).isEqualTo(VERSION_LINE);

    kubereplay.with("PATH", Files.createDirectories(dir.resolve("empty-bin")).toString());
    Distribution.Run missing = kubereplay.run("missing", "version");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err())
        .isEqualTo(
            "kubereplay: no Java found: install Java 17 or newer and put it on the PATH, or set"
                + " JAVA_HOME\n");
  }

  @Test
  void a_java_older_than_17_is_refused_by_its_version_without_running_it() throws Exception {
    // No Java 11 on this machine: a stand-in installation with a Java 11 release file and a java
    // that leaves a mark if it is ever run.
    Path old = Files.createDirectories(dir.resolve("jdk-11/bin"));
    Path mark = dir.resolve("java-11-was-run");
    Files.writeString(old.resolve("java"), "#!/bin/sh\ntouch '" + mark + "'\n");
    Files.setPosixFilePermissions(
        old.resolve("java"),
        Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
    Files.writeString(dir.resolve("jdk-11/release"), "JAVA_VERSION=\"11.0.20\"\n");
    kubereplay.with("JAVA_HOME", dir.resolve("jdk-11").toString());

    Distribution.Run run = kubereplay.run("old", "version");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "kubereplay: Java 17 or newer is needed, but "
                + old.resolve("java")
                + " is Java 11.0.20: set JAVA_HOME to a Java 17 or newer\n");
    assertThat(mark).doesNotExist();
  }
}
