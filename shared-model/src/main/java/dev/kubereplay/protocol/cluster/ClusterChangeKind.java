package dev.kubereplay.protocol.cluster;

/** What a {@code cluster/didChange} notification says has changed; travels as its name. */
public enum ClusterChangeKind {
  /** The kubeconfig files changed: contexts were added, removed or edited. */
  CONTEXTS,
  /** Objects of watched views changed: ask for those views again. */
  VIEWS,
  /** The API server was lost (views turn stale) or is back (fresh again). */
  CONNECTION
}
