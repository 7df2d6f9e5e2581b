package dev.kubereplay.server.it.cluster;

import static dev.kubereplay.server.it.cluster.ClusterObjects.container;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.fixtures.cluster.RealApiServer;
import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.cluster.ClusterRpcService;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.cluster.ScopeParams;
import dev.kubereplay.protocol.cluster.WatchParams;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the IDE shows stays live: a write reaches it as {@code cluster/didChange}. The deadline is
 * generous, for a loaded machine; how fast it comes is measured by {@code ClusterBenchmark}.
 */
class LiveUpdatesIT {

  private static final Duration WITHIN = Duration.ofSeconds(30);

  @TempDir static Path home;
  private static String namespace;
  private static KubernetesClient admin;
  private static ClusterObjects objects;
  private static TestSession session;
  private static ClusterRpcService cluster;

  @BeforeAll
  static void watchAWorkload() throws Exception {
    RealApiServer server = RealApiServer.get();
    admin = server.client();
    namespace = server.createNamespace("live");
    objects = new ClusterObjects(admin, namespace);
    objects.deployment("api", 1, Map.of(), container("app", "100m", "64Mi"));
    Replays.install(admin);
    Replays.create(
        admin,
        namespace,
        "run",
        Map.of(
            "snapshotID",
            "snap",
            "workloads",
            List.of(Map.of("ref", Map.of("kind", "Deployment", "name", "api")))),
        Map.of("phase", "Running", "progress", 10));
    session = new KubereplayJar(server, home).session();
    cluster = session.server().getClusterService();
    cluster
        .watch(
            new WatchParams(
                null,
                namespace,
                List.of(
                    ClusterView.WORKLOADS,
                    ClusterView.SERVICES,
                    ClusterView.EVENTS,
                    ClusterView.REPLAYS)))
        .get(30, TimeUnit.SECONDS);
    Notifications.settle(session, Duration.ofMillis(1000), Duration.ofSeconds(20));
  }

  @AfterAll
  static void close() throws Exception {
    if (session != null) {
      session.close();
    }
  }

  private static WorkloadDto api() throws Exception {
    return cluster
        .listWorkloads(new ScopeParams(null, namespace))
        .get(30, TimeUnit.SECONDS)
        .workloads()
        .stream()
        .filter(w -> w.name().equals("api"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void scaling_a_deployment_is_a_workloads_change_and_the_view_shows_it() throws Exception {
    admin.apps().deployments().inNamespace(namespace).withName("api").scale(3);

    DidChangeClusterParams change =
        Notifications.await(session, Notifications.views(ClusterView.WORKLOADS), WITHIN);

    assertThat(change.context()).isEqualTo(RealApiServer.ADMIN);
    assertThat(change.namespace()).isEqualTo(namespace);
    assertThat(api().desired()).isEqualTo(3);
  }

  @Test
  void annotating_the_pod_template_from_another_client_is_seen() throws Exception {
    admin
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName("api")
        .edit(
            d ->
                new DeploymentBuilder(d)
                    .editSpec()
                    .editTemplate()
                    .editMetadata()
                    .addToAnnotations("kubereplay.dev/tls-out", "true")
                    .endMetadata()
                    .endTemplate()
                    .endSpec()
                    .build());

    Notifications.await(session, Notifications.views(ClusterView.WORKLOADS), WITHIN);

    assertThat(api().tlsOut()).isTrue();
  }

  @Test
  void a_new_warning_event_changes_events_and_workloads_and_a_service_changes_services()
      throws Exception {
    objects.event(
        "api-backoff",
        "Warning",
        "BackOff",
        "Deployment",
        "api",
        null,
        "Back-off",
        1,
        Instant.now());
    DidChangeClusterParams change =
        Notifications.await(session, Notifications.views(ClusterView.EVENTS), WITHIN);
    assertThat(change.views()).contains(ClusterView.WORKLOADS);

    objects.service("api", Map.of("app", "api"), 80, "8080");
    Notifications.await(session, Notifications.views(ClusterView.SERVICES), WITHIN);
  }

  @Test
  void the_operator_writing_a_replay_status_is_a_replays_change() throws Exception {
    var replay = Replays.replays(admin).inNamespace(namespace).withName("run").get();
    replay.setAdditionalProperty("status", Map.of("phase", "Running", "progress", 55));
    Replays.replays(admin).inNamespace(namespace).resource(replay).updateStatus();

    Notifications.await(session, Notifications.views(ClusterView.REPLAYS), WITHIN);

    assertThat(
            cluster
                .listReplays(new ScopeParams(null, namespace))
                .get(30, TimeUnit.SECONDS)
                .replays()
                .get(0)
                .progress())
        .isEqualTo(55.0);
  }

  @Test
  void a_burst_of_writes_is_coalesced_into_a_few_notifications() throws Exception {
    Notifications.settle(session, Duration.ofMillis(600), Duration.ofSeconds(10));
    long start = System.nanoTime();
    for (int i = 0; i < 20; i++) {
      objects.pod("burst-" + i, "api", List.of(container("app", "10m", "8Mi")));
    }
    long writing = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    List<DidChangeClusterParams> seen =
        Notifications.settle(session, Duration.ofMillis(1000), Duration.ofSeconds(20));

    assertThat(seen).isNotEmpty();
    // at most one per 250 ms flush while writing, and the last flush after it
    assertThat(seen.size()).isLessThanOrEqualTo((int) (writing / 250) + 2);
  }
}
