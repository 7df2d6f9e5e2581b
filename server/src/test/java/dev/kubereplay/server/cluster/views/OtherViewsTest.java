package dev.kubereplay.server.cluster.views;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtherViewsTest {

  @Test
  void secrets_show_names_types_and_sorted_keys_but_no_values() {
    var secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName("db")
            .endMetadata()
            .addToData("username", "YWRtaW4=")
            .addToData("password", "Y2FuYXJ5LXZhbHVl")
            .build();
    List<SecretRow> rows = SecretsView.build(List.of(secret));

    assertThat(rows)
        .containsExactly(new SecretRow("db", "Opaque", List.of("password", "username")));
    assertThat(rows.toString()).doesNotContain("Y2FuYXJ5LXZhbHVl").doesNotContain("canary-value");
  }

  @Test
  void services_list_ports_and_the_workloads_whose_templates_they_select() {
    var service =
        new ServiceBuilder()
            .withNewMetadata()
            .withName("api")
            .endMetadata()
            .withNewSpec()
            .withType("ClusterIP")
            .withClusterIP("10.0.0.12")
            .addToSelector("app", "api")
            .addNewPort()
            .withName("http")
            .withPort(80)
            .withTargetPort(new IntOrString("http"))
            .withProtocol("TCP")
            .endPort()
            .endSpec()
            .build();
    var workloads =
        List.of(
            Workload.of(WorkloadsViewTest.deployment("api", Map.of(), 1, 1)),
            Workload.of(WorkloadsViewTest.deployment("web", Map.of(), 1, 1)));

    ServiceRow row = ServicesView.build(List.of(service), workloads).get(0);

    assertThat(row.ports())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.port()).isEqualTo(80);
              assertThat(p.targetPort()).isEqualTo("http");
            });
    assertThat(row.workloads()).containsExactly(new WorkloadRef("Deployment", "api"));
    assertThat(row.selector()).isEqualTo(Map.of("app", "api"));
  }

  @Test
  void events_put_warnings_first_then_the_newest_and_link_pods_to_their_workload() {
    var normal = event("Normal", "Scheduled", "Pod", "api-1", "2026-11-25T17:00:00Z");
    var oldWarning = event("Warning", "BackOff", "Pod", "api-1", "2026-11-25T16:00:00Z");
    var newWarning =
        event("Warning", "FailedCreate", "ReplicaSet", "api-5d8f", "2026-11-25T16:30:00Z");
    var workloads = List.of(Workload.of(WorkloadsViewTest.deployment("api", Map.of(), 1, 1)));
    var pods = List.of(WorkloadsViewTest.pod("api-1", "api", false));

    List<EventRow> rows =
        EventsView.build(List.of(normal, oldWarning, newWarning), workloads, pods);

    assertThat(rows)
        .extracting(EventRow::reason)
        .containsExactly("FailedCreate", "BackOff", "Scheduled");
    assertThat(rows)
        .extracting(EventRow::workload)
        .containsOnly(new WorkloadRef("Deployment", "api"));
    assertThat(rows.get(1).lastSeen()).isEqualTo(Instant.parse("2026-11-25T16:00:00Z"));
  }

  private static io.fabric8.kubernetes.api.model.Event event(
      String type, String reason, String kind, String name, String time) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(name + "." + reason)
        .endMetadata()
        .withType(type)
        .withReason(reason)
        .withMessage(reason + " happened")
        .withCount(2)
        .withFirstTimestamp(time)
        .withLastTimestamp(time)
        .withNewInvolvedObject()
        .withKind(kind)
        .withName(name)
        .endInvolvedObject()
        .build();
  }

  @Test
  void overrides_win_and_keys_of_either_config_map_are_listed() {
    var config =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("kubereplay-operator")
            .endMetadata()
            .addToData("CLUSTER_NAME", "shop-eu")
            .addToData("LOG_LEVEL", "info")
            .build();
    var overrides =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("kubereplay-operator-overrides")
            .endMetadata()
            .addToData("LOG_LEVEL", "debug")
            .addToData("EXTRA", "1")
            .build();

    assertThat(ConfigurationView.build(config, overrides))
        .containsExactly(
            new ConfigEntry("CLUSTER_NAME", "shop-eu", null, "shop-eu"),
            new ConfigEntry("EXTRA", null, "1", "1"),
            new ConfigEntry("LOG_LEVEL", "info", "debug", "debug"));
    assertThat(ConfigurationView.build(null, null)).isEmpty();
  }

  @Test
  void replays_read_spec_and_status_and_put_active_ones_first() {
    GenericKubernetesResource running =
        replay(
            "nightly",
            Map.of("phase", "Running", "progress", 42.5, "startedTime", "2026-11-25T16:00:00Z"));
    GenericKubernetesResource done =
        replay(
            "yesterday",
            Map.of(
                "phase",
                "Complete",
                "successRate",
                "99.5",
                "startedTime",
                "2026-11-24T16:00:00Z",
                "finishedTime",
                "2026-11-24T16:10:00Z",
                "conditions",
                List.of(Map.of("type", "Ready", "status", "True"))));

    List<ReplayRow> rows = ReplaysView.build(List.of(done, running));

    assertThat(rows).extracting(ReplayRow::name).containsExactly("nightly", "yesterday");
    assertThat(rows.get(0).progress()).isEqualTo(42.5);
    assertThat(rows.get(0).workload()).isEqualTo("Deployment/api");
    assertThat(rows.get(0).mode()).isEqualTo("full-replay");
    assertThat(rows.get(1).successRate()).isEqualTo(99.5);
    assertThat(rows.get(1).ready()).isTrue();
    assertThat(rows.get(1).finishedTime()).isEqualTo(Instant.parse("2026-11-24T16:10:00Z"));
  }

  private static GenericKubernetesResource replay(String name, Map<String, Object> status) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("kubereplay.dev/v1alpha1")
        .withKind("TrafficReplay")
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .addToAdditionalProperties(
            "spec",
            Map.of(
                "snapshotID",
                "snap-1",
                "mode",
                "full-replay",
                "workloads",
                List.of(Map.of("ref", Map.of("kind", "Deployment", "name", "api")))))
        .addToAdditionalProperties("status", status)
        .build();
  }
}
