package dev.kubereplay.intellij.cluster.tree;

/** What a mark or a cell means, which the panel turns into a colour. */
public enum Tone {
  /** Nothing to say. */
  NEUTRAL,
  /** Healthy, current, ready: green. */
  OK,
  /** Needs a look (sidecar not ready, restarting; an upgrade is available): amber. */
  CAUTION,
  /** Broken, a warning event, forbidden, failed: red. */
  ALERT,
  /** Informational: blue. */
  INFO,
  /** Not applicable, not installed, unknown: grey. */
  MUTED
}
