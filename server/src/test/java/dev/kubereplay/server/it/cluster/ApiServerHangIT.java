package dev.kubereplay.server.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kubereplay.fixtures.cluster.RealApiServer;
import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.cluster.ClusterRpcService;
import dev.kubereplay.protocol.cluster.ClusterView;
import dev.kubereplay.protocol.cluster.DidChangeClusterParams;
import dev.kubereplay.protocol.cluster.ScopeParams;
import dev.kubereplay.protocol.cluster.WatchParams;
import dev.kubereplay.protocol.logs.DidAppendLogsParams;
import dev.kubereplay.protocol.logs.DidEndLogsParams;
import dev.kubereplay.protocol.logs.FollowLogsResponse;
import dev.kubereplay.protocol.logs.LogLineDto;
import dev.kubereplay.protocol.logs.LogsParams;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API server stops answering (frozen: its port accepts connections and nothing comes back)
 * while an IDE watches a namespace and follows the logs of two pods. The log streams break, and
 * asking the frozen API server why hangs for its timeout; meanwhile the IDE still hears on time
 * that its views went stale, that the kubeconfig changed, and that the views are fresh once the API
 * server answers again. The pods' logs come from {@link FakeKubelet}: there is no kubelet here.
 */
class ApiServerHangIT {

  private static final Duration ON_TIME = Duration.ofSeconds(30);

  @TempDir static Path home;
  private static RealApiServer server;
  private static String namespace;
  private static FakeKubelet kubelet;
  private static Path kubeconfig;
  private static TestSession session;

  @BeforeAll
  static void podsWithLogs() throws Exception {
    server = RealApiServer.get();
    KubernetesClient admin = server.client();
    namespace = server.createNamespace("hang");
    kubelet = FakeKubelet.start(home);
    String node = namespace + "-node";
    admin
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(node)
                .endMetadata()
                .withNewStatus()
                .addNewAddress()
                .withType("InternalIP")
                .withAddress("127.0.0.1")
                .endAddress()
                .withNewDaemonEndpoints()
                .withNewKubeletEndpoint()
                .withPort(kubelet.port())
                .endKubeletEndpoint()
                .endDaemonEndpoints()
                .endStatus()
                .build())
        .create();
    for (String pod : List.of("api-1", "api-2")) {
      admin
          .pods()
          .inNamespace(namespace)
          .resource(
              new PodBuilder()
                  .withNewMetadata()
                  .withName(pod)
                  .addToLabels("app", "api")
                  .endMetadata()
                  .withNewSpec()
                  .withNodeName(node)
                  .withContainers(new ContainerBuilder().withName("app").withImage("app").build())
                  .endSpec()
                  .build())
          .create();
    }
    kubeconfig = home.resolve("kubeconfig");
    Files.copy(server.kubeconfig(), kubeconfig);
    session = new KubereplayJar(kubeconfig, home.resolve("data")).session();
  }

  @AfterAll
  static void close() throws Exception {
    if (session != null) {
      session.close();
    }
    if (kubelet != null) {
      kubelet.close();
    }
  }

  @Test
  void views_go_stale_and_fresh_and_kubeconfig_edits_arrive_on_time_while_follows_wait_on_it()
      throws Exception {
    ClusterRpcService cluster = session.server().getClusterService();
    cluster
        .watch(new WatchParams(null, namespace, List.of(ClusterView.WORKLOADS)))
        .get(30, TimeUnit.SECONDS);
    Notifications.settle(session, Duration.ofMillis(1000), Duration.ofSeconds(20));
    List<FollowLogsResponse> follows = List.of(follow("api-1"), follow("api-2"));
    awaitLinesFrom(Set.of("api-1", "api-2"));

    server.pauseApiServer();
    try {
      DidChangeClusterParams lost =
          Notifications.await(session, Notifications.connection(true), ON_TIME);
      assertThat(lost.context()).isEqualTo(RealApiServer.ADMIN);

      Files.writeString(kubeconfig, Files.readString(kubeconfig) + "# edited while it hangs\n");
      Notifications.await(session, Notifications.contexts(), ON_TIME);
    } finally {
      server.resumeApiServer();
    }

    Notifications.await(session, Notifications.connection(false), ON_TIME);
    assertThat(
            cluster
                .listWorkloads(new ScopeParams(null, namespace))
                .get(30, TimeUnit.SECONDS)
                .freshness()
                .stale())
        .isFalse();
    Set<String> ended = new HashSet<>();
    while (ended.size() < follows.size()) {
      DidEndLogsParams end = session.client().awaitLogEnd(Duration.ofSeconds(120));
      assertThat(end).as("each follow ends, saying why, once its stream broke").isNotNull();
      assertThat(end.reason()).isNotBlank();
      ended.add(end.followId());
    }
    assertThat(ended)
        .containsExactlyInAnyOrderElementsOf(
            follows.stream().map(FollowLogsResponse::followId).toList());
  }

  private static FollowLogsResponse follow(String pod) throws Exception {
    return session
        .server()
        .getLogsService()
        .follow(new LogsParams(null, namespace, pod, "Pod", null, false, false, null, null))
        .get(30, TimeUnit.SECONDS);
  }

  private static void awaitLinesFrom(Set<String> pods) throws InterruptedException {
    Set<String> seen = new HashSet<>();
    long deadline = System.nanoTime() + ON_TIME.toNanos();
    while (!seen.containsAll(pods) && System.nanoTime() < deadline) {
      DidAppendLogsParams batch = session.client().awaitLogLines(Duration.ofSeconds(1));
      if (batch != null) {
        batch.lines().stream().map(LogLineDto::pod).forEach(seen::add);
      }
    }
    assertThat(seen).as("both pods' logs stream through the API server").containsAll(pods);
  }
}
