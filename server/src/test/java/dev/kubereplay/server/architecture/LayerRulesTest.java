package dev.kubereplay.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules hold for the server's code, and each reports a deliberate break of it: the {@code
 * archfixtures} packages of the test sources break every rule once.
 */
class LayerRulesTest {

  private static JavaClasses server;
  private static JavaClasses fixtures;

  @BeforeAll
  static void importClasses() {
    server =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.kubereplay.server");
    fixtures =
        new ClassFileImporter()
            .importPackages(
                "dev.kubereplay.server.cluster.archfixtures",
                "dev.kubereplay.server.cli.archfixtures",
                "dev.kubereplay.server.rpc.archfixtures");
  }

  @Test
  void no_domain_class_depends_on_a_protocol_type() {
    LayerRules.DOMAIN_SPEAKS_NO_PROTOCOL.check(server);
  }

  @Test
  void cli_and_rpc_reach_stores_and_the_kubernetes_client_only_through_services() {
    LayerRules.FRONT_ENDS_GO_THROUGH_SERVICES.check(server);
  }

  @Test
  void a_domain_class_returning_a_protocol_dto_breaks_the_domain_rule() {
    assertThat(violations(LayerRules.DOMAIN_SPEAKS_NO_PROTOCOL))
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("archfixtures.DomainSpeakingProtocol")
                    .contains("dev.kubereplay.protocol.cluster.WorkloadRefDto"));
  }

  @Test
  void cli_or_rpc_reaching_a_store_or_the_kubernetes_client_breaks_the_service_rule() {
    List<String> violations = violations(LayerRules.FRONT_ENDS_GO_THROUGH_SERVICES);
    assertThat(violations)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("rpc.archfixtures.RpcReadingTheStore")
                    .contains("traffic.store.SnapshotStore"));
    assertThat(violations)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("cli.archfixtures.CliUsingKubeClients")
                    .contains("cluster.kube.ClusterClients"));
    assertThat(violations)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("cli.archfixtures.CliUsingKubeClients")
                    .contains("io.fabric8.kubernetes.client.KubernetesClient"));
  }

  @Test
  void fixtures_are_no_part_of_the_server_the_rules_check() {
    assertThat(server.containPackage("dev.kubereplay.server.cluster.archfixtures")).isFalse();
    assertThat(server.contain("dev.kubereplay.server.cluster.ClusterService")).isTrue();
  }

  private static List<String> violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(fixtures);
    assertThat(result.hasViolation()).as("%s reports the fixtures", rule.getDescription()).isTrue();
    return result.getFailureReport().getDetails();
  }
}
