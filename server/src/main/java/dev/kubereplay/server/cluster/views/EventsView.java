package dev.kubereplay.server.cluster.views;

import dev.kubereplay.server.cluster.kube.Selectors;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events, warnings first then newest first, each linked to the workload it concerns. */
public final class EventsView {

  private EventsView() {}

  public static List<EventRow> build(List<Event> events, List<Workload> workloads, List<Pod> pods) {
    Map<String, Pod> podsByName = new HashMap<>();
    pods.forEach(pod -> podsByName.put(pod.getMetadata().getName(), pod));
    return events.stream()
        .map(event -> row(event, workloads, podsByName))
        .sorted(
            Comparator.comparing((EventRow e) -> !"Warning".equals(e.type()))
                .thenComparing(EventRow::lastSeen, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(EventRow::objectName))
        .toList();
  }

  private static EventRow row(Event event, List<Workload> workloads, Map<String, Pod> pods) {
    ObjectReference object = event.getInvolvedObject();
    String kind = object == null || object.getKind() == null ? "" : object.getKind();
    String name = object == null || object.getName() == null ? "" : object.getName();
    Instant first = instant(event.getFirstTimestamp());
    Instant last = instant(event.getLastTimestamp());
    int count = event.getCount() == null || event.getCount() < 1 ? 1 : event.getCount();
    // events.k8s.io events (the scheduler's FailedScheduling, say) read through core/v1 have no
    // first/last timestamps or count: eventTime is the first occurrence, the series the rest.
    Instant eventTime =
        event.getEventTime() == null ? null : instant(event.getEventTime().getTime());
    var series = event.getSeries();
    if (series != null) {
      if (series.getCount() != null && series.getCount() > count) {
        count = series.getCount();
      }
      Instant observed =
          series.getLastObservedTime() == null
              ? null
              : instant(series.getLastObservedTime().getTime());
      if (observed != null && (last == null || observed.isAfter(last))) {
        last = observed;
      }
    }
    if (first == null) {
      first = eventTime;
    }
    if (last == null) {
      last = eventTime;
    }
    return new EventRow(
        event.getType() == null ? "Normal" : event.getType(),
        event.getReason() == null ? "" : event.getReason(),
        kind,
        name,
        event.getMessage() == null ? "" : event.getMessage().strip(),
        count,
        first,
        last == null ? first : last,
        workloadOf(kind, name, workloads, pods));
  }

  /** The workload an object belongs to: itself, its pods' owner by selector, or a ReplicaSet's. */
  static WorkloadRef workloadOf(
      String kind, String name, List<Workload> workloads, Map<String, Pod> pods) {
    for (Workload workload : workloads) {
      if (workload.kind().equals(kind) && workload.name().equals(name)) {
        return new WorkloadRef(kind, name);
      }
    }
    if ("Pod".equals(kind)) {
      Pod pod = pods.get(name);
      for (Workload workload : workloads) {
        if (pod != null && Selectors.matches(workload.selector(), pod.getMetadata().getLabels())) {
          return new WorkloadRef(workload.kind(), workload.name());
        }
      }
    }
    if ("ReplicaSet".equals(kind) && name.lastIndexOf('-') > 0) {
      String deployment = name.substring(0, name.lastIndexOf('-'));
      for (Workload workload : workloads) {
        if ("Deployment".equals(workload.kind()) && workload.name().equals(deployment)) {
          return new WorkloadRef("Deployment", deployment);
        }
      }
    }
    return null;
  }

  private static Instant instant(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      return null;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
