package dev.kubereplay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.server.ServerEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(
        new ServerEnvironment(Map.of("KUBEREPLAY_HOME", dir.toString()), dir),
        new PrintWriter(out),
        new PrintWriter(err),
        args);
  }

  @Test
  void an_unknown_command_with_help_is_an_error_not_the_top_level_help() {
    int exit = run("mokc", "--help");

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).as("no usage on stdout, as if it had worked").isEmpty();
    assertThat(err.toString())
        .startsWith("kubereplay: unknown command 'mokc'")
        .contains("kubereplay --help");
  }

  @Test
  void a_misspelt_command_gets_a_suggestion_whatever_follows_it() {
    int exit = run("snapshts", "-o", "json");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown command 'snapshts'")
        .contains("Did you mean")
        .contains("snapshots");
  }

  @Test
  void known_commands_and_the_top_level_help_still_work() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: kubereplay").contains("snapshots");
    assertThat(run("snapshots", "--help")).isZero();
    assertThat(out.toString()).contains("Usage: kubereplay snapshots");
    assertThat(err.toString()).isEmpty();
  }
}
