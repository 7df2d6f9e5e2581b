package dev.kubereplay.intellij.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCommandTest {

  @TempDir Path dir;

  @Test
  void starts_the_jar_beside_the_plugins_lib_with_the_ides_own_java() throws Exception {
    Path javaHome = fakeJavaHome("jbr");
    Path pluginJar = touch(dir.resolve("plugins/kubereplay/lib/kubereplay-intellij-0.1.0.jar"));
    Path serverJar = touch(dir.resolve("plugins/kubereplay/server/kubereplay.jar"));

    ServerCommand command = ServerCommand.resolve(javaHome.toString(), null, pluginJar, false);

    assertThat(command.commandLine())
        .containsExactly(
            javaHome.resolve("bin/java").toString(),
            "-XX:+UseSerialGC",
            "-Xmx320m",
            "-XX:TieredStopAtLevel=1",
            "-jar",
            serverJar.toString(),
            "serve",
            "--stdio");
  }

  @Test
  void the_system_property_names_another_server_jar() throws Exception {
    Path javaHome = fakeJavaHome("jbr");
    Path built = touch(dir.resolve("server/target/kubereplay.jar"));

    ServerCommand command =
        ServerCommand.resolve(javaHome.toString(), built.toString(), null, false);

    assertThat(command.jar()).isEqualTo(built);
  }

  @Test
  void the_running_ide_uses_its_java_home() throws Exception {
    Path built = touch(dir.resolve("kubereplay.jar"));
    String previous = System.getProperty(ServerCommand.JAR_PROPERTY);
    System.setProperty(ServerCommand.JAR_PROPERTY, built.toString());
    try {
      ServerCommand command = ServerCommand.forThisIde();

      assertThat(command.java().getParent())
          .isEqualTo(Path.of(System.getProperty("java.home"), "bin"));
      assertThat(command.java()).isExecutable();
      assertThat(command.jar()).isEqualTo(built);
    } finally {
      if (previous == null) {
        System.clearProperty(ServerCommand.JAR_PROPERTY);
      } else {
        System.setProperty(ServerCommand.JAR_PROPERTY, previous);
      }
    }
  }

  @Test
  void finds_the_plugin_jar_from_a_class_file_url_when_there_is_no_code_source() {
    assertThat(
            ServerCommand.jarOf(
                "jar:file:/opt/idea/plugins/kubereplay/lib/kubereplay-intellij-0.1.0.jar"
                    + "!/dev/kubereplay/intellij/rpc/ServerCommand.class"))
        .isEqualTo(Path.of("/opt/idea/plugins/kubereplay/lib/kubereplay-intellij-0.1.0.jar"));
    assertThat(ServerCommand.jarOf("file:/work/target/classes/ServerCommand.class")).isNull();
    assertThat(
            ServerCommand.serverJarBeside(
                Path.of("/opt/idea/plugins/kubereplay/lib/kubereplay-intellij-0.1.0.jar")))
        .isEqualTo(Path.of("/opt/idea/plugins/kubereplay/server/kubereplay.jar"));
  }

  @Test
  void windows_runs_java_exe() {
    assertThat(ServerCommand.javaExecutable(Path.of("C:/jbr"), true))
        .isEqualTo(Path.of("C:/jbr", "bin", "java.exe"));
  }

  @Test
  void a_missing_java_runtime_is_named_in_the_error() throws Exception {
    Path emptyHome = Files.createDirectories(dir.resolve("no-java"));
    Path serverJar = touch(dir.resolve("kubereplay.jar"));

    assertThatThrownBy(
            () -> ServerCommand.resolve(emptyHome.toString(), serverJar.toString(), null, false))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageContaining("No Java executable at " + emptyHome.resolve("bin/java"))
        .hasMessageContaining("IDE's own Java runtime");
  }

  @Test
  void a_missing_server_jar_is_named_in_the_error_with_the_way_out() throws Exception {
    Path javaHome = fakeJavaHome("jbr");
    Path pluginJar = touch(dir.resolve("kubereplay/lib/kubereplay-intellij.jar"));

    assertThatThrownBy(() -> ServerCommand.resolve(javaHome.toString(), null, pluginJar, false))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageContaining(dir.resolve("kubereplay/server/kubereplay.jar").toString())
        .hasMessageContaining("-Dkubereplay.server.jar=");
  }

  @Test
  void a_wrong_override_is_named_in_the_error() throws Exception {
    Path javaHome = fakeJavaHome("jbr");

    assertThatThrownBy(
            () ->
                ServerCommand.resolve(javaHome.toString(), "/nowhere/kubereplay.jar", null, false))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessageContaining("/nowhere/kubereplay.jar");
  }

  @Test
  void the_exit_of_a_launch_failure_has_no_stderr() throws Exception {
    ServerUnavailableException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ServerUnavailableException.class, () -> ServerCommand.resolve(null, null, null, false));

    assertThat(e.exit().stderrTail()).isEqualTo(List.of());
    assertThat(e.exit().reason()).contains("java.home");
  }

  private Path fakeJavaHome(String name) throws IOException {
    Path java = touch(dir.resolve(name).resolve("bin/java"));
    java.toFile().setExecutable(true);
    return dir.resolve(name);
  }

  private static Path touch(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.write(file, new byte[0]);
  }
}
