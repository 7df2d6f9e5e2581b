package dev.kubereplay.server.cluster.logs;

import static dev.kubereplay.server.cluster.ClusterContract.SIDECAR_CONTAINER;

import dev.kubereplay.server.cluster.ClusterException;
import dev.kubereplay.server.cluster.ClusterException.Reason;
import dev.kubereplay.server.cluster.Scope;
import dev.kubereplay.server.cluster.kube.KubeErrors;
import dev.kubereplay.server.cluster.kube.Selectors;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Finds the pods and containers a log request means, and opens their logs. */
final class LogSource {

  /** One container of one pod whose log is read. */
  record Stream(String pod, String container, Loggable loggable) {}

  private LogSource() {}

  static List<Stream> streams(KubernetesClient client, Scope scope, LogRequest request) {
    List<Pod> pods = pods(client, scope, request);
    return pods.stream().map(pod -> stream(client, scope, pod, request)).toList();
  }

  private static List<Pod> pods(KubernetesClient client, Scope scope, LogRequest request) {
    String ns = scope.namespace();
    String name = request.target();
    String kind = request.kind();
    if (kind == null || !"Pod".equals(kind)) {
      LabelSelector selector = workloadSelector(client, ns, name, kind);
      if (selector != null) {
        List<Pod> pods =
            KubeErrors.call(
                    "list", "pods", ns, () -> client.pods().inNamespace(ns).list().getItems())
                .stream()
                .filter(pod -> Selectors.matches(selector, pod.getMetadata().getLabels()))
                .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
                .toList();
        if (pods.isEmpty()) {
          throw new ClusterException(
              Reason.NOT_FOUND,
              name,
              (kind == null ? "workload" : kind)
                  + " "
                  + name
                  + " in namespace "
                  + ns
                  + " has no pods");
        }
        return pods;
      }
      if (kind != null) {
        throw new ClusterException(
            Reason.NOT_FOUND, name, "not found: " + kind + " " + name + " in namespace " + ns);
      }
    }
    Pod pod =
        KubeErrors.call(
            "get", "pods", ns, () -> client.pods().inNamespace(ns).withName(name).get());
    if (pod == null) {
      throw new ClusterException(
          Reason.NOT_FOUND,
          name,
          "not found: no workload or pod named " + name + " in namespace " + ns);
    }
    return List.of(pod);
  }

  private static LabelSelector workloadSelector(
      KubernetesClient client, String ns, String name, String kind) {
    if (kind == null || "Deployment".equals(kind)) {
      var d =
          KubeErrors.call(
              "get",
              "deployments",
              ns,
              () -> client.apps().deployments().inNamespace(ns).withName(name).get());
      if (d != null) {
        return d.getSpec().getSelector();
      }
    }
    if (kind == null || "StatefulSet".equals(kind)) {
      var s =
          KubeErrors.call(
              "get",
              "statefulsets",
              ns,
              () -> client.apps().statefulSets().inNamespace(ns).withName(name).get());
      if (s != null) {
        return s.getSpec().getSelector();
      }
    }
    if (kind == null || "DaemonSet".equals(kind)) {
      var d =
          KubeErrors.call(
              "get",
              "daemonsets",
              ns,
              () -> client.apps().daemonSets().inNamespace(ns).withName(name).get());
      if (d != null) {
        return d.getSpec().getSelector();
      }
    }
    if (kind != null && !List.of("Deployment", "StatefulSet", "DaemonSet").contains(kind)) {
      throw new ClusterException(
          Reason.INVALID,
          kind,
          "cannot read logs of a " + kind + ": give a Deployment, StatefulSet, DaemonSet or Pod");
    }
    return null;
  }

  private static Stream stream(KubernetesClient client, Scope scope, Pod pod, LogRequest request) {
    String podName = pod.getMetadata().getName();
    List<Container> containers = pod.getSpec() == null ? List.of() : pod.getSpec().getContainers();
    String container;
    if (request.sidecar()) {
      container = SIDECAR_CONTAINER;
    } else if (request.container() != null) {
      container = request.container();
    } else {
      container =
          containers.stream()
              .map(Container::getName)
              .filter(c -> !SIDECAR_CONTAINER.equals(c))
              .findFirst()
              .orElseThrow(
                  () ->
                      new ClusterException(
                          Reason.INVALID, podName, "pod " + podName + " has no app container"));
    }
    String wanted = container;
    if (containers.stream().noneMatch(c -> wanted.equals(c.getName()))) {
      String names = containers.stream().map(Container::getName).collect(Collectors.joining(", "));
      throw new ClusterException(
          Reason.INVALID,
          podName,
          "pod " + podName + " has no container " + wanted + " (it has: " + names + ")");
    }
    TimeTailPrettyLoggable logs =
        client.pods().inNamespace(scope.namespace()).withName(podName).inContainer(container);
    if (request.previous()) {
      logs =
          client
              .pods()
              .inNamespace(scope.namespace())
              .withName(podName)
              .inContainer(container)
              .terminated();
    }
    Loggable loggable = logs;
    if (request.since() != null) {
      var since = logs.sinceSeconds((int) Math.max(1, request.since().toSeconds()));
      loggable = request.tailLines() != null ? since.tailingLines(request.tailLines()) : since;
    } else if (request.tailLines() != null) {
      loggable = logs.tailingLines(request.tailLines());
    }
    return new Stream(podName, container, loggable);
  }
}
