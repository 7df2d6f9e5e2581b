package dev.kubereplay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.kubereplay.fixtures.kubeconfig.Kubeconfigs;
import dev.kubereplay.server.ServerEnvironment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextsCommandTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(List<Path> kubeconfig, String... args) {
    ServerEnvironment environment =
        new ServerEnvironment(Map.of("KUBECONFIG", Kubeconfigs.variable(kubeconfig)), dir);
    return Main.run(environment, new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void prints_a_table_with_the_current_context_starred() {
    int exit = run(Kubeconfigs.copy(dir, "a.yaml", "b.yaml"), "contexts");

    assertThat(exit).isZero();
    List<String> lines = out.toString().lines().toList();
    assertThat(lines.get(0)).startsWith("CURRENT   NAME").contains("SERVER", "NAMESPACE", "AUTH");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1))
        .startsWith("*")
        .contains("dev", "https://127.0.0.1:6443", "shop", "client-certificate");
    assertThat(lines.get(3)).startsWith(" ").contains("prod", "exec");
  }

  @Test
  void json_output_has_the_shape_of_the_protocol_answer() {
    int exit = run(Kubeconfigs.copy(dir, "a.yaml", "b.yaml"), "contexts", "-o", "json");

    assertThat(exit).isZero();
    JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
    JsonArray contexts = json.getAsJsonArray("contexts");
    assertThat(contexts).hasSize(3);
    assertThat(contexts.get(0).getAsJsonObject().get("name").getAsString()).isEqualTo("dev");
    assertThat(contexts.get(0).getAsJsonObject().get("current").getAsBoolean()).isTrue();
    assertThat(contexts.get(2).getAsJsonObject().get("authKind").getAsString()).isEqualTo("EXEC");
    assertThat(json.get("currentContext").getAsString()).isEqualTo("dev");
  }

  @Test
  void a_malformed_kubeconfig_is_one_line_on_stderr_and_a_non_zero_exit() {
    List<Path> files = Kubeconfigs.copy(dir, "malformed.yaml");
    int exit = run(files, "contexts", "-o", "json");

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().lines().toList())
        .singleElement()
        .asString()
        .startsWith("kubereplay: malformed kubeconfig " + files.get(0) + ": line 7, column 6:");
  }

  @Test
  void an_unknown_output_format_is_a_usage_error() {
    int exit = run(Kubeconfigs.copy(dir, "a.yaml"), "contexts", "-o", "xml");
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("xml");
  }
}
