package dev.kubereplay.server.cluster.views;

import dev.kubereplay.server.cluster.kube.Selectors;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A namespace's pods by label and its events by pod, built once per table: matching every
 * workload's selector against every pod costs workloads × pods, which is ten million checks for a
 * thousand workloads of ten pods.
 */
final class PodIndex {

  private final List<Pod> pods;
  private final Map<String, List<Pod>> byLabel = new HashMap<>();
  private final Map<String, List<Event>> eventsByPod = new HashMap<>();

  PodIndex(List<Pod> pods, List<Event> events) {
    this.pods = pods;
    for (Pod pod : pods) {
      Map<String, String> labels = pod.getMetadata().getLabels();
      if (labels != null) {
        labels.forEach(
            (k, v) -> byLabel.computeIfAbsent(k + "=" + v, x -> new ArrayList<>()).add(pod));
      }
    }
    for (Event event : events) {
      var object = event.getInvolvedObject();
      if (object != null && "Pod".equals(object.getKind()) && object.getName() != null) {
        eventsByPod.computeIfAbsent(object.getName(), x -> new ArrayList<>()).add(event);
      }
    }
  }

  /** The pods a selector selects, sorted by name. */
  List<Pod> select(LabelSelector selector) {
    List<Pod> candidates = pods;
    if (selector != null
        && selector.getMatchLabels() != null
        && !selector.getMatchLabels().isEmpty()) {
      var first = selector.getMatchLabels().entrySet().iterator().next();
      candidates = byLabel.getOrDefault(first.getKey() + "=" + first.getValue(), List.of());
    }
    return candidates.stream()
        .filter(pod -> Selectors.matches(selector, pod.getMetadata().getLabels()))
        .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
        .toList();
  }

  /** The events about one pod. */
  List<Event> eventsOf(Pod pod) {
    return eventsByPod.getOrDefault(pod.getMetadata().getName(), List.of());
  }
}
