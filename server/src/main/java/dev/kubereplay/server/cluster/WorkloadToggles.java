package dev.kubereplay.server.cluster;

import dev.kubereplay.server.cluster.kube.ClusterClients;
import dev.kubereplay.server.cluster.kube.KubeErrors;
import dev.kubereplay.server.cluster.kube.ResourceKind;
import dev.kubereplay.server.cluster.live.ClusterReader;
import dev.kubereplay.server.cluster.views.Workload;
import dev.kubereplay.server.cluster.views.WorkloadRef;
import dev.kubereplay.server.cluster.views.WorkloadRow;
import dev.kubereplay.server.cluster.views.WorkloadsView;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;

/**
 * Turns kubereplay annotations of a workload's pod template on and off, with a JSON merge patch.
 * The server never edits pods: the operator acts on the next rollout.
 */
final class WorkloadToggles {

  private final ClusterClients clients;

  WorkloadToggles(ClusterClients clients) {
    this.clients = clients;
  }

  WorkloadRow set(
      Scope scope, WorkloadRef ref, String annotation, boolean enabled, ClusterReader reader) {
    if (ref == null || ref.name() == null || ref.name().isEmpty()) {
      throw new ClusterException(ClusterException.Reason.INVALID, "workload", "no workload named");
    }
    if (ref.kind() == null || ref.kind().isEmpty()) {
      throw new ClusterException(
          ClusterException.Reason.INVALID,
          ref.name(),
          "no kind given for workload " + ref.name() + ": Deployment, StatefulSet or DaemonSet");
    }
    String patch =
        "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\""
            + annotation
            + "\":\""
            + enabled
            + "\"}}}}}";
    PatchContext merge = PatchContext.of(PatchType.JSON_MERGE);
    var client = clients.client(scope.context());
    String resource = ref.kind().toLowerCase(java.util.Locale.ROOT) + "s/" + ref.name();
    Workload patched;
    try {
      patched = patch(client, ref, scope, resource, merge, patch);
    } catch (ClusterException e) {
      // A real API server answers 404 to a patch of a missing object (no null as from a mock):
      // the same message either way.
      throw e.reason() == ClusterException.Reason.NOT_FOUND ? notFound(ref, scope) : e;
    }
    List<io.fabric8.kubernetes.api.model.Pod> pods = podsOrNone(scope, reader);
    return WorkloadsView.build(patched, pods, List.of());
  }

  private static Workload patch(
      io.fabric8.kubernetes.client.KubernetesClient client,
      WorkloadRef ref,
      Scope scope,
      String resource,
      PatchContext merge,
      String patch) {
    return switch (ref.kind()) {
      case "Deployment" ->
          Workload.of(patch(client, ResourceKind.DEPLOYMENTS, ref, scope, resource, merge, patch));
      case "StatefulSet" ->
          Workload.of(
              patch(client, ResourceKind.STATEFUL_SETS, ref, scope, resource, merge, patch));
      case "DaemonSet" ->
          Workload.of(patch(client, ResourceKind.DAEMON_SETS, ref, scope, resource, merge, patch));
      default ->
          throw new ClusterException(
              ClusterException.Reason.INVALID,
              ref.kind(),
              "cannot annotate a " + ref.kind() + ": only Deployment, StatefulSet and DaemonSet");
    };
  }

  private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> T patch(
      io.fabric8.kubernetes.client.KubernetesClient client,
      ResourceKind<T> kind,
      WorkloadRef ref,
      Scope scope,
      String resource,
      PatchContext merge,
      String patch) {
    return KubeErrors.call(
        "patch",
        resource,
        scope.namespace(),
        () ->
            nonNull(
                kind.operation()
                    .apply(client)
                    .inNamespace(scope.namespace())
                    .withName(ref.name())
                    .patch(merge, patch),
                ref,
                scope));
  }

  private static <T> T nonNull(T patched, WorkloadRef ref, Scope scope) {
    if (patched == null) {
      throw notFound(ref, scope);
    }
    return patched;
  }

  private static ClusterException notFound(WorkloadRef ref, Scope scope) {
    return new ClusterException(
        ClusterException.Reason.NOT_FOUND,
        ref.kind() + "/" + ref.name(),
        "not found: " + ref.kind() + " " + ref.name() + " in namespace " + scope.namespace());
  }

  /** The answer's health needs pods; a user who may patch but not list pods still gets one. */
  private static List<io.fabric8.kubernetes.api.model.Pod> podsOrNone(
      Scope scope, ClusterReader reader) {
    try {
      return reader.list(scope, ResourceKind.PODS).items();
    } catch (ClusterException e) {
      return List.of();
    }
  }
}
