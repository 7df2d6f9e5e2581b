package dev.kubereplay.server.it.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.kubereplay.fixtures.traffic.HarGenerator;
import dev.kubereplay.fixtures.traffic.Recordings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubereplay import} as users run it: the built jar, its own process. */
class TrafficJarIT {

  private static final Path JAR =
      Path.of(System.getProperty("kubereplay.server.jar", "target/kubereplay.jar"));

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killLeftovers() {
    processes.forEach(Process::destroyForcibly);
  }

  private Process start(String... args) throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx160m",
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KUBEREPLAY_HOME", dir.resolve("data").toString());
    Process process = builder.start();
    processes.add(process);
    return process;
  }

  private int snapshotCount() throws Exception {
    Process list = start("snapshots", "-o", "json");
    String out = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(list.waitFor()).isZero();
    return JsonParser.parseString(out).getAsJsonObject().getAsJsonArray("snapshots").size();
  }

  @Test
  void ctrl_c_cancels_an_import_cleanly_and_leaves_nothing() throws Exception {
    Path har = dir.resolve("big.har");
    new HarGenerator(9).write(har, 200_000, Long.MAX_VALUE);
    Process importing = start("import", har.toString(), "--progress");

    // wait for the progress bar: the import is under way
    byte[] first = importing.getErrorStream().readNBytes(1);
    assertThat(first).containsExactly('\r');
    new ProcessBuilder("kill", "-INT", String.valueOf(importing.pid())).start().waitFor();

    assertThat(importing.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(importing.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(importing.exitValue()).isEqualTo(130);
    assertThat(err).contains("kubereplay: import of " + har + " cancelled; nothing was stored");
    assertThat(snapshotCount()).isZero();
  }

  @Test
  void the_log_file_of_an_import_names_the_snapshot_but_no_credential() throws Exception {
    Path har = Recordings.copy(dir, "chromium-shop.har");
    Process importing = start("import", har.toString(), "-o", "json");
    String out = new String(importing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(importing.waitFor()).isZero();
    String id =
        JsonParser.parseString(out)
            .getAsJsonObject()
            .getAsJsonObject("snapshot")
            .get("id")
            .getAsString();

    String log = Files.readString(dir.resolve("data/logs/kubereplay.log"));
    assertThat(log).contains("as snapshot " + id + ": 8 pairs, 2 skipped");
    assertThat(log).doesNotContain("hunter2-fixture").doesNotContain("sk_fixture_0123456789");
    assertThat(snapshotCount()).isEqualTo(1);
  }
}
