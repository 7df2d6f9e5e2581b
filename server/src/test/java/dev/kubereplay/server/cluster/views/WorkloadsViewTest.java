package dev.kubereplay.server.cluster.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadsViewTest {

  static Deployment deployment(
      String name, Map<String, String> annotations, int replicas, int ready) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace("shop")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .addToAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .addToContainers(
            new ContainerBuilder()
                .withName(name)
                .withImage(name + ":1")
                .withNewResources()
                .addToRequests("cpu", new Quantity("250m"))
                .addToRequests("memory", new Quantity("256Mi"))
                .endResources()
                .build())
        .addToContainers(
            new ContainerBuilder()
                .withName("log-shipper")
                .withImage("ship:1")
                .withNewResources()
                .addToRequests("cpu", new Quantity("0.1"))
                .addToRequests("memory", new Quantity("64Mi"))
                .endResources()
                .build())
        .endSpec()
        .endTemplate()
        .endSpec()
        .withNewStatus()
        .withReadyReplicas(ready)
        .endStatus()
        .build();
  }

  static Pod pod(String name, String app, boolean withSidecar, ContainerStatus... statuses) {
    PodBuilder pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("shop")
            .addToLabels("app", app)
            .endMetadata()
            .withNewSpec()
            .addToContainers(new ContainerBuilder().withName(app).build())
            .endSpec();
    if (withSidecar) {
      pod.editSpec()
          .addToContainers(
              new ContainerBuilder()
                  .withName("kubereplay-sidecar")
                  .withNewResources()
                  .addToRequests("cpu", new Quantity("50m"))
                  .addToRequests("memory", new Quantity("32Mi"))
                  .endResources()
                  .build())
          .endSpec();
    }
    return pod.withNewStatus()
        .withPhase("Running")
        .withContainerStatuses(statuses)
        .endStatus()
        .build();
  }

  static ContainerStatus waiting(String container, String reason) {
    return new ContainerStatusBuilder()
        .withName(container)
        .withReady(false)
        .withRestartCount(3)
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(reason + " details")
        .endWaiting()
        .endState()
        .build();
  }

  static ContainerStatus running(String container, boolean ready, int restarts) {
    return new ContainerStatusBuilder()
        .withName(container)
        .withReady(ready)
        .withRestartCount(restarts)
        .withNewState()
        .withNewRunning()
        .endRunning()
        .endState()
        .build();
  }

  private static WorkloadRow only(
      List<Deployment> deployments, List<Pod> pods, List<Event> events) {
    List<WorkloadRow> rows =
        WorkloadsView.build(
            new WorkloadsView.Input(deployments, List.of(), List.of(), pods, events));
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @Test
  void sums_app_container_requests_and_reports_the_injected_sidecar_separately() {
    WorkloadRow api =
        only(
            List.of(deployment("api", Map.of("kubereplay.dev/inject", "true"), 1, 1)),
            List.of(
                pod(
                    "api-1",
                    "api",
                    true,
                    running("api", true, 0),
                    running("kubereplay-sidecar", true, 0))),
            List.of());

    assertThat(api.appRequests().cpuMillis()).isEqualTo(350);
    assertThat(api.appRequests().memoryBytes()).isEqualTo(320L * 1024 * 1024);
    assertThat(api.sidecarRequests().cpuMillis()).isEqualTo(50);
    assertThat(api.sidecarRequests().memoryBytes()).isEqualTo(32L * 1024 * 1024);
    assertThat(api.injected()).isTrue();
    assertThat(api.tlsOut()).isFalse();
    assertThat(api.sidecarHealth()).isEqualTo(Health.OK);
    assertThat(api.healthReasons()).isEmpty();
  }

  @Test
  void injected_without_a_sidecar_container_is_an_alert_that_says_to_restart() {
    WorkloadRow api =
        only(
            List.of(deployment("api", Map.of("kubereplay.dev/inject", "true"), 1, 1)),
            List.of(pod("api-1", "api", false, running("api", true, 0))),
            List.of());

    assertThat(api.sidecarHealth()).isEqualTo(Health.ALERT);
    assertThat(api.healthReasons())
        .singleElement()
        .asString()
        .contains("api-1", "no kubereplay-sidecar", "restart");
  }

  @Test
  void an_unready_or_restarting_sidecar_is_a_caution() {
    WorkloadRow api =
        only(
            List.of(deployment("api", Map.of("kubereplay.dev/inject", "true"), 1, 0)),
            List.of(
                pod(
                    "api-1",
                    "api",
                    true,
                    running("api", true, 0),
                    running("kubereplay-sidecar", false, 2))),
            List.of());

    assertThat(api.sidecarHealth()).isEqualTo(Health.CAUTION);
    assertThat(api.healthReasons())
        .containsExactly(
            "sidecar in pod api-1 is not ready", "sidecar in pod api-1 restarted 2 times");
  }

  @Test
  void crash_looping_pods_make_an_alert_and_are_listed_as_problems_even_without_injection() {
    WorkloadRow api =
        only(
            List.of(deployment("api", Map.of(), 2, 1)),
            List.of(
                pod("api-1", "api", false, waiting("api", "CrashLoopBackOff")),
                pod("api-2", "api", false, running("api", true, 0)),
                pod("other-1", "other", false, waiting("other", "ImagePullBackOff"))),
            List.of());

    assertThat(api.sidecarHealth()).isEqualTo(Health.ALERT);
    assertThat(api.problems())
        .extracting(PodProblem::pod, PodProblem::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("api-1", "CrashLoopBackOff"));
    assertThat(api.ready()).isEqualTo(1);
    assertThat(api.desired()).isEqualTo(2);
  }

  @Test
  void oom_killed_pending_and_failing_probes_are_problems_of_their_workload() {
    ContainerStatus oom =
        new ContainerStatusBuilder()
            .withName("api")
            .withReady(true)
            .withRestartCount(1)
            .withNewState()
            .withNewRunning()
            .endRunning()
            .endState()
            .withNewLastState()
            .withNewTerminated()
            .withReason("OOMKilled")
            .withExitCode(137)
            .endTerminated()
            .endLastState()
            .build();
    Pod pending =
        new PodBuilder()
            .withNewMetadata()
            .withName("api-3")
            .addToLabels("app", "api")
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .withNewStatus()
            .withPhase("Pending")
            .addNewCondition()
            .withType("PodScheduled")
            .withStatus("False")
            .withMessage("0/3 nodes are available")
            .endCondition()
            .endStatus()
            .build();
    Event probe =
        new EventBuilder()
            .withType("Warning")
            .withReason("Unhealthy")
            .withMessage("Readiness probe failed: 503")
            .withNewInvolvedObject()
            .withKind("Pod")
            .withName("api-1")
            .withFieldPath("spec.containers{api}")
            .endInvolvedObject()
            .build();

    WorkloadRow api =
        only(
            List.of(deployment("api", Map.of(), 3, 1)),
            List.of(pod("api-1", "api", false, oom), pending),
            List.of(probe));

    assertThat(api.problems())
        .extracting(PodProblem::pod, PodProblem::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("api-1", "OOMKilled"),
            org.assertj.core.groups.Tuple.tuple("api-1", "ProbeFailed"),
            org.assertj.core.groups.Tuple.tuple("api-3", "Pending"));
    assertThat(api.problems().get(2).message()).contains("0/3 nodes are available");
    assertThat(api.sidecarHealth()).isEqualTo(Health.ALERT);
  }

  @Test
  void rows_are_sorted_by_kind_then_name_and_tls_out_is_read_from_the_template() {
    var db =
        new StatefulSetBuilder()
            .withNewMetadata()
            .withName("db")
            .withNamespace("shop")
            .endMetadata()
            .withNewSpec()
            .withReplicas(1)
            .withNewSelector()
            .addToMatchLabels("app", "db")
            .endSelector()
            .withNewTemplate()
            .withNewMetadata()
            .addToAnnotations("kubereplay.dev/tls-out", "true")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("db")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    List<WorkloadRow> rows =
        WorkloadsView.build(
            new WorkloadsView.Input(
                List.of(deployment("web", Map.of(), 1, 1), deployment("api", Map.of(), 1, 1)),
                List.of(db),
                List.of(),
                List.of(),
                List.of()));

    assertThat(rows)
        .extracting(WorkloadRow::kind, WorkloadRow::name)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Deployment", "api"),
            org.assertj.core.groups.Tuple.tuple("Deployment", "web"),
            org.assertj.core.groups.Tuple.tuple("StatefulSet", "db"));
    assertThat(rows.get(2).tlsOut()).isTrue();
    assertThat(rows.get(2).injected()).isFalse();
  }
}
