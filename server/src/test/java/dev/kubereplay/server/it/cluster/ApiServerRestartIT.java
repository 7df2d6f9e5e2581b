package dev.kubereplay.server.it.cluster;

import static dev.kubereplay.server.it.cluster.ClusterObjects.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.cluster.RealApiServer;
import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.cluster.ClusterChangeKind;
import dev.kubereplay.protocol.cluster.ClusterRpcService;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.cluster.ListSecretsResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.ScopeParams;
import dev.kubereplay.protocol.cluster.SecretDto;
import dev.kubereplay.protocol.cluster.WatchParams;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API server goes away while an IDE watches, and comes back on the same address: the IDE hears
 * both transitions, is answered the last known state marked stale meanwhile, and fresh data after,
 * with the same kubereplay process.
 */
class ApiServerRestartIT {

  /**
   * Generous, for a loaded machine; how fast each comes is measured by {@code ClusterBenchmark}.
   */
  private static final Duration ON_TIME = Duration.ofSeconds(30);

  @TempDir static Path home;
  private static RealApiServer server;
  private static String namespace;
  private static KubernetesClient admin;
  private static KubereplayJar jar;
  private static TestSession session;

  @BeforeAll
  static void createAWorkload() throws Exception {
    server = RealApiServer.get();
    admin = server.client();
    namespace = server.createNamespace("restart");
    ClusterObjects objects = new ClusterObjects(admin, namespace);
    objects.deployment("api", 1, Map.of(), container("app", "100m", "64Mi"));
    objects.secret("db-credentials", "Opaque", Map.of("password", "x"));
    jar = new KubereplayJar(server, home);
    session = jar.session();
  }

  @AfterAll
  static void close() throws Exception {
    if (session != null) {
      session.close();
    }
  }

  private static ListWorkloadsResponse workloads(ClusterRpcService cluster) throws Exception {
    return cluster.listWorkloads(new ScopeParams(null, namespace)).get(60, TimeUnit.SECONDS);
  }

  private static ListSecretsResponse secrets(ClusterRpcService cluster) throws Exception {
    return cluster.listSecrets(new ScopeParams(null, namespace)).get(60, TimeUnit.SECONDS);
  }

  @Test
  void views_turn_stale_while_the_api_server_is_down_and_fresh_after_it_restarts()
      throws Exception {
    ClusterRpcService cluster = session.server().getClusterService();
    assertThat(secrets(cluster).secrets())
        .extracting(SecretDto::name)
        .containsExactly("db-credentials");
    cluster
        .watch(new WatchParams(null, namespace, List.of(ClusterView.WORKLOADS)))
        .get(30, TimeUnit.SECONDS);
    assertThat(Notifications.settle(session, Duration.ofMillis(1000), Duration.ofSeconds(20)))
        .as("starting to watch loses no connection")
        .noneMatch(change -> change.changes().contains(ClusterChangeKind.CONNECTION));
    assertThat(workloads(cluster).freshness().stale()).isFalse();

    try {
      server.stopApiServer();

      DidChangeClusterParams lost =
          Notifications.await(session, Notifications.connection(true), ON_TIME);
      assertThat(lost.context()).isEqualTo(RealApiServer.ADMIN);
      assertThat(lost.freshness().since()).isNotNull();
      assertThat(lost.freshness().reason()).isNotBlank();

      ListWorkloadsResponse stale = workloads(cluster);
      assertThat(stale.freshness().stale()).isTrue();
      assertThat(stale.workloads()).extracting(WorkloadDto::name).containsExactly("api");
      ListSecretsResponse staleSecrets = secrets(cluster);
      assertThat(staleSecrets.freshness().stale())
          .as("a view read without a watch answers its last known state too")
          .isTrue();
      assertThat(staleSecrets.secrets())
          .extracting(SecretDto::name)
          .containsExactly("db-credentials");
      assertThatThrownBy(
              () ->
                  cluster.listServices(new ScopeParams(null, namespace)).get(60, TimeUnit.SECONDS))
          .as("a view never read before has nothing to fall back on")
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfSatisfying(
              ResponseErrorException.class,
              e ->
                  assertThat(e.getResponseError().getCode())
                      .isEqualTo(ErrorCode.CLUSTER_UNREACHABLE.code()));

      KubereplayJar.Run cli = jar.view("workloads", namespace);
      assertThat(cli.exitCode()).isEqualTo(1);
      assertThat(cli.stdout()).isEmpty();
      assertThat(cli.stderr().lines().toList())
          .as("the command line has no earlier answer: one line")
          .singleElement()
          .asString()
          .startsWith("kubereplay: API server unreachable");
    } finally {
      server.startApiServer();
    }

    Notifications.await(session, Notifications.connection(false), ON_TIME);
    assertThat(workloads(cluster).freshness().stale()).isFalse();
    assertThat(secrets(cluster).freshness().stale()).isFalse();

    admin.apps().deployments().inNamespace(namespace).withName("api").scale(2);
    Notifications.await(session, Notifications.views(ClusterView.WORKLOADS), ON_TIME);
    assertThat(workloads(cluster).workloads().get(0).desired()).isEqualTo(2);
  }

  @Test
  void a_restart_by_the_script_is_seen_as_lost_then_back_and_changes_flow_again() throws Exception {
    ClusterRpcService cluster = session.server().getClusterService();
    cluster
        .watch(new WatchParams(null, namespace, List.of(ClusterView.WORKLOADS)))
        .get(30, TimeUnit.SECONDS);
    Notifications.settle(session, Duration.ofMillis(1000), Duration.ofSeconds(20));

    server.restartApiServer();

    Notifications.await(session, Notifications.connection(true), ON_TIME);
    Notifications.await(session, Notifications.connection(false), ON_TIME);
    assertThat(workloads(cluster).freshness().stale()).isFalse();
    admin.apps().deployments().inNamespace(namespace).withName("api").scale(4);
    Notifications.await(session, Notifications.views(ClusterView.WORKLOADS), ON_TIME);
    assertThat(workloads(cluster).workloads().get(0).desired()).isEqualTo(4);
  }
}
