package dev.kubereplay.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.server.traffic.ImportOptions;
import dev.kubereplay.server.traffic.ImportRequest;
import dev.kubereplay.server.traffic.TrafficException;
import dev.kubereplay.server.traffic.model.Direction;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostsTest {

  @Test
  void a_pasted_url_is_cut_to_the_host_a_recorded_pair_of_it_names() {
    assertThat(Hosts.of("https://payments.example.test/v1/charges?x=1"))
        .isEqualTo("payments.example.test")
        .isEqualTo(Urls.host("https://payments.example.test/v1/charges?x=1"));
    assertThat(Hosts.of("http://User:pw@Payments:8443/v1#top")).isEqualTo("payments:8443");
    assertThat(Hosts.of("https://payments:443/")).isEqualTo("payments");
  }

  @Test
  void a_bare_host_keeps_its_port_unless_it_is_a_default_one() {
    assertThat(Hosts.of("  API.Local ")).isEqualTo("api.local");
    assertThat(Hosts.of("127.0.0.1:8080")).isEqualTo("127.0.0.1:8080");
    assertThat(Hosts.of("payments:443")).isEqualTo("payments");
    assertThat(Hosts.of("payments:80/health")).isEqualTo("payments");
    assertThat(Hosts.of("[::1]:9000")).isEqualTo("[::1]:9000");
    assertThat(Hosts.of("inventory_svc.shop")).isEqualTo("inventory_svc.shop");
  }

  @Test
  void repeats_count_once_in_the_order_given() {
    assertThat(Hosts.of(List.of("b.test", "https://A.test/x", "a.test", "b.test:443")))
        .containsExactly("b.test", "a.test");
    assertThat(Hosts.of((List<String>) null)).isEmpty();
  }

  @Test
  void what_is_not_a_host_is_refused_naming_it() {
    for (String bad : List.of("", "  ", "pay ments", "https://", "-payments", "a..b", "x:99999")) {
      assertThatThrownBy(() -> Hosts.of(bad))
          .isInstanceOf(TrafficException.class)
          .hasMessageStartingWith("'" + bad.strip() + "' is not a host")
          .satisfies(
              e ->
                  assertThat(((TrafficException) e).reason())
                      .isEqualTo(TrafficException.Reason.INVALID));
    }
  }

  @Test
  void an_outbound_host_named_by_url_or_in_capitals_makes_its_pairs_out() {
    ImportRequest request =
        new ImportRequest(
            Path.of("x.har"),
            null,
            null,
            Set.of("https://Payments.example.test/v1"),
            0,
            List.of(),
            null);
    ImportOptions options =
        new ImportOptions(request.outboundHosts(), request.maxBodyBytes(), null);

    assertThat(options.directionOf("payments.example.test")).isEqualTo(Direction.OUT);
    assertThat(options.directionOf("payments.example.test:8443")).isEqualTo(Direction.OUT);
    assertThat(options.directionOf("shop.example.test")).isEqualTo(Direction.IN);
  }
}
