package dev.kubereplay.intellij.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AttachTargetTest {

  @Test
  void without_a_port_the_plugin_spawns_its_own_server() throws Exception {
    assertThat(AttachTarget.fromEnvironment(Map.of())).isNull();
    assertThat(AttachTarget.fromEnvironment(Map.of("KUBEREPLAY_TOKEN", "x".repeat(20)))).isNull();
  }

  @Test
  void reads_the_port_and_the_token_and_hides_the_token_in_its_text() throws Exception {
    AttachTarget target =
        AttachTarget.fromEnvironment(
            Map.of("KUBEREPLAY_SERVER_PORT", "5007", "KUBEREPLAY_TOKEN", " s3cret-0123456789 "));

    assertThat(target).isEqualTo(new AttachTarget(5007, "s3cret-0123456789"));
    assertThat(target.toString()).doesNotContain("s3cret");
  }

  @Test
  void a_port_without_a_token_says_which_variable_to_set() {
    assertThatThrownBy(() -> AttachTarget.fromEnvironment(Map.of("KUBEREPLAY_SERVER_PORT", "5007")))
        .isInstanceOf(ServerUnavailableException.class)
        .hasMessage(
            "KUBEREPLAY_SERVER_PORT is set, but KUBEREPLAY_TOKEN is not: set it to the token"
                + " 'kubereplay serve --port 5007' printed at start.");
  }

  @Test
  void a_port_that_is_not_a_port_is_named() {
    assertThatThrownBy(
            () ->
                AttachTarget.fromEnvironment(
                    Map.of("KUBEREPLAY_SERVER_PORT", "70000", "KUBEREPLAY_TOKEN", "t")))
        .hasMessage("KUBEREPLAY_SERVER_PORT is '70000', which is not a TCP port (1-65535).");
  }
}
