package dev.kubereplay.intellij.recordings.mocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.recordings.MockSamples;
import dev.kubereplay.protocol.replay.DifferenceDto;
import dev.kubereplay.protocol.replay.DifferencePart;
import dev.kubereplay.protocol.replay.EnvironmentVariableDto;
import dev.kubereplay.protocol.replay.MatchDto;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MockTextTest {

  @Test
  void the_environment_is_export_lines_in_the_servers_order() {
    assertThat(MockText.exports(MockSamples.CHECKOUT_MOCKS.environment()))
        .startsWith(
            "export HTTP_PROXY='http://127.0.0.1:41234'\n"
                + "export HTTPS_PROXY='http://127.0.0.1:41234'\n"
                + "export http_proxy='http://127.0.0.1:41234'\n")
        .contains("export NO_PROXY='localhost,127.0.0.1,::1'\n")
        .contains("export NODE_EXTRA_CA_CERTS='/home/me/.local/share/kubereplay/ca/ca.pem'\n")
        .endsWith(" -Djavax.net.ssl.trustStoreType=PKCS12'\n");
  }

  @Test
  void exported_values_reach_a_shell_as_they_are_quotes_and_dollars_included(@TempDir Path dir)
      throws Exception {
    assertThat(new File("/bin/sh")).exists();
    String value = "it's $HOME and `date` and \"quoted\" \\ back";
    Path script = dir.resolve("env.sh");
    Files.writeString(
        script,
        MockText.exports(List.of(new EnvironmentVariableDto("ODD", value)))
            + "printf '%s' \"$ODD\"\n");

    Process sh = new ProcessBuilder("/bin/sh", script.toString()).start();
    assertThat(sh.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo(value);
  }

  @Test
  void a_hit_names_its_request_its_pair_and_its_status() {
    assertThat(MockText.hit(MockSamples.hit(305, "GET", "https://payments.internal/c/42", 200)))
        .isEqualTo("GET https://payments.internal/c/42 → pair 305, 200");
  }

  @Test
  void a_miss_names_its_closest_recorded_call_and_each_difference() {
    assertThat(MockText.miss(MockSamples.CHARGE_MISS))
        .isEqualTo("POST https://payments.internal/v1/charges → no match, 598");
    assertThat(MockText.missDetails(MockSamples.CHARGE_MISS))
        .containsExactly(
            "closest: pair 301, POST https://payments.internal/v1/charges",
            "body $.amount: expected 3350, got 9999",
            "header idempotency-key: expected ch-7, missing",
            "1 more close calls");
  }

  @Test
  void differences_say_what_the_recording_lacks_and_what_the_request_lacks() {
    assertThat(MockText.difference(new DifferenceDto(DifferencePart.METHOD, "", "GET", "POST")))
        .isEqualTo("method: expected GET, got POST");
    assertThat(MockText.difference(new DifferenceDto(DifferencePart.QUERY, "page", null, "2")))
        .isEqualTo("query page: not recorded, got 2");
    assertThat(MockText.difference(new DifferenceDto(DifferencePart.BODY, "", "{…}", "<xml/>")))
        .isEqualTo("body: expected {…}, got <xml/>");
  }

  @Test
  void a_miss_nothing_came_close_to_says_so() {
    MatchDto lonely =
        new MatchDto(MockSamples.AT, "DELETE", "http://x.internal/", null, 598, List.of());

    assertThat(MockText.missDetails(lonely)).containsExactly("no recorded call came close");
  }

  @Test
  void where_mocks_listen_and_how_many_calls_they_answer_with() {
    assertThat(MockText.listening(MockSamples.CHECKOUT_MOCKS))
        .isEqualTo("Mocks of “checkout-flow” listen on 127.0.0.1:41234 · 318 recorded calls");
    assertThat(MockText.rowMark(MockSamples.CHECKOUT_MOCKS)).isEqualTo("mocks on 127.0.0.1:41234");
    assertThat(MockText.unsent(1204)).isEqualTo("1,204 more not shown");
  }
}
