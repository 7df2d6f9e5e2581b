package dev.kubereplay.server.cluster.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.rpc.TestSession;
import dev.kubereplay.protocol.ErrorCode;
import dev.kubereplay.protocol.logs.DidAppendLogsParams;
import dev.kubereplay.protocol.logs.DidEndLogsParams;
import dev.kubereplay.protocol.logs.LogLineDto;
import dev.kubereplay.protocol.logs.LogsParams;
import dev.kubereplay.protocol.logs.StopLogsParams;
import dev.kubereplay.server.ServerEnvironment;
import dev.kubereplay.server.cluster.KubeconfigLoader;
import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.cluster.kube.ClusterClients;
import dev.kubereplay.server.rpc.RpcServer;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs through the protocol, against fabric8's mock API server: a real API server here has no
 * kubelet, so it serves no logs. Objects live in the mock's CRUD store; the log endpoints are
 * expectations.
 */
@EnableKubernetesMockClient(crud = true)
class LogsMediumTest {

  KubernetesMockServer server;
  KubernetesClient client;

  @TempDir Path dir;
  private ServerEnvironment environment;
  private TestSession session;

  @BeforeEach
  void start() throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        current-context: mock
        clusters:
          - name: mock
            cluster: {server: "%s", insecure-skip-tls-verify: true}
        contexts:
          - name: mock
            context: {cluster: mock, user: mock, namespace: shop}
        users:
          - name: mock
            user: {token: mock-token}
        """
            .formatted(client.getMasterUrl().toString()));
    environment =
        new ServerEnvironment(
            Map.of(
                "KUBECONFIG",
                kubeconfig.toString(),
                "KUBEREPLAY_HOME",
                dir.resolve("data").toString()),
            dir);
    session = TestSession.inProcess((in, out) -> RpcServer.start(environment, in, out, null));
    session.initialize();

    client
        .apps()
        .deployments()
        .inNamespace("shop")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("api")
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", "api")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "api")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("api")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    client.pods().inNamespace("shop").resource(pod("api-1")).create();
    client.pods().inNamespace("shop").resource(pod("api-2")).create();
  }

  private static Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app", "api")
        .endMetadata()
        .withNewSpec()
        .addToContainers(new ContainerBuilder().withName("api").build())
        .addToContainers(new ContainerBuilder().withName("kubereplay-sidecar").build())
        .endSpec()
        .build();
  }

  @AfterEach
  void stop() throws Exception {
    session.close();
  }

  private static LogsParams params(String target, boolean sidecar, Integer tail) {
    return new LogsParams(null, null, target, null, null, sidecar, false, tail, null);
  }

  @Test
  void a_workload_gives_the_app_container_logs_of_all_its_pods() throws Exception {
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/pods/api-1/log?pretty=false&container=api")
        .andReturn(200, "one\ntwo\n")
        .once();
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/pods/api-2/log?pretty=false&container=api")
        .andReturn(200, "three\n")
        .once();

    List<LogLineDto> lines =
        session
            .server()
            .getLogsService()
            .get(params("api", false, null))
            .get(30, TimeUnit.SECONDS)
            .lines();

    assertThat(lines)
        .containsExactly(
            new LogLineDto("api-1", "api", "one"),
            new LogLineDto("api-1", "api", "two"),
            new LogLineDto("api-2", "api", "three"));
  }

  @Test
  void the_sidecar_and_tail_are_asked_for_when_requested() throws Exception {
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/shop/pods/api-1/log?pretty=false&container=kubereplay-sidecar&tailLines=5")
        .andReturn(200, "recorded 3 pairs\n")
        .once();

    List<LogLineDto> lines =
        session
            .server()
            .getLogsService()
            .get(params("api-1", true, 5))
            .get(30, TimeUnit.SECONDS)
            .lines();

    assertThat(lines)
        .containsExactly(new LogLineDto("api-1", "kubereplay-sidecar", "recorded 3 pairs"));
  }

  @Test
  void an_unknown_target_or_container_fails_that_request_with_a_clear_message() {
    assertThatThrownBy(
            () ->
                session
                    .server()
                    .getLogsService()
                    .get(params("nope", false, null))
                    .get(30, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            ResponseErrorException.class,
            e -> {
              assertThat(e.getResponseError().getCode()).isEqualTo(ErrorCode.NOT_FOUND.code());
              assertThat(e.getResponseError().getMessage())
                  .isEqualTo("not found: no workload or pod named nope in namespace shop");
            });
    assertThatThrownBy(
            () ->
                session
                    .server()
                    .getLogsService()
                    .get(new LogsParams(null, null, "api-1", "Pod", "db", false, false, null, null))
                    .get(30, TimeUnit.SECONDS))
        .cause()
        .isInstanceOfSatisfying(
            ResponseErrorException.class,
            e -> {
              assertThat(e.getResponseError().getCode()).isEqualTo(ErrorCode.INVALID_PARAMS.code());
              assertThat(e.getResponseError().getMessage())
                  .isEqualTo("pod api-1 has no container db (it has: api, kubereplay-sidecar)");
            });
  }

  @Test
  void a_follow_streams_batched_lines_and_ends_with_the_reason_when_the_pod_goes_away()
      throws Exception {
    server
        .expect()
        .get()
        .delay(1, TimeUnit.SECONDS)
        .withPath("/api/v1/namespaces/shop/pods/api-1/log?pretty=false&container=api&follow=true")
        .andReturn(200, "starting\nlistening on :8080\n")
        .once();

    var follow =
        session
            .server()
            .getLogsService()
            .follow(new LogsParams(null, null, "api-1", "Pod", null, false, false, null, null))
            .get(30, TimeUnit.SECONDS);
    client.pods().inNamespace("shop").withName("api-1").delete();

    assertThat(follow.pods()).containsExactly("api-1");
    List<LogLineDto> received = new java.util.ArrayList<>();
    DidAppendLogsParams batch;
    while (received.size() < 2
        && (batch = session.client().awaitLogLines(Duration.ofSeconds(30))) != null) {
      assertThat(batch.followId()).isEqualTo(follow.followId());
      received.addAll(batch.lines());
    }
    assertThat(received)
        .extracting(LogLineDto::text)
        .containsExactly("starting", "listening on :8080");
    DidEndLogsParams end = session.client().awaitLogEnd(Duration.ofSeconds(30));
    assertThat(end).isNotNull();
    assertThat(end.reason()).isEqualTo("pod shop/api-1 was deleted");
    assertThat(
            session
                .server()
                .getLogsService()
                .stop(new StopLogsParams(follow.followId()))
                .get(30, TimeUnit.SECONDS)
                .stopped())
        .as("an ended follow is not running")
        .isFalse();
  }

  @Test
  void stopping_a_follow_ends_it_with_reason_stopped() throws Exception {
    server
        .expect()
        .get()
        .delay(3, TimeUnit.SECONDS)
        .withPath(
            "/api/v1/namespaces/shop/pods/api-2/log?pretty=false&container=kubereplay-sidecar&follow=true")
        .andReturn(200, "slow\n")
        .once();

    var follow =
        session
            .server()
            .getLogsService()
            .follow(params("api-2", true, null))
            .get(30, TimeUnit.SECONDS);
    assertThat(
            session
                .server()
                .getLogsService()
                .stop(new StopLogsParams(follow.followId()))
                .get(30, TimeUnit.SECONDS)
                .stopped())
        .isTrue();

    DidEndLogsParams end = session.client().awaitLogEnd(Duration.ofSeconds(30));
    assertThat(end).isNotNull();
    assertThat(end.followId()).isEqualTo(follow.followId());
    assertThat(end.reason()).isEqualTo("stopped");
  }

  @Test
  void a_client_that_stops_reading_gets_the_newest_lines_and_a_mark_for_those_dropped()
      throws Exception {
    int written = 3 * LogBuffer.MAX_LINES;
    StringBuilder log = new StringBuilder();
    for (int i = 0; i < written; i++) {
      log.append("line ").append(i).append('\n');
    }
    server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/shop/pods/api-1/log?pretty=false&container=api&follow=true")
        .andReturn(200, log.toString())
        .once();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    CountDownLatch readAll = new CountDownLatch(1);
    List<LogLine> received = new CopyOnWriteArrayList<>();
    CompletableFuture<String> ended = new CompletableFuture<>();
    try (ClusterClients clients =
            new ClusterClients(
                new KubeconfigLoader(environment), ClusterClients.Timeouts.INTERACTIVE);
        LogService logs = new LogService(clients, timer)) {
      logs.follow(
          new Scope("mock", "shop"),
          new LogRequest("api-1", "Pod", null, false, false, null, null),
          new LogService.Sink() {
            @Override
            public void append(String followId, List<LogLine> lines) {
              try {
                readAll.await(); // a client that does not read until the pod's log is all out
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              received.addAll(lines);
            }

            @Override
            public void end(String followId, String reason) {
              ended.complete(reason);
            }
          });
      try {
        // the follow asks for the pod (why did the stream end?) once it has read every line
        boolean streamed = false;
        while (readAll.getCount() > 0) {
          var request = server.takeRequest(30, TimeUnit.SECONDS);
          assertThat(request).as("the follow asks for the pod once its stream ends").isNotNull();
          if (request.getPath().contains("/pods/api-1/log?")) {
            streamed = true;
          } else if (streamed && request.getPath().equals("/api/v1/namespaces/shop/pods/api-1")) {
            readAll.countDown();
          }
        }

        assertThat(ended.get(30, TimeUnit.SECONDS))
            .isEqualTo("log stream ended: the container stopped");
      } finally {
        readAll.countDown(); // a failed wait fails the test; it must not leave the client stuck
      }
    } finally {
      timer.shutdownNow();
    }
    List<LogLine> marks =
        received.stream().filter(line -> line.text().startsWith("[kubereplay: ")).toList();
    List<LogLine> lines =
        received.stream().filter(line -> !line.text().startsWith("[kubereplay: ")).toList();
    assertThat(marks).isNotEmpty().allSatisfy(mark -> assertThat(mark.pod()).isEqualTo("api-1"));
    long dropped =
        marks.stream().mapToLong(mark -> Long.parseLong(mark.text().split(" ")[1])).sum();
    assertThat(dropped + lines.size())
        .as("every line is either sent or counted")
        .isEqualTo(written);
    assertThat(lines.size())
        .as("the buffer's lines and the batch the client was stuck on")
        .isLessThanOrEqualTo(LogBuffer.MAX_LINES + 2000);
    assertThat(lines.get(lines.size() - 1).text()).isEqualTo("line " + (written - 1));
  }
}
