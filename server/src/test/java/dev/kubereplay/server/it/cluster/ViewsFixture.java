package dev.kubereplay.server.it.cluster;

import static dev.kubereplay.server.it.cluster.ClusterObjects.container;
import static dev.kubereplay.server.it.cluster.ClusterObjects.oomKilledBefore;
import static dev.kubereplay.server.it.cluster.ClusterObjects.running;
import static dev.kubereplay.server.it.cluster.ClusterObjects.waiting;

import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * A namespace with something for every view: the operator with its configuration, workloads whose
 * pods fail in each way a kubelet reports, injected workloads with and without their sidecar,
 * secrets, services, events and replays.
 */
final class ViewsFixture {

  static final String PASSWORD = "s3cr3t-db-password";
  static final String OPERATOR_VERSION = "0.0.9";
  static final String CLUSTER_NAME = "shop-cluster";
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  private ViewsFixture() {}

  static void create(ClusterObjects objects) {
    operator(objects);
    workloads(objects);
    objects.secret("db-credentials", "Opaque", Map.of("username", "shop", "password", PASSWORD));
    objects.secret("tls-cert", "kubernetes.io/tls", Map.of("tls.crt", "CERT", "tls.key", "KEY"));
    objects.service("crashy", Map.of("app", "crashy"), 80, "8080");
    objects.service("db", Map.of("app", "db"), 5432, "postgres");
    objects.service("orphan", Map.of("app", "nothing"), 81, "81");
    events(objects);
  }

  private static void operator(ClusterObjects objects) {
    objects
        .client()
        .apps()
        .deployments()
        .inNamespace(objects.namespace())
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("kubereplay-operator")
                .addToLabels("app.kubernetes.io/name", "kubereplay-operator")
                .addToLabels("app.kubernetes.io/version", OPERATOR_VERSION)
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", "kubereplay-operator")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "kubereplay-operator")
                .endMetadata()
                .withNewSpec()
                .withContainers(container("operator", "50m", "64Mi"))
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    objects.configMap(
        "kubereplay-operator",
        Map.of("CLUSTER_NAME", CLUSTER_NAME, "LOG_LEVEL", "info", "RECORD_BODIES", "true"));
    objects.configMap(
        "kubereplay-operator-overrides", Map.of("LOG_LEVEL", "debug", "SIDECAR_CPU", "200m"));
  }

  private static void workloads(ClusterObjects objects) {
    var app = container("app", "100m", "128Mi");
    objects.deployment("crashy", 1, Map.of(), app);
    objects.pod(
        "crashy-7d9f-abcde",
        "crashy",
        List.of(app),
        waiting("app", "CrashLoopBackOff", "back-off 5m0s restarting failed container", 5));

    objects.deployment("pully", 1, Map.of(), app);
    objects.pod(
        "pully-6c8b-fghij",
        "pully",
        List.of(app),
        waiting("app", "ImagePullBackOff", "Back-off pulling image \"example/app:1\"", 0));

    objects.deployment("oomy", 1, Map.of(), app);
    objects.pod("oomy-5b7c-klmno", "oomy", List.of(app), oomKilledBefore("app"));

    objects.deployment("pending", 1, Map.of(), app);
    objects.pod("pending-4a6b-pqrst", "pending", List.of(app));

    objects.deployment("probey", 1, Map.of(), app);
    objects.pod("probey-3f5a-uvwxy", "probey", List.of(app), running("app", false, 0));

    var big = container("app", "250m", "256Mi");
    var sidecar = container("kubereplay-sidecar", "100m", "64Mi");
    var injected =
        objects.deployment(
            "injected",
            1,
            Map.of("kubereplay.dev/inject", "true", "kubereplay.dev/tls-out", "true"),
            big);
    injected.setStatus(new DeploymentStatusBuilder().withReplicas(1).withReadyReplicas(1).build());
    objects
        .client()
        .apps()
        .deployments()
        .inNamespace(objects.namespace())
        .resource(injected)
        .updateStatus();
    objects.pod(
        "injected-2e4f-zabcd",
        "injected",
        List.of(big, sidecar),
        running("app", true, 0),
        running("kubereplay-sidecar", true, 0));

    objects.deployment("no-sidecar", 1, Map.of("kubereplay.dev/inject", "true"), app);
    objects.pod("no-sidecar-1d3e-efghi", "no-sidecar", List.of(app), running("app", true, 0));

    objects.statefulSet("db", container("postgres", "500m", "1Gi"));
    objects.daemonSet("agent", container("agent", "10m", "16Mi"));
  }

  private static void events(ClusterObjects objects) {
    objects.event(
        "crashy-backoff",
        "Warning",
        "BackOff",
        "Pod",
        "crashy-7d9f-abcde",
        "spec.containers{app}",
        "Back-off restarting failed container",
        12,
        NOW.minusSeconds(60));
    objects.event(
        "probey-unhealthy",
        "Warning",
        "Unhealthy",
        "Pod",
        "probey-3f5a-uvwxy",
        "spec.containers{app}",
        "Readiness probe failed: HTTP probe failed with statuscode: 503",
        7,
        NOW.minusSeconds(30));
    objects.event(
        "injected-failedcreate",
        "Warning",
        "FailedCreate",
        "ReplicaSet",
        "injected-5c4f6d7b8",
        null,
        "Error creating: pods \"injected-5c4f6d7b8-\" is forbidden: exceeded quota",
        2,
        NOW.minusSeconds(120));
    objects.event(
        "pending-scheduled",
        "Normal",
        "Scheduled",
        "Pod",
        "pending-4a6b-pqrst",
        null,
        "Successfully assigned pending-4a6b-pqrst to node-1",
        1,
        NOW);
    objects.seriesEvent(
        "pending-failedscheduling",
        "FailedScheduling",
        "pending-4a6b-pqrst",
        "0/3 nodes are available: 3 Insufficient cpu.",
        NOW.minusSeconds(900),
        4,
        NOW.minusSeconds(5));
    objects.event(
        "crashy-scaled",
        "Normal",
        "ScalingReplicaSet",
        "Deployment",
        "crashy",
        null,
        "Scaled up replica set crashy-7d9f to 1",
        1,
        NOW.minusSeconds(10));
  }

  /** Two replays: one running, one finished with its Ready condition true. */
  static void replays(ClusterObjects objects) {
    Map<String, Object> spec =
        Map.of(
            "snapshotID",
            "snap-orders",
            "mode",
            "full-replay",
            "workloads",
            List.of(Map.of("ref", Map.of("kind", "Deployment", "name", "crashy"))));
    Replays.create(
        objects.client(),
        objects.namespace(),
        "run-active",
        spec,
        Map.of(
            "phase", "Running", "progress", 40, "startedTime", NOW.minusSeconds(300).toString()));
    Replays.create(
        objects.client(),
        objects.namespace(),
        "run-done",
        Map.of(
            "snapshotID",
            "snap-payments",
            "mode",
            "responder-only",
            "workloads",
            List.of(Map.of("ref", Map.of("kind", "StatefulSet", "name", "db")))),
        Map.of(
            "phase",
            "Complete",
            "progress",
            100,
            "successRate",
            99.5,
            "startedTime",
            NOW.minusSeconds(3600).toString(),
            "finishedTime",
            NOW.minusSeconds(3000).toString(),
            "message",
            "1000 requests replayed",
            "conditions",
            List.of(
                Map.of(
                    "type",
                    "Ready",
                    "status",
                    "True",
                    "reason",
                    "Finished",
                    "lastTransitionTime",
                    NOW.minusSeconds(3000).toString()))));
  }
}
