package dev.kubereplay.server.listen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class LoopbackRuleTest {

  private static final LoopbackRule.Listener MOCKS =
      new LoopbackRule.Listener(
          "the mock server", "read the recorded responses", "add --allow-remote-clients");

  @Test
  void loopback_addresses_pass_whatever_the_spelling() {
    for (String host : new String[] {"127.0.0.1", "127.0.0.2", "::1", "localhost"}) {
      InetSocketAddress address = new InetSocketAddress(host, 8081);
      assertThat(LoopbackRule.require(address, false, MOCKS)).as(host).isSameAs(address);
      assertThat(LoopbackRule.warning(address, MOCKS)).as(host).isNull();
    }
  }

  @Test
  void the_wildcard_and_network_addresses_are_refused_saying_why_and_how() {
    for (String host : new String[] {"0.0.0.0", "::", "192.0.2.10"}) {
      InetSocketAddress address = new InetSocketAddress(host, 8081);
      assertThatThrownBy(() -> LoopbackRule.require(address, false, MOCKS))
          .as(host)
          .isInstanceOf(ListenRefusedException.class)
          .hasMessageContaining("the mock server listens on loopback only")
          .hasMessageContaining(" is not a loopback address")
          .hasMessageContaining("anyone who can reach this machine could read the recorded")
          .hasMessageContaining("Listen on 127.0.0.1:8081 instead")
          .hasMessageEndingWith(
              "to accept clients from other machines, add --allow-remote-clients.")
          .satisfies(
              e ->
                  assertThat(((ListenRefusedException) e).subject())
                      .isEqualTo(host.contains(":") ? "[0:0:0:0:0:0:0:0]:8081" : host + ":8081"));
    }
  }

  @Test
  void a_host_that_does_not_resolve_is_not_taken_for_loopback() {
    InetSocketAddress address = InetSocketAddress.createUnresolved("no-such-host.invalid", 80);
    assertThatThrownBy(() -> LoopbackRule.require(address, false, MOCKS))
        .hasMessageContaining("no-such-host.invalid:80 does not resolve to a loopback address");
  }

  @Test
  void with_remote_clients_allowed_any_address_passes_with_a_warning_naming_the_risk() {
    InetSocketAddress address = new InetSocketAddress("0.0.0.0", 8081);
    assertThat(LoopbackRule.require(address, true, MOCKS)).isSameAs(address);
    assertThat(LoopbackRule.warning(address, MOCKS))
        .isEqualTo(
            "WARNING: the mock server listens on 0.0.0.0:8081, beyond loopback: anyone who can"
                + " reach this machine on port 8081 can read the recorded responses. Stop it as"
                + " soon as you are done.");
  }
}
