package dev.kubereplay.intellij.testing;

import dev.kubereplay.protocol.cluster.AuthKind;
import dev.kubereplay.protocol.cluster.ClusterDto;
import dev.kubereplay.protocol.cluster.ConfigEntryDto;
import dev.kubereplay.protocol.cluster.ConfigurationResponse;
import dev.kubereplay.protocol.cluster.EventDto;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.HealthLevel;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListClustersResponse;
import dev.kubereplay.protocol.cluster.ListContextsResponse;
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
import dev.kubereplay.protocol.cluster.ServicePortDto;
import dev.kubereplay.protocol.cluster.WatchParams;
import dev.kubereplay.protocol.cluster.WatchResponse;
import dev.kubereplay.protocol.cluster.WorkloadDto;
import dev.kubereplay.protocol.cluster.WorkloadRefDto;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** What a server would answer about a small cluster: contexts, a shop namespace, its views. */
public final class Samples {

  public static final String KUBECONFIG = "/home/dev/.kube/config";
  public static final String CONTEXT = "staging";
  public static final String NAMESPACE = "shop";
  public static final FreshnessDto FRESH = new FreshnessDto(false, null, null);
  private static final long MI = 1024 * 1024;
  public static final Instant NOW = Instant.now();

  private Samples() {}

  public static KubeContextDto context(String name, String namespace, boolean current) {
    return new KubeContextDto(
        name,
        name + "-cluster",
        "https://" + name + ".example.test:6443",
        name + "-admin",
        AuthKind.CLIENT_CERTIFICATE,
        namespace,
        current,
        KUBECONFIG);
  }

  /** Three contexts; "staging" is current. */
  public static ListContextsResponse threeContexts() {
    return new ListContextsResponse(
        List.of(
            context("kind-dev", "default", false),
            context("staging", "payments", true),
            context("prod-eu", "checkout", false)),
        "staging",
        List.of(KUBECONFIG));
  }

  /** The operator is installed in staging, and a newer version is known. */
  public static ClusterDto stagingCluster() {
    return new ClusterDto(
        CONTEXT,
        "staging-eu-1",
        OperatorStatus.INSTALLED,
        "kubereplay",
        "0.3.1",
        "0.4.0",
        true,
        null);
  }

  public static ListClustersResponse clusters() {
    return new ListClustersResponse(List.of(stagingCluster()));
  }

  public static ListNamespacesResponse namespaces() {
    return new ListNamespacesResponse(
        List.of("default", "kubereplay", "payments", NAMESPACE), false, null);
  }

  public static WorkloadDto healthy() {
    return new WorkloadDto(
        "Deployment",
        "api",
        NAMESPACE,
        2,
        2,
        true,
        true,
        HealthLevel.OK,
        List.of(),
        new ResourcesDto(250, 256 * MI),
        new ResourcesDto(50, 64 * MI),
        List.of());
  }

  public static WorkloadDto caution() {
    return new WorkloadDto(
        "Deployment",
        "checkout",
        NAMESPACE,
        1,
        2,
        true,
        false,
        HealthLevel.CAUTION,
        List.of("sidecar not ready in checkout-6f7c9-h2x4q"),
        new ResourcesDto(500, 512 * MI),
        new ResourcesDto(50, 64 * MI),
        List.of(
            new PodProblemDto(
                "checkout-6f7c9-h2x4q",
                "kubereplay-sidecar",
                "Unready",
                "Readiness probe failed: HTTP probe failed with statuscode: 503")));
  }

  public static WorkloadDto alert() {
    return new WorkloadDto(
        "Deployment",
        "payments-worker",
        NAMESPACE,
        0,
        1,
        true,
        true,
        HealthLevel.ALERT,
        List.of("workload pods failing: CrashLoopBackOff"),
        new ResourcesDto(1000, 1536 * MI),
        new ResourcesDto(50, 64 * MI),
        List.of(
            new PodProblemDto(
                "payments-worker-5d8f7-kx2lp",
                "worker",
                "CrashLoopBackOff",
                "back-off 5m0s restarting failed container")));
  }

  public static WorkloadDto database() {
    return new WorkloadDto(
        "StatefulSet",
        "orders-db",
        NAMESPACE,
        1,
        1,
        false,
        false,
        HealthLevel.OK,
        List.of(),
        new ResourcesDto(2000, 4096 * MI),
        new ResourcesDto(0, 0),
        List.of());
  }

  public static ListWorkloadsResponse workloads() {
    return workloads(FRESH);
  }

