package dev.kubereplay.server.cluster.views;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;

/** Deployments, StatefulSets and DaemonSets seen the same way: a pod template and counts. */
public record Workload(
    String kind,
    String name,
    String namespace,
    PodTemplateSpec template,
    LabelSelector selector,
    int desired,
    int ready) {

  public static Workload of(Deployment d) {
    Integer replicas = d.getSpec().getReplicas();
    Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
    return new Workload(
        "Deployment",
        d.getMetadata().getName(),
        d.getMetadata().getNamespace(),
        d.getSpec().getTemplate(),
        d.getSpec().getSelector(),
        replicas == null ? 1 : replicas,
        orZero(ready));
  }

  public static Workload of(StatefulSet s) {
    Integer replicas = s.getSpec().getReplicas();
    Integer ready = s.getStatus() == null ? null : s.getStatus().getReadyReplicas();
    return new Workload(
        "StatefulSet",
        s.getMetadata().getName(),
        s.getMetadata().getNamespace(),
        s.getSpec().getTemplate(),
        s.getSpec().getSelector(),
        replicas == null ? 1 : replicas,
        orZero(ready));
  }

  public static Workload of(DaemonSet d) {
    Integer desired = d.getStatus() == null ? null : d.getStatus().getDesiredNumberScheduled();
    Integer ready = d.getStatus() == null ? null : d.getStatus().getNumberReady();
    return new Workload(
        "DaemonSet",
        d.getMetadata().getName(),
        d.getMetadata().getNamespace(),
        d.getSpec().getTemplate(),
        d.getSpec().getSelector(),
        orZero(desired),
        orZero(ready));
  }

  Map<String, String> templateAnnotations() {
    if (template == null
        || template.getMetadata() == null
        || template.getMetadata().getAnnotations() == null) {
      return Map.of();
    }
    return template.getMetadata().getAnnotations();
  }

  Map<String, String> templateLabels() {
    if (template == null
        || template.getMetadata() == null
        || template.getMetadata().getLabels() == null) {
      return Map.of();
    }
    return template.getMetadata().getLabels();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
