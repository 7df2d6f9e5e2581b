package dev.kubereplay.server.cluster.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorsAndQuantitiesTest {

  @Test
  void label_selectors_match_labels_and_expressions_as_the_api_server_does() {
    var selector =
        new LabelSelectorBuilder()
            .addToMatchLabels("app", "api")
            .addNewMatchExpression()
            .withKey("tier")
            .withOperator("In")
            .withValues("web", "edge")
            .endMatchExpression()
            .addNewMatchExpression()
            .withKey("canary")
            .withOperator("DoesNotExist")
            .endMatchExpression()
            .build();

    assertThat(Selectors.matches(selector, Map.of("app", "api", "tier", "web"))).isTrue();
    assertThat(Selectors.matches(selector, Map.of("app", "api", "tier", "db"))).isFalse();
    assertThat(Selectors.matches(selector, Map.of("app", "api", "tier", "web", "canary", "1")))
        .isFalse();
    assertThat(Selectors.matches(new LabelSelectorBuilder().build(), Map.of("app", "api")))
        .as("empty selects nothing")
        .isFalse();
    assertThat(Selectors.matches(Map.of("app", "api"), Map.of("app", "api", "x", "y"))).isTrue();
    assertThat(Selectors.matches(Map.of(), Map.of("app", "api"))).isFalse();
  }

  @Test
  void quantities_become_millicores_and_bytes() {
    assertThat(Quantities.cpuMillis(new Quantity("250m"))).isEqualTo(250);
    assertThat(Quantities.cpuMillis(new Quantity("1.5"))).isEqualTo(1500);
    assertThat(Quantities.bytes(new Quantity("512Mi"))).isEqualTo(512L * 1024 * 1024);
    assertThat(Quantities.bytes(new Quantity("1G"))).isEqualTo(1_000_000_000L);
    assertThat(Quantities.bytes(null)).isZero();
  }
}