  public static ListWorkloadsResponse workloads(FreshnessDto freshness) {
    return new ListWorkloadsResponse(List.of(healthy(), caution(), alert(), database()), freshness);
  }

  public static ListSecretsResponse secrets() {
    return new ListSecretsResponse(
        List.of(
            new SecretDto("api-tls", "kubernetes.io/tls", List.of("tls.crt", "tls.key")),
            new SecretDto("db-credentials", "Opaque", List.of("password", "username"))),
        FRESH);
  }

  public static ListServicesResponse services() {
    return new ListServicesResponse(
        List.of(
            new ServiceDto(
                "api",
                "ClusterIP",
                "10.96.14.2",
                List.of(new ServicePortDto("http", 80, "8080", "TCP", null)),
                Map.of("app", "api"),
                List.of(new WorkloadRefDto("Deployment", "api"))),
            new ServiceDto(
                "checkout",
                "NodePort",
                "10.96.22.9",
                List.of(new ServicePortDto(null, 443, "https", "TCP", 30443)),
                Map.of("app", "checkout", "tier", "web"),
                List.of(new WorkloadRefDto("Deployment", "checkout")))),
        FRESH);
  }

  public static ListEventsResponse events() {
    return new ListEventsResponse(
        List.of(
            new EventDto(
                "Warning",
                "BackOff",
                "Pod",
                "payments-worker-5d8f7-kx2lp",
                "Back-off restarting failed container worker",
                14,
                NOW.minus(Duration.ofMinutes(40)),
                NOW.minus(Duration.ofMinutes(1)),
                new WorkloadRefDto("Deployment", "payments-worker")),
            new EventDto(
                "Warning",
                "Unhealthy",
                "Pod",
                "checkout-6f7c9-h2x4q",
                "Readiness probe failed: HTTP probe failed with statuscode: 503",
                5,
                NOW.minus(Duration.ofMinutes(12)),
                NOW.minus(Duration.ofMinutes(2)),
                new WorkloadRefDto("Deployment", "checkout")),
            new EventDto(
                "Normal",
                "ScalingReplicaSet",
                "Deployment",
                "api",
                "Scaled up replica set api-7d9f4 to 2",
                1,
                NOW.minus(Duration.ofMinutes(30)),
                NOW.minus(Duration.ofMinutes(30)),
                new WorkloadRefDto("Deployment", "api"))),
        FRESH);
  }

  public static ReplayDto runningReplay() {
    return new ReplayDto(
        "checkout-smoke",
        "snap-2f9c",
        "full-replay",
        "Deployment/checkout",
        "Running",
        42.0,
        97.5,
        false,
        NOW.minus(Duration.ofMinutes(3)),
        null,
        "replaying 420 of 1000 requests");
  }

  public static ListReplaysResponse replays() {
    return new ListReplaysResponse(
        List.of(
            runningReplay(),
            new ReplayDto(
                "nightly-orders",
                "snap-81aa",
                "responder-only",
                "Deployment/api",
                "Complete",
                100.0,
                99.2,
                true,
                NOW.minus(Duration.ofHours(9)),
                NOW.minus(Duration.ofHours(8)),
                null)),
        true,
        FRESH);
  }

  public static ConfigurationResponse configuration() {
    return new ConfigurationResponse(
        "kubereplay",
        true,
        true,
        List.of(
            new ConfigEntryDto("CLUSTER_NAME", "staging-eu-1", null, "staging-eu-1"),
            new ConfigEntryDto("LOG_LEVEL", "info", "debug", "debug"),
            new ConfigEntryDto("RECORD_BODIES", "true", null, "true")),
        FRESH);
  }

  /** A fake server that answers every cluster view of the samples. */
  public static FakeServer answering(FakeServer fake) {
    fake.listContexts = () -> CompletableFuture.completedFuture(threeContexts());
    return fake.answer("cluster/listClusters", clusters())
        .answer("cluster/listNamespaces", namespaces())
        .answer("cluster/getConfiguration", configuration())
        .answer("cluster/listWorkloads", workloads())
        .answer("cluster/listSecrets", secrets())
        .answer("cluster/listServices", services())
        .answer("cluster/listEvents", events())
        .answer("cluster/listReplays", replays())
        .answer(
            "cluster/watch",
            params -> {
              var watch = (WatchParams) params;
              return CompletableFuture.completedFuture(
                  new WatchResponse(watch.context(), watch.namespace(), watch.views()));
            });
  }
}
