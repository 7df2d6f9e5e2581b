package dev.kubereplay.intellij.cluster;

import dev.kubereplay.protocol.cluster.ClusterDto;
import dev.kubereplay.protocol.cluster.FreshnessDto;
import dev.kubereplay.protocol.cluster.KubeContextDto;
import dev.kubereplay.protocol.cluster.ListNamespacesResponse;
import dev.kubereplay.protocol.cluster.WatchParams;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Everything the tool window knows, as one immutable snapshot: what a listener is given. Maps hold
 * only what was asked for; a missing entry means "not asked yet".
 *
 * @param contexts the kube contexts
 * @param clusters per context, its {@code cluster/listClusters} entry
 * @param namespaces per context, its namespaces
 * @param addedNamespaces per context, namespaces the user named that the list lacks
 * @param connections per context, the connection state the last {@code CONNECTION} change told
 * @param views per view, its answer
 * @param watching the {@code cluster/watch} in force, or null when nothing is watched
 */
public record ClusterState(
    ContextsState contexts,
    Map<String, Load<ClusterDto>> clusters,
    Map<String, Load<ListNamespacesResponse>> namespaces,
    Map<String, List<String>> addedNamespaces,
    Map<String, FreshnessDto> connections,
    Map<ViewKey, Load<Object>> views,
    WatchParams watching) {

  public static ClusterState initial() {
    return new ClusterState(
        new ContextsState.Loading(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null);
  }

  /** The contexts, when they are known. */
  public List<KubeContextDto> contextList() {
    return contexts instanceof ContextsState.Loaded loaded
        ? loaded.response().contexts()
        : List.of();
  }

  public Optional<KubeContextDto> context(String name) {
    return contextList().stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** A view's answer, or null when it was never asked for. */
  public Load<Object> view(Scope scope, ViewKind kind) {
    return views.get(ViewKey.of(scope, kind));
  }

  /** The namespaces to show for a context: the listed ones and the ones the user added, sorted. */
  public List<String> namespacesOf(String context) {
    TreeSet<String> names = new TreeSet<>(addedNamespaces.getOrDefault(context, List.of()));
    if (namespaces.get(context) instanceof Load.Loaded<ListNamespacesResponse> loaded) {
      names.addAll(loaded.value().namespaces());
    }
    return List.copyOf(names);
  }

  /** Whether the server keeps this scope live for the tool window. */
  public boolean watches(Scope scope) {
    return watching != null
        && watching.context().equals(scope.context())
        && watching.namespace().equals(scope.namespace());
  }

  /** The connection state of a context, fresh unless a {@code CONNECTION} change said otherwise. */
  public FreshnessDto connection(String context) {
    return connections.getOrDefault(context, Load.FRESH);
  }
}
