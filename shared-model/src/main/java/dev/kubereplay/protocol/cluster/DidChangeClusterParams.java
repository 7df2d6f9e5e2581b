package dev.kubereplay.protocol.cluster;

import dev.kubereplay.protocol.Nullable;
import java.util.List;

/**
 * Parameters of {@code cluster/didChange}.
 *
 * @param changes what changed
 * @param context the context concerned, for {@code VIEWS} and {@code CONNECTION}
 * @param namespace the namespace concerned, for {@code VIEWS}
 * @param views the watched views whose data changed, for {@code VIEWS}
 * @param freshness the connection's new state, for {@code CONNECTION}
 */
public record DidChangeClusterParams(
    List<ClusterChangeKind> changes,
    @Nullable String context,
    @Nullable String namespace,
    @Nullable List<ClusterView> views,
    @Nullable FreshnessDto freshness) {

  /** The kubeconfig files changed. */
  public static DidChangeClusterParams contexts() {
    return new DidChangeClusterParams(List.of(ClusterChangeKind.CONTEXTS), null, null, null, null);
  }
}
