package dev.kubereplay.server.it.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates objects in one namespace of the real API server, as a cluster would hold them. No
 * controller, scheduler or kubelet runs there: pods stay Pending unless a test writes their status
 * through the {@code pods/status} subresource, as a kubelet would.
 */
final class ClusterObjects {

  private final KubernetesClient client;
  private final String namespace;

  ClusterObjects(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  KubernetesClient client() {
    return client;
  }

  String namespace() {
    return namespace;
  }

  static Container container(String name, String cpu, String memory) {
    return new ContainerBuilder()
        .withName(name)
        .withImage("example/" + name + ":1")
        .withNewResources()
        .addToRequests("cpu", new Quantity(cpu))
        .addToRequests("memory", new Quantity(memory))
        .endResources()
        .build();
  }

  private static PodTemplateSpec template(
      String app, Map<String, String> annotations, List<Container> containers) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .addToLabels("app", app)
        .addToAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withContainers(containers)
        .endSpec()
        .build();
  }

  Deployment deployment(
      String name, int replicas, Map<String, String> annotations, Container... containers) {
    return client
        .apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withTemplate(template(name, annotations, List.of(containers)))
                .endSpec()
                .build())
        .create();
  }

  StatefulSet statefulSet(String name, Container... containers) {
    return client
        .apps()
        .statefulSets()
        .inNamespace(namespace)
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withServiceName(name)
                .withReplicas(2)
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withTemplate(template(name, Map.of(), List.of(containers)))
                .endSpec()
                .build())
        .create();
  }

  DaemonSet daemonSet(String name, Container... containers) {
    return client
        .apps()
        .daemonSets()
        .inNamespace(namespace)
        .resource(
            new DaemonSetBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", name)
                .endSelector()
                .withTemplate(template(name, Map.of(), List.of(containers)))
                .endSpec()
                .build())
        .create();
  }

  /**
   * A pod of workload {@code app}; with {@code statuses}, their state written through {@code
   * pods/status} (phase Running), else left Pending.
   */
  Pod pod(String name, String app, List<Container> containers, ContainerStatus... statuses) {
    Pod created =
        client
            .pods()
            .inNamespace(namespace)
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName(name)
                    .addToLabels("app", app)
                    .endMetadata()
                    .withNewSpec()
                    .withContainers(containers)
                    .endSpec()
                    .build())
            .create();
    if (statuses.length == 0) {
      return created;
    }
    created.setStatus(
        new PodStatusBuilder()
            .withPhase("Running")
            .withStartTime(Instant.now().toString())
            .withContainerStatuses(statuses)
            .build());
    return client.pods().inNamespace(namespace).resource(created).updateStatus();
  }

  static ContainerStatus waiting(String container, String reason, String message, int restarts) {
    return base(container, false, restarts)
        .withNewState()
        .withNewWaiting()
        .withReason(reason)
        .withMessage(message)
        .endWaiting()
        .endState()
        .build();
  }

  static ContainerStatus running(String container, boolean ready, int restarts) {
    return base(container, ready, restarts)
        .withNewState()
        .withNewRunning()
        .withStartedAt(Instant.now().toString())
        .endRunning()
        .endState()
        .build();
  }

  /** Running again after its last run was killed out of memory. */
  static ContainerStatus oomKilledBefore(String container) {
    return base(container, true, 3)
        .withNewState()
        .withNewRunning()
        .withStartedAt(Instant.now().toString())
        .endRunning()
        .endState()
        .withNewLastState()
        .withNewTerminated()
        .withReason("OOMKilled")
        .withExitCode(137)
        .endTerminated()
        .endLastState()
        .build();
  }

  private static ContainerStatusBuilder base(String container, boolean ready, int restarts) {
    return new ContainerStatusBuilder()
        .withName(container)
        .withImage("example/" + container + ":1")
        .withImageID("")
        .withReady(ready)
        .withRestartCount(restarts);
  }

  /** A core/v1 Event about an object of this namespace, as a kubelet or controller writes it. */
  Event event(
      String name,
      String type,
      String reason,
      String kind,
      String object,
      String fieldPath,
      String message,
      int count,
      Instant last) {
    return client
        .v1()
        .events()
        .inNamespace(namespace)
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withCount(count)
                .withFirstTimestamp(last.minusSeconds(600).toString())
                .withLastTimestamp(last.toString())
                .withNewSource()
                .withComponent("kubelet")
                .endSource()
                .withNewInvolvedObject()
                .withKind(kind)
                .withName(object)
                .withNamespace(namespace)
                .withFieldPath(fieldPath)
                .endInvolvedObject()
                .build())
        .create();
  }

  /**
   * An events.k8s.io/v1 Event with a series, as the scheduler writes FailedScheduling: no
   * first/last timestamps or count, but an eventTime and a series count and last observation.
   */
  void seriesEvent(
      String name,
      String reason,
      String pod,
      String note,
      Instant first,
      int count,
      Instant lastObserved) {
    client
        .events()
        .v1()
        .events()
        .inNamespace(namespace)
        .resource(
            new io.fabric8.kubernetes.api.model.events.v1.EventBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withType("Warning")
                .withReason(reason)
                .withAction("Scheduling")
                .withNote(note)
                .withReportingController("default-scheduler")
                .withReportingInstance("default-scheduler-node-1")
                .withEventTime(micro(first))
                .withNewSeries()
                .withCount(count)
                .withLastObservedTime(micro(lastObserved))
                .endSeries()
                .withNewRegarding()
                .withKind("Pod")
                .withName(pod)
                .withNamespace(namespace)
                .endRegarding()
                .build())
        .create();
  }

  /** The API server wants microseconds, all six digits. */
  private static MicroTime micro(Instant instant) {
    return new MicroTime(
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC)
            .format(instant));
  }

  Service service(String name, Map<String, String> selector, int port, String targetPort) {
    return client
        .services()
        .inNamespace(namespace)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .withSelector(selector)
                .addNewPort()
                .withName("http")
                .withPort(port)
                .withTargetPort(
                    targetPort.chars().allMatch(Character::isDigit)
                        ? new IntOrString(Integer.parseInt(targetPort))
                        : new IntOrString(targetPort))
                .endPort()
                .endSpec()
                .build())
        .create();
  }

  /** A Secret with the given plain values, stored base64-encoded as the API wants them. */
  Secret secret(String name, String type, Map<String, String> values) {
    Map<String, String> data = new LinkedHashMap<>();
    values.forEach(
        (key, value) ->
            data.put(
                key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
    return client
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withType(type)
                .withData(data)
                .build())
        .create();
  }

  ConfigMap configMap(String name, Map<String, String> data) {
    return client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withData(data)
                .build())
        .create();
  }
}
