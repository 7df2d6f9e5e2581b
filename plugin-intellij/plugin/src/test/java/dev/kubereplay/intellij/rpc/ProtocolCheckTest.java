package dev.kubereplay.intellij.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.intellij.KubeReplaySession;
import dev.kubereplay.intellij.cluster.ContextsState;
import dev.kubereplay.intellij.testing.FakeServer;
import dev.kubereplay.protocol.initialize.InitializeResponse;
import dev.kubereplay.protocol.initialize.ProtocolVersion;
import dev.kubereplay.protocol.initialize.ServerCapabilitiesDto;
import dev.kubereplay.protocol.initialize.ServerInfoDto;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The plugin talks only to a server of its own major protocol version. */
class ProtocolCheckTest {

  private static InitializeResponse answer(String protocolVersion) {
    return new InitializeResponse(
        new ServerInfoDto("kubereplay", "7.0.0", 3),
        new ServerCapabilitiesDto(List.of()),
        protocolVersion);
  }

  @Test
  void a_server_of_the_same_major_or_one_that_predates_versions_is_fine() {
    assertThat(ProtocolCheck.problem(answer(ProtocolVersion.CURRENT.toString()), "0.1.0")).isNull();
    assertThat(ProtocolCheck.problem(answer(ProtocolVersion.CURRENT.major() + ".99"), "0.1.0"))
        .isNull();
    assertThat(ProtocolCheck.problem(answer(null), "0.1.0")).as("spoke 1.x").isNull();
  }

  @Test
  void a_newer_major_names_both_versions_and_says_to_update_the_plugin() {
    String newer = (ProtocolVersion.CURRENT.major() + 1) + ".0";
    assertThat(ProtocolCheck.problem(answer(newer), "0.1.0"))
        .isEqualTo(
            "The kubereplay server 7.0.0 speaks protocol "
                + newer
                + ", but the Kube Replay plugin 0.1.0 speaks protocol "
                + ProtocolVersion.CURRENT
                + ": they cannot work together. Update the plugin, or use an older server, so"
                + " both speak protocol "
                + (ProtocolVersion.CURRENT.major() + 1)
                + ".x.");
  }

  @Test
  void an_older_major_says_to_update_the_server_and_a_garbled_version_is_quoted() {
    assertThat(ProtocolCheck.problem(answer("0.4"), "0.1.0"))
        .contains("speaks protocol 0.4, but the Kube Replay plugin 0.1.0")
        .contains("Update the server (-Dkubereplay.server.jar, or the one attached to)");
    assertThat(ProtocolCheck.problem(answer("two"), "0.1.0")).contains("'two' is not major.minor");
  }

  @Test
  void a_session_refuses_a_server_of_another_major_and_stops_it() throws Exception {
    try (FakeServer fake = new FakeServer();
        KubeReplaySession session = new KubeReplaySession(fake::start)) {
      fake.protocolVersion = (ProtocolVersion.CURRENT.major() + 1) + ".0";

      ContextsState state = session.contexts().refresh().get(30, TimeUnit.SECONDS);

      assertThat(state).isInstanceOf(ContextsState.ServerUnavailable.class);
      assertThat(((ContextsState.ServerUnavailable) state).exit().reason())
          .contains("speaks protocol " + fake.protocolVersion)
          .contains("speaks protocol " + ProtocolVersion.CURRENT)
          .contains("Update the plugin");
      assertThat(fake.listContextsCalls).as("nothing sent after initialize").hasValue(0);
      assertThat(fake.initializeCalls.get(0).protocolVersion())
          .as("the plugin sent its own version")
          .isEqualTo(ProtocolVersion.CURRENT.toString());
    }
  }
}
