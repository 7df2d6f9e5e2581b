package dev.kubereplay.server.it.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.protocol.initialize.ProtocolVersion;
import dev.kubereplay.server.Version;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive: written by the first run, checked and put in place by
 * the next, loaded by the ones after; and whatever goes wrong with it, the command still runs and
 * says nothing about it.
 */
class ClassDataSharingIT {

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

  private void assertVersionRan(Distribution.Run run) {
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo(VERSION_LINE);
    assertThat(run.err()).isEmpty();
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  @Test
  void the_first_run_writes_the_archive_the_second_puts_it_in_place_the_third_loads_from_it()
      throws Exception {
    // Every JVM the launcher starts logs where each class came from into a file of its own.
    kubereplay.with(
        "KUBEREPLAY_OPTS", "-Xlog:class+load=info:file=" + dir.resolve("classes-%p.log"));

    Distribution.Run first = kubereplay.run("first", "version");
    assertVersionRan(first);
    List<Path> written = kubereplay.cdsFiles();
    assertThat(written)
        .singleElement()
        .satisfies(
            dump -> {
              assertThat(name(dump))
                  .startsWith("kubereplay-" + Version.current() + "-java")
                  .endsWith(".jsa." + first.pid() + ".dump");
              assertThat(Files.size(dump)).isPositive();
            });

    assertVersionRan(kubereplay.run("second", "version"));
    assertThat(kubereplay.cdsFiles())
        .singleElement()
        .satisfies(archive -> assertThat(name(archive)).endsWith(".jsa"));

    Distribution.Run third = kubereplay.run("third", "version");
    assertVersionRan(third);
    assertThat(dir.resolve("classes-" + third.pid() + ".log"))
        .content()
        .contains("dev.kubereplay.server.cli.Main source: shared objects file (top)");
    assertThat(dir.resolve("classes-" + first.pid() + ".log"))
        .content()
        .doesNotContain("shared objects file (top)");
  }

  @Test
  void two_first_runs_at_once_both_work_and_leave_one_archive() throws Exception {
    Process one = kubereplay.start("one", "version");
    Process two = kubereplay.start("two", "version");
    assertVersionRan(kubereplay.finish("one", one));
    assertVersionRan(kubereplay.finish("two", two));

    Process three = kubereplay.start("three", "version");
    Process four = kubereplay.start("four", "version");
    assertVersionRan(kubereplay.finish("three", three));
    assertVersionRan(kubereplay.finish("four", four));
    assertVersionRan(kubereplay.run("five", "version"));
    assertThat(kubereplay.cdsFiles())
        .singleElement()
        .satisfies(archive -> assertThat(name(archive)).endsWith(".jsa"));
  }

  @Test
  void a_half_written_archive_is_thrown_away_and_the_command_runs_without_it() throws Exception {
    assertVersionRan(kubereplay.run("first", "version"));
    Path dump = kubereplay.cdsFiles().get(0);
    try (FileChannel file = FileChannel.open(dump, StandardOpenOption.WRITE)) {
      file.truncate(file.size() / 2); // mapped as it is, it would crash the JVM (SIGBUS)
    }

    assertVersionRan(kubereplay.run("second", "version"));
    assertVersionRan(kubereplay.run("third", "version"));
    assertThat(kubereplay.cdsFiles()).noneMatch(file -> name(file).endsWith(".jsa"));
    assertThat(dump).doesNotExist();
    try (var left = Files.list(dir.resolve("work"))) {
      assertThat(left).noneMatch(file -> name(file).startsWith("hs_err"));
    }
  }

  @Test
  void a_cache_that_cannot_be_written_costs_only_the_archive() throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-directory"), "");
    kubereplay.with("XDG_CACHE_HOME", file.resolve("cache").toString());
    assertVersionRan(kubereplay.run("first", "version"));
    assertVersionRan(kubereplay.run("second", "version"));
  }

  @Test
  void an_archive_for_an_older_jar_is_replaced() throws Exception {
    assertVersionRan(kubereplay.run("first", "version"));
    assertVersionRan(kubereplay.run("second", "version"));
    Path archive = kubereplay.cdsFiles().get(0);
    Files.setLastModifiedTime(
        archive,
        java.nio.file.attribute.FileTime.fromMillis(
            Files.getLastModifiedTime(home.resolve("lib/kubereplay.jar")).toMillis() - 60_000));

    Distribution.Run stale = kubereplay.run("stale", "version");
    assertVersionRan(stale);
    assertThat(kubereplay.cdsFiles())
        .extracting(ClassDataSharingIT::name)
        .contains(name(archive) + "." + stale.pid() + ".dump");
  }

  @Test
  void kubereplay_cds_off_leaves_the_cache_alone() throws Exception {
    kubereplay.with("KUBEREPLAY_CDS", "off");
    assertVersionRan(kubereplay.run("first", "version"));
    assertVersionRan(kubereplay.run("second", "version"));
    assertThat(kubereplay.cdsDirectory()).doesNotExist();
  }
}
