package dev.kubereplay.server.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.kubereplay.fixtures.cluster.RealApiServer;
import dev.kubereplay.protocol.cluster.ClusterDto;
import dev.kubereplay.protocol.cluster.ConfigEntryDto;
import dev.kubereplay.protocol.cluster.ConfigurationResponse;
import dev.kubereplay.protocol.cluster.DeleteReplayResponse;
import dev.kubereplay.protocol.cluster.EventDto;
import dev.kubereplay.protocol.cluster.HealthLevel;
import dev.kubereplay.protocol.cluster.ListClustersResponse;
import dev.kubereplay.protocol.cluster.ListEventsResponse;
import dev.kubereplay.protocol.cluster.ListNamespacesResponse;
import dev.kubereplay.protocol.cluster.ListReplaysResponse;
import dev.kubereplay.protocol.cluster.ListSecretsResponse;
import dev.kubereplay.protocol.cluster.ListServicesResponse;
import dev.kubereplay.protocol.cluster.ListWorkloadsResponse;
import dev.kubereplay.protocol.cluster.OperatorStatus;
import dev.kubereplay.protocol.cluster.PodProblemDto;
import dev.kubereplay.protocol.cluster.ReplayDto;
import dev.kubereplay.protocol.cluster.ResourcesDto;
import dev.kubereplay.protocol.cluster.SecretDto;
import dev.kubereplay.protocol.cluster.ServiceDto;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import dev.kubereplay.protocol.cluster.WorkloadRefDto;
import dev.kubereplay.protocol.logs.GetLogsResponse;
import dev.kubereplay.server.it.cluster.KubereplayJar.Run;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every {@code kubereplay cluster} view, from the built jar, against objects on a real cluster. */
class ClusterViewsIT {

  @TempDir static Path home;
  private static String namespace;
  private static KubereplayJar jar;
  private static ExecutorService runner;
  private static final Map<String, Future<Run>> views = new LinkedHashMap<>();

  @BeforeAll
  static void createEverythingAndAskEveryView() {
    RealApiServer cluster = RealApiServer.get();
    namespace = cluster.createNamespace("views");
    Replays.install(cluster.client());
    ClusterObjects objects = new ClusterObjects(cluster.client(), namespace);
    ViewsFixture.create(objects);
    ViewsFixture.replays(objects);
    jar = new KubereplayJar(cluster, home);
    // The views are independent reads: two JVMs at a time keep a 2-core machine busy.
    runner = Executors.newFixedThreadPool(2);
    ask("clusters", "cluster", "clusters", "-o", "json");
    ask("namespaces", "cluster", "namespaces", "-o", "json");
    ask("config", "cluster", "config", "-o", "json");
    ask("config -n", "cluster", "config", "-n", namespace, "-o", "json");
    for (String view : List.of("workloads", "secrets", "services", "events")) {
      ask(view, "cluster", view, "-n", namespace, "-o", "json");
    }
    ask("logs", "cluster", "logs", "crashy", "--tail", "10", "-n", namespace, "-o", "json");
  }

  private static void ask(String key, String... args) {
    views.put(key, runner.submit(() -> jar.run(args)));
  }

  @AfterAll
  static void stop() {
    if (runner != null) {
      runner.shutdownNow();
    }
  }

  private static <T> T view(String key, Class<T> type) throws Exception {
    return views.get(key).get().json(type);
  }

  @Test
  void every_view_exits_0_with_json_on_stdout_and_nothing_on_stderr() throws Exception {
    views.put("replays", runner.submit(() -> jar.view("replays", namespace)));
    for (Map.Entry<String, Future<Run>> view : views.entrySet()) {
      Run run = view.getValue().get();
      assertThat(run.exitCode()).as(view.getKey() + ": " + run.stderr()).isZero();
      assertThat(run.stdout()).as(view.getKey()).startsWith("{");
      assertThat(run.stderr()).as(view.getKey()).isEmpty();
    }
  }

  @Test
  void clusters_names_the_operator_with_its_namespace_version_and_the_cluster_name_it_was_given()
      throws Exception {
    List<ClusterDto> clusters = view("clusters", ListClustersResponse.class).clusters();

    assertThat(clusters)
        .extracting(ClusterDto::context)
        .containsExactly("admin", "viewer", "restricted");
    ClusterDto admin = clusters.get(0);
    assertThat(admin.status()).isEqualTo(OperatorStatus.INSTALLED);
    assertThat(admin.operatorNamespace()).isEqualTo(namespace);
    assertThat(admin.operatorVersion()).isEqualTo(ViewsFixture.OPERATOR_VERSION);
    assertThat(admin.clusterName()).isEqualTo(ViewsFixture.CLUSTER_NAME);
    assertThat(admin.upgradeAvailable()).isTrue();
    assertThat(clusters.get(1).status()).isEqualTo(OperatorStatus.FORBIDDEN);
    assertThat(clusters.get(1).message()).startsWith("forbidden: cannot list deployments");
  }

  @Test
  void namespaces_lists_every_namespace_of_the_cluster() throws Exception {
    ListNamespacesResponse response = view("namespaces", ListNamespacesResponse.class);

    assertThat(response.fallback()).isFalse();
    assertThat(response.namespaces()).contains("default", "kube-system", namespace).isSorted();
  }

