package dev.kubereplay.server.it.cluster;

import static dev.kubereplay.server.it.cluster.ClusterObjects.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.cluster.RealApiServer;
import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.ClusterRpcService;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.ListNamespacesResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.ScopeParams;
import dev.kubereplay.protocol.cluster.WatchParams;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import dev.kubereplay.server.it.cluster.KubereplayJar.Run;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user whose Role lets them list workloads, pods, services, events and configmaps of one
 * namespace, but not its secrets, nor patch anything: the forbidden view fails alone.
 */
class RestrictedUserIT {

  private static final String RESTRICTED = RealApiServer.RESTRICTED;

  @TempDir static Path home;
  private static String namespace;
  private static KubereplayJar jar;
  private static KubernetesClient admin;

  @BeforeAll
  static void grantEverythingButSecrets() {
    RealApiServer cluster = RealApiServer.get();
    admin = cluster.client();
    namespace = cluster.createNamespace("restricted");
    admin
        .rbac()
        .roles()
        .inNamespace(namespace)
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName("workload-reader")
                .endMetadata()
                .withRules(
                    new PolicyRuleBuilder()
                        .withApiGroups("apps")
                        .withResources("deployments", "statefulsets", "daemonsets")
                        .withVerbs("get", "list", "watch")
                        .build(),
                    new PolicyRuleBuilder()
                        .withApiGroups("")
                        .withResources("pods", "services", "events", "configmaps")
                        .withVerbs("get", "list", "watch")
                        .build())
                .build())
        .create();
    admin
        .rbac()
        .roleBindings()
        .inNamespace(namespace)
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName("workload-reader")
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", "workload-reader")
                .addNewSubject()
                .withApiGroup("rbac.authorization.k8s.io")
                .withKind("User")
                .withName(RESTRICTED)
                .endSubject()
                .build())
        .create();
    ClusterObjects objects = new ClusterObjects(admin, namespace);
    objects.deployment("api", 1, Map.of(), container("app", "100m", "64Mi"));
    objects.secret("db-credentials", "Opaque", Map.of("password", "never-shown"));
    objects.service("api", Map.of("app", "api"), 80, "8080");
    jar = new KubereplayJar(cluster, home);
  }

  private String forbiddenSecrets() {
    return "forbidden: cannot list secrets in namespace " + namespace;
  }

  @Test
  void cli_secrets_fails_with_one_forbidden_line_while_workloads_and_services_answer()
      throws Exception {
    Run secrets = jar.view("secrets", namespace, "--context", RESTRICTED);
    Run workloads = jar.view("workloads", namespace, "--context", RESTRICTED);
    Run services = jar.view("services", namespace, "--context", RESTRICTED);

    assertThat(secrets.exitCode()).isEqualTo(1);
    assertThat(secrets.stdout()).isEmpty();
    assertThat(secrets.stderr().strip()).isEqualTo("kubereplay: " + forbiddenSecrets());
    assertThat(workloads.json(ListWorkloadsResponse.class).workloads())
        .extracting(WorkloadDto::name)
        .containsExactly("api");
    assertThat(services.stdout()).contains("\"api\"");
  }

  @Test
  void cli_namespaces_fall_back_to_the_namespace_asked_for_and_a_toggle_is_forbidden()
      throws Exception {
    ListNamespacesResponse namespaces =
        jar.view("namespaces", namespace, "--context", RESTRICTED)
            .json(ListNamespacesResponse.class);
    Run inject =
        jar.run("cluster", "inject", "api", "--on", "-n", namespace, "--context", RESTRICTED);

    assertThat(namespaces.fallback()).isTrue();
    assertThat(namespaces.namespaces()).containsExactly(namespace);
    assertThat(namespaces.message()).startsWith("forbidden: cannot list namespaces");
    assertThat(inject.exitCode()).isEqualTo(1);
    assertThat(inject.stderr().strip())
        .isEqualTo("kubereplay: forbidden: cannot patch deployments/api in namespace " + namespace);
  }

  @Test
  void over_the_protocol_secrets_fail_forbidden_alone_before_and_while_watching() throws Exception {
    try (TestSession session = jar.session()) {
      ClusterRpcService cluster = session.server().getClusterService();
      ScopeParams scope = new ScopeParams(RESTRICTED, namespace);

      assertForbidden(cluster, scope);
      assertThat(cluster.listWorkloads(scope).get(30, TimeUnit.SECONDS).workloads()).hasSize(1);

      cluster
          .watch(
              new WatchParams(
                  RESTRICTED, namespace, List.of(ClusterView.WORKLOADS, ClusterView.SECRETS)))
          .get(30, TimeUnit.SECONDS);
      long watching = System.nanoTime();
      assertForbidden(cluster, scope);
      assertThat(cluster.listWorkloads(scope).get(30, TimeUnit.SECONDS).workloads()).hasSize(1);
      assertThat(cluster.listServices(scope).get(30, TimeUnit.SECONDS).services()).hasSize(1);
      assertThat(cluster.listEvents(scope).get(30, TimeUnit.SECONDS).events()).isEmpty();

      // An informer the API server refuses gives up: it does not list again and again, each time
      // with a stack trace in the log (its retries would come every 0.5 to 2 s).
      Thread.sleep(Math.max(0, 3000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - watching)));
      assertThat(session.stderr())
          .filteredOn(line -> line.contains("/secrets") && line.contains("will retry"))
          .hasSizeLessThanOrEqualTo(1);
    }
  }

  private void assertForbidden(ClusterRpcService cluster, ScopeParams scope) {
    assertThatThrownBy(() -> cluster.listSecrets(scope).get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            ResponseErrorException.class,
            e -> {
              assertThat(e.getResponseError().getCode()).isEqualTo(ErrorCode.FORBIDDEN.code());
              assertThat(e.getResponseError().getMessage()).isEqualTo(forbiddenSecrets());
            });
  }
}
