package dev.kubereplay.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * How the server's layers may depend on each other. The domain (cluster, traffic, replay) speaks
 * its own types; {@code rpc} maps them to the protocol's DTOs; {@code cli} and {@code rpc} reach
 * the domain through its services, never through a store or the Kubernetes client.
 */
final class LayerRules {

  static final String PROTOCOL = "dev.kubereplay.protocol..";

  static final String[] DOMAIN = {
    "dev.kubereplay.server.cluster..",
    "dev.kubereplay.server.traffic..",
    "dev.kubereplay.server.replay..",
  };

  static final String[] FRONT_ENDS = {"dev.kubereplay.server.cli..", "dev.kubereplay.server.rpc.."};

  /** Behind the services: the SQLite store, the Kubernetes client and its model. */
  static final String[] BEHIND_SERVICES = {
    "dev.kubereplay.server.traffic.store..", "dev.kubereplay.server.cluster.kube..", "io.fabric8..",
  };

  static final ArchRule DOMAIN_SPEAKS_NO_PROTOCOL =
      noClasses()
          .that()
          .resideInAnyPackage(DOMAIN)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(PROTOCOL)
          .because("the domain has its own types and rpc maps them to the protocol's DTOs");

  static final ArchRule FRONT_ENDS_GO_THROUGH_SERVICES =
      noClasses()
          .that()
          .resideInAnyPackage(FRONT_ENDS)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(BEHIND_SERVICES)
          .because(
              "the CLI and the RPC server use the cluster and traffic services and their types,"
                  + " not the store or the Kubernetes client behind them");

  private LayerRules() {}
}
