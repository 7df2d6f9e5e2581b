package dev.kubereplay.server.cluster.views;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What is wrong with a pod, read from its status and from the events about it. */
final class PodProblems {

  private static final Set<String> WAITING_PROBLEMS =
      Set.of(
          "CrashLoopBackOff",
          "ImagePullBackOff",
          "ErrImagePull",
          "CreateContainerConfigError",
          "CreateContainerError",
          "InvalidImageName",
          "RunContainerError");

  /** Problems that mean the workload is failing, not just starting. */
  static final Set<String> FAILING =
      Set.of(
          "CrashLoopBackOff",
          "ImagePullBackOff",
          "ErrImagePull",
          "OOMKilled",
          "CreateContainerConfigError",
          "CreateContainerError",
          "InvalidImageName",
          "RunContainerError");

  private PodProblems() {}

  static List<PodProblem> of(Pod pod, List<Event> events) {
    String name = pod.getMetadata().getName();
    List<PodProblem> problems = new ArrayList<>();
    var status = pod.getStatus();
    if (status != null && status.getContainerStatuses() != null) {
      for (ContainerStatus container : status.getContainerStatuses()) {
        var waiting = container.getState() == null ? null : container.getState().getWaiting();
        if (waiting != null && WAITING_PROBLEMS.contains(waiting.getReason())) {
          problems.add(
              new PodProblem(name, container.getName(), waiting.getReason(), waiting.getMessage()));
        }
        var terminated =
            container.getLastState() == null ? null : container.getLastState().getTerminated();
        if (terminated != null && "OOMKilled".equals(terminated.getReason())) {
          problems.add(
              new PodProblem(
                  name,
                  container.getName(),
                  "OOMKilled",
                  "last run ended out of memory (exit code " + terminated.getExitCode() + ")"));
        }
        var current = container.getState() == null ? null : container.getState().getTerminated();
        if (current != null && "OOMKilled".equals(current.getReason())) {
          problems.add(
              new PodProblem(name, container.getName(), "OOMKilled", "killed out of memory"));
        }
        var running = container.getState() == null ? null : container.getState().getRunning();
        if (running != null && Boolean.FALSE.equals(container.getReady())) {
          problems.add(
              new PodProblem(
                  name,
                  container.getName(),
                  "Unready",
                  "running but not ready: readiness probe failing"));
        }
      }
    }
    if (status != null && "Pending".equals(status.getPhase()) && problems.isEmpty()) {
      problems.add(new PodProblem(name, null, "Pending", pendingReason(status.getConditions())));
    }
    for (Event event : events) {
      if ("Unhealthy".equals(event.getReason()) && isAbout(event, pod)) {
        String container = containerOf(event);
        problems.add(new PodProblem(name, container, "ProbeFailed", event.getMessage()));
        break; // one line per pod is enough; the events view has them all
      }
    }
    return problems;
  }

  private static String pendingReason(List<PodCondition> conditions) {
    if (conditions != null) {
      for (PodCondition condition : conditions) {
        if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
          return condition.getMessage() == null
              ? "not scheduled"
              : "not scheduled: " + condition.getMessage();
        }
      }
    }
    return "waiting to be scheduled and started";
  }

  static boolean isAbout(Event event, Pod pod) {
    var object = event.getInvolvedObject();
    return object != null
        && "Pod".equals(object.getKind())
        && pod.getMetadata().getName().equals(object.getName());
  }

  /** {@code spec.containers{api}} names the container an event is about. */
  private static String containerOf(Event event) {
    String path = event.getInvolvedObject().getFieldPath();
    if (path != null && path.startsWith("spec.containers{") && path.endsWith("}")) {
      return path.substring("spec.containers{".length(), path.length() - 1);
    }
    return null;
  }
}
