package dev.kubereplay.server.cluster.views;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** TrafficReplay resources: active ones first, then newest first. */
public final class ReplaysView {

  private static final Set<String> FINISHED =
      Set.of("Complete", "Completed", "Succeeded", "Failed", "Error");

  private ReplaysView() {}

  public static List<ReplayRow> build(List<GenericKubernetesResource> replays) {
    return replays.stream()
        .map(ReplaysView::row)
        .sorted(
            Comparator.comparing(
                    (ReplayRow r) -> r.finishedTime() != null || FINISHED.contains(r.phase()))
                .thenComparing(
                    ReplayRow::startedTime, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ReplayRow::name))
        .toList();
  }

  @SuppressWarnings("unchecked")
  static ReplayRow row(GenericKubernetesResource replay) {
    Map<String, Object> spec = map(replay.getAdditionalProperties().get("spec"));
    Map<String, Object> status = map(replay.getAdditionalProperties().get("status"));
    String workload = null;
    Object workloads = spec.get("workloads");
    if (workloads instanceof List<?> list && !list.isEmpty()) {
      Map<String, Object> ref = map(map(list.get(0)).get("ref"));
      if (ref.get("name") != null) {
        workload = ref.getOrDefault("kind", "Deployment") + "/" + ref.get("name");
      }
    }
    boolean ready = false;
    if (status.get("conditions") instanceof List<?> conditions) {
      for (Object condition : conditions) {
        Map<String, Object> c = map(condition);
        if ("Ready".equals(c.get("type")) && "True".equals(c.get("status"))) {
          ready = true;
        }
      }
    }
    return new ReplayRow(
        replay.getMetadata().getName(),
        string(spec.get("snapshotID")),
        string(spec.get("mode")),
        workload,
        string(status.get("phase")),
        number(status.get("progress")),
        number(status.get("successRate")),
        ready,
        instant(status.get("startedTime")),
        instant(status.get("finishedTime")),
        string(status.get("message")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  private static Double number(Object value) {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    if (value instanceof String text) {
      try {
        return Double.parseDouble(text.replace("%", "").strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Instant.parse(value.toString());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
