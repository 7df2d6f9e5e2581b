package dev.kubereplay.intellij.cluster;

import dev.kubereplay.protocol.cluster.ClusterView;

/** The views under a namespace, in the order the tree shows them. */
public enum ViewKind {
  /** The operator's ConfigMap: context-level, read on request only, never watched. */
  CONFIGURATION("Configuration", null),
  WORKLOADS("Workloads", ClusterView.WORKLOADS),
  SECRETS("Secrets", ClusterView.SECRETS),
  SERVICES("Services", ClusterView.SERVICES),
  EVENTS("Events", ClusterView.EVENTS),
  REPLAYS("Replays", ClusterView.REPLAYS);

  private final String label;
  private final ClusterView clusterView;

  ViewKind(String label, ClusterView clusterView) {
    this.label = label;
    this.clusterView = clusterView;
  }

  public String label() {
    return label;
  }

  /** The protocol's name for it in {@code cluster/watch}, or null when it is not watched. */
  public ClusterView clusterView() {
    return clusterView;
  }

  /** True for the views that belong to the context, not to one namespace. */
  public boolean contextLevel() {
    return clusterView == null;
  }

  public static ViewKind of(ClusterView view) {
    for (ViewKind kind : values()) {
      if (kind.clusterView == view) {
        return kind;
      }
    }
    throw new IllegalArgumentException("no view kind for " + view);
  }
}
