package dev.kubereplay.intellij.cluster.tree;

/** The small painted shape in front of a row's name; the {@link Tone} colours it. */
public enum Mark {
  /** A context, the kubeconfig's current one filled. */
  DOT,
  RING,
  /** A namespace. */
  SQUARE,
  /** A view (Workloads, Secrets, ...). */
  FOLDER,
  /** A workload: filled, coloured by its sidecar health. */
  WORKLOAD,
  KEY,
  SERVICE,
  /** An event; a warning is a red triangle. */
  TRIANGLE,
  REPLAY,
  CONFIG,
  /** A failure in place of content. */
  ERROR,
  NONE
}
