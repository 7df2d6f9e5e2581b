package dev.kubereplay.server.cluster.views;

import static dev.kubereplay.server.cluster.ClusterContract.INJECT_ANNOTATION;
import static dev.kubereplay.server.cluster.ClusterContract.SIDECAR_CONTAINER;
import static dev.kubereplay.server.cluster.ClusterContract.TLS_OUT_ANNOTATION;

import dev.kubereplay.server.cluster.kube.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The workloads table: one row per Deployment, StatefulSet and DaemonSet of a namespace. */
public final class WorkloadsView {

  private WorkloadsView() {}

  /** The objects of one namespace that the table is made of. */
  public record Input(
      List<Deployment> deployments,
      List<StatefulSet> statefulSets,
      List<DaemonSet> daemonSets,
      List<Pod> pods,
      List<Event> events) {}

  public static List<WorkloadRow> build(Input input) {
    PodIndex index = new PodIndex(input.pods(), input.events());
    return Stream.of(
            input.deployments().stream().map(Workload::of),
            input.statefulSets().stream().map(Workload::of),
            input.daemonSets().stream().map(Workload::of))
        .flatMap(s -> s)
        .sorted(Comparator.comparing(Workload::kind).thenComparing(Workload::name))
        .map(workload -> row(workload, index.select(workload.selector()), index))
        .toList();
  }

  /** One workload's row, e.g. for the answer to a toggle. */
  public static WorkloadRow build(Workload workload, List<Pod> pods, List<Event> events) {
    PodIndex index = new PodIndex(pods, events);
    return row(workload, index.select(workload.selector()), index);
  }

  static WorkloadRow build(Deployment deployment, List<Pod> pods, List<Event> events) {
    return build(Workload.of(deployment), pods, events);
  }

  private static WorkloadRow row(Workload workload, List<Pod> pods, PodIndex index) {
    Map<String, String> annotations = workload.templateAnnotations();
    boolean injected = "true".equals(annotations.get(INJECT_ANNOTATION));
    boolean tlsOut = "true".equals(annotations.get(TLS_OUT_ANNOTATION));
    List<PodProblem> problems = new ArrayList<>();
    for (Pod pod : pods) {
      problems.addAll(PodProblems.of(pod, index.eventsOf(pod)));
    }
    List<String> reasons = new ArrayList<>();
    Health health = Health.OK;
    if (injected) {
      health = sidecarHealth(pods, reasons);
    }
    List<PodProblem> failing =
        problems.stream().filter(p -> PodProblems.FAILING.contains(p.reason())).toList();
    if (!failing.isEmpty()) {
      health = Health.ALERT;
      for (PodProblem problem : failing) {
        reasons.add("workload pod " + problem.pod() + " is failing: " + problem.reason());
      }
    }
    List<Container> containers =
        workload.template() == null || workload.template().getSpec() == null
            ? List.of()
            : workload.template().getSpec().getContainers();
    return new WorkloadRow(
        workload.kind(),
        workload.name(),
        workload.namespace(),
        workload.ready(),
        workload.desired(),
        injected,
        tlsOut,
        health,
        reasons,
        requests(containers.stream().filter(c -> !SIDECAR_CONTAINER.equals(c.getName())).toList()),
        requests(sidecarContainer(containers, pods)),
        problems);
  }

  private static Health sidecarHealth(List<Pod> pods, List<String> reasons) {
    Health health = Health.OK;
    for (Pod pod : pods) {
      String name = pod.getMetadata().getName();
      boolean hasSidecar =
          pod.getSpec() != null
              && pod.getSpec().getContainers().stream()
                  .anyMatch(c -> SIDECAR_CONTAINER.equals(c.getName()));
      if (!hasSidecar) {
        reasons.add(
            "injected, but pod "
                + name
                + " has no "
                + SIDECAR_CONTAINER
                + " (restart the workload to inject it)");
        health = Health.ALERT;
        continue;
      }
      ContainerStatus status = sidecarStatus(pod);
      if (status == null) {
        continue; // not started yet: the pod's own problems say why
      }
      var waiting = status.getState() == null ? null : status.getState().getWaiting();
      if (waiting != null && "CrashLoopBackOff".equals(waiting.getReason())) {
        reasons.add("sidecar in pod " + name + " is crash-looping");
        health = Health.ALERT;
      } else if (!Boolean.TRUE.equals(status.getReady())) {
        reasons.add("sidecar in pod " + name + " is not ready");
        health = max(health, Health.CAUTION);
      }
      if (status.getRestartCount() != null && status.getRestartCount() > 0) {
        reasons.add("sidecar in pod " + name + " restarted " + status.getRestartCount() + " times");
        health = max(health, Health.CAUTION);
      }
    }
    return health;
  }

  private static ContainerStatus sidecarStatus(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return null;
    }
    return pod.getStatus().getContainerStatuses().stream()
        .filter(s -> SIDECAR_CONTAINER.equals(s.getName()))
        .findFirst()
        .orElse(null);
  }

  /** The sidecar as the template declares it, else as the operator injected it into a pod. */
  private static List<Container> sidecarContainer(List<Container> template, List<Pod> pods) {
    List<Container> declared =
        template.stream().filter(c -> SIDECAR_CONTAINER.equals(c.getName())).toList();
    if (!declared.isEmpty()) {
      return declared;
    }
    return pods.stream()
        .filter(pod -> pod.getSpec() != null)
        .flatMap(pod -> pod.getSpec().getContainers().stream())
        .filter(c -> SIDECAR_CONTAINER.equals(c.getName()))
        .limit(1)
        .toList();
  }

  private static Requests requests(List<Container> containers) {
    long cpu = 0;
    long memory = 0;
    for (Container container : containers) {
      Map<String, Quantity> requests =
          container.getResources() == null ? null : container.getResources().getRequests();
      if (requests != null) {
        cpu += Quantities.cpuMillis(requests.get("cpu"));
        memory += Quantities.bytes(requests.get("memory"));
      }
    }
    return new Requests(cpu, memory);
  }

  private static Health max(Health a, Health b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