  @Test
  void config_shows_the_override_column_and_the_override_wins_also_found_through_the_operator()
      throws Exception {
    for (String key : List.of("config", "config -n")) {
      ConfigurationResponse config = view(key, ConfigurationResponse.class);

      assertThat(config.namespace()).as(key).isEqualTo(namespace);
      assertThat(config.found()).isTrue();
      assertThat(config.overridesFound()).isTrue();
      assertThat(config.entries())
          .as(key)
          .containsExactly(
              new ConfigEntryDto(
                  "CLUSTER_NAME", ViewsFixture.CLUSTER_NAME, null, ViewsFixture.CLUSTER_NAME),
              new ConfigEntryDto("LOG_LEVEL", "info", "debug", "debug"),
              new ConfigEntryDto("RECORD_BODIES", "true", null, "true"),
              new ConfigEntryDto("SIDECAR_CPU", null, "200m", "200m"));
    }
  }

  private static WorkloadDto workload(List<WorkloadDto> workloads, String name) {
    return workloads.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void workloads_show_each_pod_problem_a_kubelet_reports_and_the_sidecar_health() throws Exception {
    ListWorkloadsResponse response = view("workloads", ListWorkloadsResponse.class);
    List<WorkloadDto> workloads = response.workloads();

    assertThat(response.freshness().stale()).isFalse();
    assertThat(workloads)
        .extracting(w -> w.kind() + "/" + w.name())
        .containsExactly(
            "DaemonSet/agent",
            "Deployment/crashy",
            "Deployment/injected",
            "Deployment/kubereplay-operator",
            "Deployment/no-sidecar",
            "Deployment/oomy",
            "Deployment/pending",
            "Deployment/probey",
            "Deployment/pully",
            "StatefulSet/db");
    assertThat(workload(workloads, "crashy").problems())
        .extracting(PodProblemDto::pod, PodProblemDto::container, PodProblemDto::reason)
        .containsExactly(tuple("crashy-7d9f-abcde", "app", "CrashLoopBackOff"));
    assertThat(workload(workloads, "crashy").sidecarHealth()).isEqualTo(HealthLevel.ALERT);
    assertThat(workload(workloads, "pully").problems())
        .extracting(PodProblemDto::reason)
        .containsExactly("ImagePullBackOff");
    assertThat(workload(workloads, "oomy").problems())
        .extracting(PodProblemDto::reason)
        .containsExactly("OOMKilled");
    assertThat(workload(workloads, "pending").problems())
        .extracting(PodProblemDto::reason)
        .containsExactly("Pending");
    assertThat(workload(workloads, "probey").problems())
        .extracting(PodProblemDto::reason)
        .containsExactly("Unready", "ProbeFailed");
    assertThat(workload(workloads, "probey").sidecarHealth()).isEqualTo(HealthLevel.OK);

    WorkloadDto injected = workload(workloads, "injected");
    assertThat(injected.injected()).isTrue();
    assertThat(injected.tlsOut()).isTrue();
    assertThat(injected.ready()).isEqualTo(1);
    assertThat(injected.desired()).isEqualTo(1);
    assertThat(injected.sidecarHealth()).isEqualTo(HealthLevel.OK);
    assertThat(injected.healthReasons()).isEmpty();
    assertThat(injected.appRequests()).isEqualTo(new ResourcesDto(250, 256L << 20));
    assertThat(injected.sidecarRequests()).isEqualTo(new ResourcesDto(100, 64L << 20));

    WorkloadDto missing = workload(workloads, "no-sidecar");
    assertThat(missing.injected()).isTrue();
    assertThat(missing.sidecarHealth()).isEqualTo(HealthLevel.ALERT);
    assertThat(missing.healthReasons())
        .singleElement()
        .asString()
        .contains("no-sidecar-1d3e-efghi", "has no kubereplay-sidecar");
    assertThat(missing.sidecarRequests()).isEqualTo(new ResourcesDto(0, 0));

    assertThat(workload(workloads, "db").desired()).isEqualTo(2);
    assertThat(workload(workloads, "db").appRequests()).isEqualTo(new ResourcesDto(500, 1L << 30));
  }

  @Test
  void secrets_show_names_types_and_keys_but_never_values() throws Exception {
    Run run = views.get("secrets").get();
    List<SecretDto> secrets = run.json(ListSecretsResponse.class).secrets();

    assertThat(secrets)
        .containsExactly(
            new SecretDto("db-credentials", "Opaque", List.of("password", "username")),
            new SecretDto("tls-cert", "kubernetes.io/tls", List.of("tls.crt", "tls.key")));
    String encoded =
        Base64.getEncoder().encodeToString(ViewsFixture.PASSWORD.getBytes(StandardCharsets.UTF_8));
    assertThat(run.stdout() + run.stderr())
        .doesNotContain(ViewsFixture.PASSWORD)
        .doesNotContain(encoded);
  }

  @Test
  void services_show_ports_and_the_workloads_they_select() throws Exception {
    List<ServiceDto> services = view("services", ListServicesResponse.class).services();

    assertThat(services).extracting(ServiceDto::name).containsExactly("crashy", "db", "orphan");
    ServiceDto crashy = services.get(0);
    assertThat(crashy.type()).isEqualTo("ClusterIP");
    assertThat(crashy.clusterIP()).startsWith("10.0.0.");
    assertThat(crashy.ports().get(0).port()).isEqualTo(80);
    assertThat(crashy.ports().get(0).targetPort()).isEqualTo("8080");
    assertThat(crashy.selector()).isEqualTo(Map.of("app", "crashy"));
    assertThat(crashy.workloads()).containsExactly(new WorkloadRefDto("Deployment", "crashy"));
    assertThat(services.get(1).workloads())
        .containsExactly(new WorkloadRefDto("StatefulSet", "db"));
    assertThat(services.get(1).ports().get(0).targetPort()).isEqualTo("postgres");
    assertThat(services.get(2).workloads()).isEmpty();
  }

  @Test
  void events_of_both_apis_come_warnings_first_newest_first_each_linked_to_its_workload()
      throws Exception {
    List<EventDto> events = view("events", ListEventsResponse.class).events();

    assertThat(events)
        .extracting(EventDto::type, EventDto::reason, EventDto::workload)
        .containsExactly(
            tuple("Warning", "FailedScheduling", new WorkloadRefDto("Deployment", "pending")),
            tuple("Warning", "Unhealthy", new WorkloadRefDto("Deployment", "probey")),
            tuple("Warning", "BackOff", new WorkloadRefDto("Deployment", "crashy")),
            tuple("Warning", "FailedCreate", new WorkloadRefDto("Deployment", "injected")),
            tuple("Normal", "Scheduled", new WorkloadRefDto("Deployment", "pending")),
            tuple("Normal", "ScalingReplicaSet", new WorkloadRefDto("Deployment", "crashy")));
    EventDto scheduling = events.get(0);
    assertThat(scheduling.count()).as("events.k8s.io series count").isEqualTo(4);
    assertThat(scheduling.firstSeen()).isEqualTo(ViewsFixture.NOW.minusSeconds(900));
    assertThat(scheduling.lastSeen()).isEqualTo(ViewsFixture.NOW.minusSeconds(5));
    assertThat(scheduling.message()).isEqualTo("0/3 nodes are available: 3 Insufficient cpu.");
    EventDto backOff = events.get(2);
    assertThat(backOff.count()).isEqualTo(12);
    assertThat(backOff.objectKind()).isEqualTo("Pod");
    assertThat(backOff.objectName()).isEqualTo("crashy-7d9f-abcde");
    assertThat(backOff.lastSeen()).isEqualTo(ViewsFixture.NOW.minusSeconds(60));
    assertThat(backOff.firstSeen()).isEqualTo(ViewsFixture.NOW.minusSeconds(660));
  }

  @Test
  void logs_answer_the_protocols_json_also_when_the_pods_wrote_nothing() throws Exception {
    // No kubelet runs: the API server answers every pods/log with an empty body.
    assertThat(view("logs", GetLogsResponse.class).lines()).isEmpty();
  }

  @Test
  void replays_show_phase_progress_and_times_and_delete_replay_removes_one() throws Exception {
    ListReplaysResponse before = jar.view("replays", namespace).json(ListReplaysResponse.class);

    assertThat(before.crdInstalled()).isTrue();
    assertThat(before.replays())
        .extracting(ReplayDto::name)
        .containsExactly("run-active", "run-done");
    ReplayDto active = before.replays().get(0);
    assertThat(active.phase()).isEqualTo("Running");
    assertThat(active.progress()).isEqualTo(40.0);
    assertThat(active.mode()).isEqualTo("full-replay");
    assertThat(active.workload()).isEqualTo("Deployment/crashy");
    assertThat(active.startedTime()).isEqualTo(ViewsFixture.NOW.minusSeconds(300));
    assertThat(active.finishedTime()).isNull();
    assertThat(active.ready()).isFalse();
    ReplayDto done = before.replays().get(1);
    assertThat(done.phase()).isEqualTo("Complete");
    assertThat(done.successRate()).isEqualTo(99.5);
    assertThat(done.ready()).isTrue();
    assertThat(done.finishedTime()).isEqualTo(ViewsFixture.NOW.minusSeconds(3000));
    assertThat(done.message()).isEqualTo("1000 requests replayed");

    assertThat(
            jar.view("delete-replay", namespace, "run-done")
                .json(DeleteReplayResponse.class)
                .deleted())
        .isTrue();
    assertThat(
            Replays.replays(RealApiServer.get().client())
                .inNamespace(namespace)
                .withName("run-done")
                .get())
        .isNull();
    Run again = jar.run("cluster", "delete-replay", "run-done", "-n", namespace);
    assertThat(again.exitCode()).isZero();
    assertThat(again.stdout()).contains("trafficreplay run-done was already gone");
    assertThat(jar.view("replays", namespace).json(ListReplaysResponse.class).replays())
        .extracting(ReplayDto::name)
        .containsExactly("run-active");
  }
}
