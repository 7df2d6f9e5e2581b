package dev.kubereplay.server.it.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubereplay.fixtures.cluster.RealApiServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The TrafficReplay CRD kubereplay ships, on a real API server: its schema is enforced there. */
class TrafficReplayCrdIT {

  private static KubernetesClient client;
  private static String namespace;
  private static CustomResourceDefinition installed;

  @BeforeAll
  static void install() {
    RealApiServer cluster = RealApiServer.get();
    client = cluster.client();
    namespace = cluster.createNamespace("crd");
    installed = Replays.install(client);
  }

  private static Map<String, Object> spec(String mode) {
    return Map.of(
        "snapshotID",
        "snap-1",
        "mode",
        mode,
        "workloads",
        List.of(Map.of("ref", Map.of("kind", "Deployment", "name", "api"))));
  }

  @Test
  void installs_and_becomes_established_with_the_names_of_the_cluster_contract() {
    assertThat(Replays.established(installed)).isTrue();
    var spec = installed.getSpec();
    assertThat(spec.getGroup()).isEqualTo("kubereplay.dev");
    assertThat(spec.getScope()).isEqualTo("Namespaced");
    assertThat(spec.getNames().getKind()).isEqualTo("TrafficReplay");
    assertThat(spec.getNames().getPlural()).isEqualTo("trafficreplays");
    assertThat(spec.getNames().getShortNames()).containsExactly("replay");
    assertThat(installed.getStatus().getAcceptedNames().getShortNames()).containsExactly("replay");
    var version = spec.getVersions().get(0);
    assertThat(version.getName()).isEqualTo("v1alpha1");
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Phase", "Mode", "Snapshot", "Progress", "Success", "Age");
  }

  @Test
  void rejects_a_replay_whose_mode_is_not_one_of_the_three() {
    var replay = Replays.replay(namespace, "bad-mode", spec("sideways"));

    assertThatThrownBy(
            () -> Replays.replays(client).inNamespace(namespace).resource(replay).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getMessage())
                  .contains("spec.mode")
                  .contains("full-replay", "responder-only", "generator-only");
            });
  }

  @Test
  void rejects_a_replay_without_snapshot_or_workloads_and_a_progress_above_100() {
    var empty = Replays.replay(namespace, "no-snapshot", Map.of("mode", "full-replay"));
    assertThatThrownBy(
            () -> Replays.replays(client).inNamespace(namespace).resource(empty).create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> assertThat(e.getMessage()).contains("spec.snapshotID").contains("spec.workloads"));

    GenericKubernetesResource created =
        Replays.create(client, namespace, "too-far", spec("generator-only"), null);
    created.setAdditionalProperty("status", Map.of("phase", "Running", "progress", 140));
    assertThatThrownBy(
            () -> Replays.replays(client).inNamespace(namespace).resource(created).updateStatus())
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> assertThat(e.getMessage()).contains("status.progress"));
  }

  @Test
  void accepts_a_good_replay_with_defaults_and_takes_its_status_only_through_the_subresource() {
    Map<String, Object> spec =
        Map.of(
            "snapshotID", "snap-2",
            "testConfigID", "standard",
            "workloads",
                List.of(
                    Map.of(
                        "ref", Map.of("kind", "Deployment", "name", "api"),
                        "tests", List.of("GET /orders"),
                        "mocks", List.of("payments:443"))),
            "timeout", "30m",
            "ttlAfterReady", "1h",
            "buildTag", "v1.2.3");
    GenericKubernetesResource replay = Replays.replay(namespace, "good", spec);
    replay.setAdditionalProperty("status", Map.of("phase", "Complete"));
    GenericKubernetesResource created =
        Replays.replays(client).inNamespace(namespace).resource(replay).create();

    assertThat(specOf(created))
        .containsEntry("mode", "full-replay")
        .containsEntry("cleanup", "inventory");
    assertThat(created.getAdditionalProperties().get("status"))
        .as("status is ignored outside the status subresource")
        .isNull();

    Map<String, Object> status =
        Map.of(
            "phase", "Running",
            "progress", 42.5,
            "successRate", 99,
            "startedTime", "2026-01-02T03:04:05Z",
            "reportRef", "report-7",
            "message", "replaying",
            "conditions",
                List.of(
                    Map.of(
                        "type", "Ready",
                        "status", "False",
                        "reason", "Running",
                        "lastTransitionTime", "2026-01-02T03:04:05Z")));
    created.setAdditionalProperty("status", status);
    Replays.replays(client).inNamespace(namespace).resource(created).updateStatus();

    GenericKubernetesResource read =
        Replays.replays(client).inNamespace(namespace).withName("good").get();
    @SuppressWarnings("unchecked")
    Map<String, Object> readStatus =
        (Map<String, Object>) read.getAdditionalProperties().get("status");
    assertThat(readStatus)
        .containsEntry("phase", "Running")
        .containsEntry("progress", 42.5)
        .containsEntry("reportRef", "report-7");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> specOf(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }
}
