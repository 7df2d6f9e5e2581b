package dev.kubereplay.server.it.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.kubereplay.fixtures.traffic.HarGenerator;
import dev.kubereplay.fixtures.traffic.Recordings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kubereplay import} as users run it: the built jar, its own process. */
class TrafficJarIT {

  @TempDir Path dir;
  private CliProcesses cli;

  @BeforeEach
  void startCli() {
    cli = new CliProcesses(dir.resolve("data"));
  }

  @AfterEach
  void killLeftovers() {
    cli.close();
  }

  private int snapshotCount() throws Exception {
    return cli.snapshots().size();
  }

  @Test
  void ctrl_c_cancels_an_import_cleanly_and_leaves_nothing() throws Exception {
    Path har = dir.resolve("big.har");
    new HarGenerator(9).write(har, 200_000, Long.MAX_VALUE);
    Process importing = cli.startAsFromTerminal("import", har.toString(), "--progress");

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
    Process importing = cli.start("import", har.toString(), "-o", "json");
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
