package dev.kubereplay.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TypeScriptMirrorTest {

  private static final Path MIRROR = Path.of("../plugin-vscode/src/rpc/protocol.ts");

  @Test
  void typescript_mirror_matches_the_java_protocol() throws IOException {
    String expected = new TypeScriptMirror().render();
    if (Boolean.getBoolean("kubereplay.regenerate")) {
      Files.createDirectories(MIRROR.getParent());
      Files.writeString(MIRROR, expected, StandardCharsets.UTF_8);
    }
    assertThat(MIRROR).exists();
    assertThat(Files.readString(MIRROR, StandardCharsets.UTF_8))
        .as(
            "%s is out of step with the Java protocol; regenerate it with"
                + " ./mvnw -pl shared-model test -Dkubereplay.regenerate=true",
            MIRROR)
        .isEqualTo(expected);
  }

  @Test
  void every_request_and_notification_has_a_distinct_wire_name() {
    TypeScriptMirror mirror = new TypeScriptMirror();
    assertThat(mirror.requests())
        .extracting(TypeScriptMirror.RpcMethod::wireName)
        .contains("initialize", "shutdown", "cluster/listContexts")
        .doesNotHaveDuplicates();
    assertThat(mirror.notifications())
        .extracting(TypeScriptMirror.RpcMethod::wireName)
        .containsExactlyInAnyOrder(
            "cluster/didChange",
            "logs/didAppend",
            "logs/didEnd",
            "traffic/didProgress",
            "traffic/didFinishImport",
            "replay/didMatch",
            "traffic/didRecord");
  }
}
